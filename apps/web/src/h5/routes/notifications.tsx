import { Navigate, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import List from 'antd-mobile/es/components/list';
import type { NotificationDto } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { linkTarget, useMarkAllRead, useMarkRead, useNotifications } from '../../features/notifications/api';
import { formatNotificationTime } from '../../features/notifications/format';
import { errorMessage } from '../../lib/error-message';
import { currentLanguage } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ErrorNotice, Loading } from '../components/query-state';
import '../../features/notifications/notifications.css';

/** 消息通知: the signed-in user's notifications; a tap marks one read and opens its page. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.title'), t('app.name'));
  const me = useMe();
  const list = useNotifications({ enabled: Boolean(me.data) });
  const markAll = useMarkAllRead();

  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/login?next=/notifications" replace />;

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const anyUnread = items.some((i) => !i.read);

  return (
    <>
      <div className="ntf-toolbar">
        <h1 className="h5-page-title">{t('notifications.title')}</h1>
        {anyUnread && (
          <Button size="middle" onClick={() => markAll.mutate()} loading={markAll.isPending}>
            {t('notifications.markAllRead')}
          </Button>
        )}
      </div>
      {markAll.isError && (
        <p role="alert" className="h5-error">
          {errorMessage(markAll.error, t)}
        </p>
      )}
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <p className="h5-muted">{t('notifications.empty')}</p>}
      {items.length > 0 && (
        <List aria-label={t('notifications.title')}>
          {items.map((item) => (
            <NotificationRow key={item.id} item={item} />
          ))}
        </List>
      )}
      {list.hasNextPage && (
        <div className="h5-actions">
          <Button size="middle" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('notifications.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}

function NotificationRow({ item }: { item: NotificationDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const language = currentLanguage();
  const target = linkTarget(item.link, 'h5');

  const open = () => {
    if (!item.read) markRead.mutate(item.id);
    if (!target) return;
    if ('route' in target) void navigate(target.route);
    else window.location.assign(target.href);
  };

  return (
    <List.Item className={item.read ? 'ntf-item' : 'ntf-item ntf-item--unread'} arrowIcon={false}>
      <button type="button" className="ntf-item__button" onClick={open} disabled={markRead.isPending}>
        <span className="ntf-item__title">
          {!item.read && <span className="ntf-dot" aria-hidden="true" />}
          {!item.read && <span className="visually-hidden">{t('notifications.unread')}: </span>}
          {item.title}
        </span>
        <span className="ntf-item__body">{item.body}</span>
        <time className="ntf-item__time" dateTime={item.createdAt}>
          {formatNotificationTime(item.createdAt, language)}
        </time>
      </button>
    </List.Item>
  );
}
