import { useState } from 'react';
import { Alert, Badge, Button, Drawer, Empty, List, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { NotificationDto } from '@duodi/contracts';
import { linkTarget, useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '../../features/notifications/api';
import { BellIcon } from '../../features/notifications/bell-icon';
import { formatNotificationTime } from '../../features/notifications/format';
import { errorMessage } from '../../lib/error-message';
import { currentLanguage } from '../../lib/i18n';
import '../../features/notifications/console-notifications.css';

/** The console header's bell: unread count (polled every minute) and a drawer with the list. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount({ enabled: true });
  const count = unread.data?.count ?? 0;
  return (
    <>
      <Badge count={count} overflowCount={99} size="small">
        <Button
          type="text"
          icon={<BellIcon size={20} />}
          onClick={() => setOpen(true)}
          aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.title')}
          aria-haspopup="dialog"
        />
      </Badge>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('notifications.title')} size="default" destroyOnHidden>
        {open && <NotificationDrawerBody onNavigate={() => setOpen(false)} />}
      </Drawer>
    </>
  );
}

function NotificationDrawerBody({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const list = useNotifications();
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  if (list.isError) {
    return (
      <Alert
        type="error"
        showIcon
        message={errorMessage(list.error, t)}
        action={
          <Button size="small" onClick={() => void list.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {items.some((i) => !i.read) && (
        <Button onClick={() => markAll.mutate()} loading={markAll.isPending}>
          {t('notifications.markAllRead')}
        </Button>
      )}
      {markAll.isError && <Alert type="error" showIcon message={errorMessage(markAll.error, t)} />}
      <List
        loading={list.isPending}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('notifications.empty')} /> }}
        renderItem={(item) => <DrawerRow item={item} onNavigate={onNavigate} />}
      />
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} block>
          {t('notifications.loadMore')}
        </Button>
      )}
    </Space>
  );
}

function DrawerRow({ item, onNavigate }: { item: NotificationDto; onNavigate: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const language = currentLanguage();
  const target = linkTarget(item.link, 'console');
  const open = () => {
    if (!item.read) markRead.mutate(item.id);
    if (!target) return;
    onNavigate();
    if ('route' in target) void navigate(target.route);
    else window.location.assign(target.href);
  };
  return (
    <List.Item>
      <button type="button" className="console-ntf-item" onClick={open}>
        <Typography.Text strong={!item.read}>
          {!item.read && <Badge status="error" />}
          {!item.read && <span className="visually-hidden">{t('notifications.unread')}: </span>}
          {item.title}
        </Typography.Text>
        <Typography.Paragraph style={{ margin: '4px 0' }}>{item.body}</Typography.Paragraph>
        <Typography.Text type="secondary">
          <time dateTime={item.createdAt}>{formatNotificationTime(item.createdAt, language)}</time>
        </Typography.Text>
      </button>
    </List.Item>
  );
}
