import { lazy, useState, type ReactNode } from 'react';
import { Alert, ConfigProvider, Empty } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/account/api/get-me';
import { useApplyServerPreferences } from '../features/account/hooks/use-preferences';
import { currentLanguage } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';
import { isStaff } from '../lib/roles';
import { Loading, ProblemAlert } from './components/query-state';
import { ConsoleLayout } from './layout';
import { canOpen, type ConsoleSection } from './nav';
import { LoginPage } from './routes/login';
import { NoAccessPage } from './routes/no-access';

const DashboardPage = lazy(() => import('./routes/dashboard'));
const CommunitiesPage = lazy(() => import('./routes/communities'));
const TeamsPage = lazy(() => import('./routes/teams'));
const TeamPage = lazy(() => import('./routes/team'));
const VolunteersPage = lazy(() => import('./routes/volunteers'));
const ResidentsPage = lazy(() => import('./routes/residents'));
const UnitsPage = lazy(() => import('./routes/units'));
const MePage = lazy(() => import('./routes/me'));
const ImportsPage = lazy(() => import('./routes/imports'));
const PartyReportsPage = lazy(() => import('./routes/party-reports'));
const PartyMembersPage = lazy(() => import('./routes/party-members'));
const DeletionRequestsPage = lazy(() => import('./routes/deletion-requests'));
const RecoveryRequestsPage = lazy(() => import('./routes/recovery-requests'));
const DispatchBoardPage = lazy(() => import('./routes/dispatch-board'));
const DemandsPage = lazy(() => import('./routes/demands'));
const DemandDetailPage = lazy(() => import('./routes/demand-detail'));
const DispatchSuggestionsPage = lazy(() => import('./routes/dispatch-suggestions'));
const ServiceMenuPage = lazy(() => import('./routes/service-menu'));
const ActivitiesPage = lazy(() => import('./routes/activities'));
const ActivityDetailPage = lazy(() => import('./routes/activity-detail'));
const CampaignsPage = lazy(() => import('./routes/campaigns'));
const VerificationPage = lazy(() => import('./routes/verification'));
const ManualRecordsPage = lazy(() => import('./routes/manual-records'));
const CorrectionsPage = lazy(() => import('./routes/corrections'));
const PointRulesPage = lazy(() => import('./routes/point-rules'));
const RewardsAdminPage = lazy(() => import('./routes/rewards-admin'));
const StarsPage = lazy(() => import('./routes/stars'));
const CertificatesPage = lazy(() => import('./routes/certificates'));
const ReportsPage = lazy(() => import('./routes/reports'));
const AuditLogPage = lazy(() => import('./routes/audit-log'));
const NotFoundPage = lazy(() => import('./routes/not-found'));

/** Signed-in staff get the console; others a clear message with a way back to the H5. */
function StaffOnly() {
  const me = useMe();
  const location = useLocation();
  useApplyServerPreferences({ elderly: false });
  if (me.isPending) return <Loading />;
  if (me.isError) return <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!isStaff(me.data)) return <NoAccessPage />;
  return <ConsoleLayout me={me.data} />;
}

/** A page of a section the user's roles do not open says so (the menu does not show it either). */
function Section({ name, page }: { name: ConsoleSection; page: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (me && !canOpen(me, name)) {
    return (
      <>
        <h1 className="console-page-title">{t(`console.menu.${name}`)}</h1>
        <Alert type="warning" showIcon role="alert" title={t('console.sectionForbidden')} />
      </>
    );
  }
  return page;
}

export function ConsoleRoutes() {
  return (
    <Routes>
      <Route path="login" element={<LoginPage />} />
      <Route element={<StaffOnly />}>
        <Route index element={<DashboardPage />} />
        <Route path="communities" element={<CommunitiesPage />} />
        <Route path="teams" element={<TeamsPage />} />
        <Route path="teams/:id" element={<TeamPage />} />
        <Route path="volunteers" element={<VolunteersPage />} />
        <Route path="residents" element={<ResidentsPage />} />
        <Route path="units" element={<UnitsPage />} />
        <Route path="imports" element={<Section name="imports" page={<ImportsPage />} />} />
        <Route path="party-reports" element={<Section name="partyReports" page={<PartyReportsPage />} />} />
        <Route path="party-members" element={<Section name="partyMembers" page={<PartyMembersPage />} />} />
        <Route path="deletion-requests" element={<Section name="deletionRequests" page={<DeletionRequestsPage />} />} />
        <Route path="recovery-requests" element={<Section name="recoveryRequests" page={<RecoveryRequestsPage />} />} />
        <Route path="dispatch" element={<Section name="dispatchBoard" page={<DispatchBoardPage />} />} />
        <Route path="demands" element={<Section name="demands" page={<DemandsPage />} />} />
        <Route path="demands/:id" element={<Section name="demands" page={<DemandDetailPage />} />} />
        <Route path="dispatch-suggestions" element={<Section name="dispatchSuggestions" page={<DispatchSuggestionsPage />} />} />
        <Route path="service-menu" element={<Section name="serviceMenu" page={<ServiceMenuPage />} />} />
        <Route path="activities" element={<Section name="activities" page={<ActivitiesPage />} />} />
        <Route path="activities/:id" element={<Section name="activities" page={<ActivityDetailPage />} />} />
        <Route path="campaigns" element={<Section name="campaigns" page={<CampaignsPage />} />} />
        <Route path="verification" element={<Section name="verification" page={<VerificationPage />} />} />
        <Route path="manual-records" element={<Section name="manualRecords" page={<ManualRecordsPage />} />} />
        <Route path="corrections" element={<Section name="corrections" page={<CorrectionsPage />} />} />
        <Route path="point-rules" element={<Section name="pointRules" page={<PointRulesPage />} />} />
        <Route path="rewards" element={<Section name="rewardsAdmin" page={<RewardsAdminPage />} />} />
        <Route path="stars" element={<Section name="stars" page={<StarsPage />} />} />
        <Route path="certificates" element={<Section name="certificates" page={<CertificatesPage />} />} />
        <Route path="reports" element={<Section name="reports" page={<ReportsPage />} />} />
        <Route path="audit-log" element={<Section name="auditLog" page={<AuditLogPage />} />} />
        <Route path="me" element={<MePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** antd has no Tibetan locale: its few built-in words use Chinese, empty tables use our catalog. */
function ThemedApp({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      // antd would write 登录 as "登 录", which is also what screen readers and tests would then hear.
      button={{ autoInsertSpace: false }}
      renderEmpty={() => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />}
      theme={{
        token: {
          colorPrimary: '#0a58ca',
          // Hover and active shades stay dark enough for text on white (antd derives lighter ones).
          colorPrimaryHover: '#0b4fb5',
          colorPrimaryActive: '#083f91',
          colorLink: '#0a58ca',
          colorLinkHover: '#0b4fb5',
          colorError: '#c41d1d',
          fontFamily: 'var(--duodi-font)',
          // antd's default secondary greys are below 4.5:1 on white.
          colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
          colorTextDescription: 'rgba(0, 0, 0, 0.65)',
          colorTextQuaternary: 'rgba(0, 0, 0, 0.56)',
        },
      }}
    >
      {children}
    </ConfigProvider>
  );
}

export function ConsoleApp({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <ThemedApp>
        <BrowserRouter basename="/admin">
          <ConsoleRoutes />
        </BrowserRouter>
      </ThemedApp>
    </QueryClientProvider>
  );
}
