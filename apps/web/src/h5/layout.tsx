import { Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { HomeIcon, OrgIcon, UserIcon } from '../components/ui/icons';
import { useApplyServerPreferences } from '../features/account/hooks/use-preferences';
import { H5NotificationBell } from '../features/notifications/h5-bell';
import { ServiceIcon } from '../features/demands/components/service-icon';
import { LanguageSwitch } from './components/language-switch';
import { Loading } from './components/query-state';

export function H5Layout() {
  const { t } = useTranslation();
  useApplyServerPreferences({ elderly: true });
  const tabs = [
    { to: '/', label: t('nav.home'), icon: <HomeIcon />, end: true },
    { to: '/services', label: t('orders.home.tab'), icon: <ServiceIcon />, end: false },
    { to: '/org', label: t('nav.org'), icon: <OrgIcon />, end: false },
    { to: '/me', label: t('nav.me'), icon: <UserIcon />, end: false },
  ];
  return (
    <div className="h5-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="h5-header">
        <Link to="/" className="h5-header__brand">
          {t('app.street')}
        </Link>
        <div className="h5-header__tools">
          <H5NotificationBell />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="h5-main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <nav className="h5-tabbar" aria-label={t('nav.main')}>
        <ul>
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} end={tab.end}>
                {tab.icon}
                <span>{tab.label}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
