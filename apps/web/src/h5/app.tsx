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
