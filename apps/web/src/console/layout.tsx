import { Suspense, type ReactNode } from 'react';
import { Button, Layout, Menu } from 'antd';
import {
  BuildingIcon,
  ChartIcon,
  FlagIcon,
  HomeIcon,
  OrgIcon,
  PeopleIcon,
  ShieldIcon,
  TeamIcon,
  UploadIcon,
  UserIcon,
} from '../components/ui/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Me } from '@duodi/contracts';
import { useLogout } from '../features/account/api/logout';
import { currentLanguage } from '../lib/i18n';
import { localName } from '../lib/localize';
import { LanguageSwitch } from './components/language-switch';
import { NotificationBell } from './components/notification-bell';
import { Loading } from './components/query-state';
import { navFor, type ConsoleSection } from './nav';

const ICONS: Record<ConsoleSection, ReactNode> = {
  dashboard: <ChartIcon />,
  communities: <OrgIcon />,
  teams: <TeamIcon />,
  volunteers: <PeopleIcon />,
  residents: <HomeIcon />,
  units: <BuildingIcon />,
  imports: <UploadIcon />,
  partyReports: <FlagIcon />,
  partyMembers: <FlagIcon />,
  deletionRequests: <ShieldIcon />,
  recoveryRequests: <UserIcon />,
  dispatchBoard: <ChartIcon />,
  demands: <FlagIcon />,
  dispatchSuggestions: <TeamIcon />,
  serviceMenu: <BuildingIcon />,
  activities: <FlagIcon />,
  campaigns: <HomeIcon />,
  verification: <ShieldIcon />,
  manualRecords: <UploadIcon />,
  corrections: <FlagIcon />,
  pointRules: <ChartIcon />,
  rewardsAdmin: <BuildingIcon />,
  stars: <PeopleIcon />,
  certificates: <ShieldIcon />,
  reports: <ChartIcon />,
  auditLog: <ShieldIcon />,
  me: <UserIcon />,
};

function selectedKey(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return first ? `/${first}` : '/';
}

export function ConsoleLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout({ onSignedOut: () => navigate('/login', { replace: true }) });
  const items = navFor(me.roles).map((item) => ({
    key: item.path,
    icon: ICONS[item.section],
    label: <Link to={item.path}>{t(`console.menu.${item.section}`)}</Link>,
  }));

  return (
    <Layout className="console-layout" hasSider>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={220} theme="dark">
        <span className="console-brand">{t('app.consoleName')}</span>
        <nav aria-label={t('console.menu.label')}>
          <Menu theme="dark" mode="inline" selectedKeys={[selectedKey(location.pathname)]} items={items} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <NotificationBell />
          <LanguageSwitch />
          <a href="/">{t('console.h5Link')}</a>
          <span className="console-header__user">
            {t('auth.signedInAs', { name: localName({ name: me.name, nameBo: me.nameBo }, language).text })}
          </span>
          <Button onClick={() => logout.mutate()} loading={logout.isPending}>
            {t('auth.signOut')}
          </Button>
        </Layout.Header>
        <Layout.Content id="main" className="console-content" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
