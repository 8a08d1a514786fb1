import { lazy, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createQueryClient } from '../lib/query-client';
import { H5Layout } from './layout';
import { HomePage } from './routes/home';

// The home page is in the first bundle; every other page loads when it is opened.
const LoginPage = lazy(() => import('./routes/login'));
const OrgPage = lazy(() => import('./routes/org'));
const CommunityPage = lazy(() => import('./routes/community'));
const TeamsPage = lazy(() => import('./routes/teams'));
const TeamPage = lazy(() => import('./routes/team'));
const MePage = lazy(() => import('./routes/me'));
const MeEditPage = lazy(() => import('./routes/me-edit'));
const MyApplicationsPage = lazy(() => import('./routes/my-applications'));
const RegisterPage = lazy(() => import('./routes/register'));
const PrivacyPage = lazy(() => import('./routes/privacy'));
const RecoverPage = lazy(() => import('./routes/recover'));
const ActivitiesPage = lazy(() => import('./routes/activities'));
const ActivityDetailPage = lazy(() => import('./routes/activity-detail'));
const MyActivitiesPage = lazy(() => import('./routes/my-activities'));
const CheckInPage = lazy(() => import('./routes/check-in'));
const OrganizerCheckInPage = lazy(() => import('./routes/organizer-check-in'));
const VisitLogPage = lazy(() => import('./routes/visit-log'));
const CarePlansPage = lazy(() => import('./routes/care-plans'));
const ServiceMenuPage = lazy(() => import('./routes/service-menu'));
const OrderNewPage = lazy(() => import('./routes/order-new'));
const OrdersPage = lazy(() => import('./routes/orders'));
const OrderDetailPage = lazy(() => import('./routes/order-detail'));
const OffersPage = lazy(() => import('./routes/offers'));
const TaskDetailPage = lazy(() => import('./routes/task-detail'));
const IntakePage = lazy(() => import('./routes/intake'));
const ProxyOrderPage = lazy(() => import('./routes/proxy-order'));
const GridOrdersPage = lazy(() => import('./routes/grid-orders'));
const TeamDemandsPage = lazy(() => import('./routes/team-demands'));
const NotificationsPage = lazy(() => import('./routes/notifications'));
const VerifyPage = lazy(() => import('./routes/verify'));
const MyHoursPage = lazy(() => import('./routes/my-hours'));
const MyRecordsPage = lazy(() => import('./routes/my-records'));
const WalletPage = lazy(() => import('./routes/wallet'));
const StarPage = lazy(() => import('./routes/star'));
const MyCertificatesPage = lazy(() => import('./routes/my-certificates'));
const RewardsPage = lazy(() => import('./routes/rewards'));
const RedemptionsPage = lazy(() => import('./routes/redemptions'));
const MyQrPage = lazy(() => import('./routes/my-qr'));
const TimeBankPage = lazy(() => import('./routes/time-bank-transfer'));
const MerchantPage = lazy(() => import('./routes/merchant'));
const NotFoundPage = lazy(() => import('./routes/not-found'));

export function H5Routes() {
  return (
    <Routes>
      <Route element={<H5Layout />}>
        <Route index element={<HomePage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="org" element={<OrgPage />} />
        <Route path="communities/:id" element={<CommunityPage />} />
        <Route path="teams" element={<TeamsPage />} />
        <Route path="teams/:id" element={<TeamPage />} />
        <Route path="me" element={<MePage />} />
        <Route path="me/edit" element={<MeEditPage />} />
        <Route path="me/applications" element={<MyApplicationsPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="privacy" element={<PrivacyPage />} />
        <Route path="recover" element={<RecoverPage />} />
        <Route path="activities" element={<ActivitiesPage />} />
        <Route path="activities/:id" element={<ActivityDetailPage />} />
        <Route path="activities/:id/organizer" element={<OrganizerCheckInPage />} />
        <Route path="me/activities" element={<MyActivitiesPage />} />
        <Route path="check-in" element={<CheckInPage />} />
        <Route path="visits/new" element={<VisitLogPage />} />
        <Route path="care-plans" element={<CarePlansPage />} />
        <Route path="services" element={<ServiceMenuPage />} />
        <Route path="services/:itemId/order" element={<OrderNewPage />} />
        <Route path="orders" element={<OrdersPage />} />
        <Route path="orders/:id" element={<OrderDetailPage />} />
        <Route path="offers" element={<OffersPage />} />
        <Route path="tasks/:id" element={<TaskDetailPage />} />
        <Route path="intake" element={<IntakePage />} />
        <Route path="proxy-order" element={<ProxyOrderPage />} />
        <Route path="grid-orders" element={<GridOrdersPage />} />
        <Route path="team-demands" element={<TeamDemandsPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="verify/:number" element={<VerifyPage />} />
        <Route path="me/hours" element={<MyHoursPage />} />
        <Route path="me/records" element={<MyRecordsPage />} />
        <Route path="wallet" element={<WalletPage />} />
        <Route path="me/star" element={<StarPage />} />
        <Route path="me/certificates" element={<MyCertificatesPage />} />
        <Route path="rewards" element={<RewardsPage />} />
        <Route path="me/redemptions" element={<RedemptionsPage />} />
        <Route path="me/qr" element={<MyQrPage />} />
        <Route path="time-bank" element={<TimeBankPage />} />
        <Route path="merchant" element={<MerchantPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function H5App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <BrowserRouter>
        <H5Routes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
