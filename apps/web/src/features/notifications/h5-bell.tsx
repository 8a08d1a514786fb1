import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from '../account/api/get-me';
import { useUnreadCount } from './api';
import { BellIcon } from './bell-icon';
import './notifications.css';

/** The H5 header's bell: a link to /notifications with the unread count (polled), for signed-in users only. */
export function H5NotificationBell() {
  const { t } = useTranslation();
  const me = useMe();
  const unread = useUnreadCount({ enabled: Boolean(me.data) });
  if (!me.data) return null;
  const count = unread.data?.count ?? 0;
  return (
    <Link to="/notifications" className="ntf-bell" aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.title')}>
      <BellIcon />
      {count > 0 && (
        <span className="ntf-bell__count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
