import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationDto, ReadAllResult, UnreadCount } from '@duodi/contracts';
import { apiRequest } from '../../lib/api-client';
import { currentLanguage } from '../../lib/i18n';
import type { Page } from '../../lib/page';

/** How often the bell asks for the unread count. */
export const UNREAD_POLL_MS = 60_000;

export const notificationsKey = ['notifications'] as const;

export function getUnreadCount(): Promise<UnreadCount> {
  return apiRequest<UnreadCount>('/api/v1/notifications/unread-count');
}

/** The unread count for the bell, polled every minute while signed in. */
export function useUnreadCount({ enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: [...notificationsKey, 'unread-count'],
    queryFn: getUnreadCount,
    enabled,
    refetchInterval: UNREAD_POLL_MS,
    staleTime: 30_000,
  });
}

export function getNotifications(params: { unread?: boolean; cursor?: string; limit?: number }): Promise<Page<NotificationDto>> {
  return apiRequest<Page<NotificationDto>>('/api/v1/notifications', {
    query: { limit: params.limit ?? 20, cursor: params.cursor, unread: params.unread ? 1 : undefined },
  });
}

/** The caller's notifications, newest first, a page at a time. */
export function useNotifications({ unread = false, enabled = true }: { unread?: boolean; enabled?: boolean } = {}) {
  // The server renders the text in the request's language: a language switch fetches again.
  const language = currentLanguage();
  return useInfiniteQuery({
    queryKey: [...notificationsKey, 'list', { unread, language }],
    queryFn: ({ pageParam }) => getNotifications({ unread, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

function useInvalidateNotifications() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationsKey });
}

export function useMarkRead() {
  const invalidate = useInvalidateNotifications();
  return useMutation({
    mutationFn: (id: string) => apiRequest<NotificationDto>(`/api/v1/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSuccess: () => void invalidate(),
  });
}

export function useMarkAllRead() {
  const invalidate = useInvalidateNotifications();
  return useMutation({
    mutationFn: () => apiRequest<ReadAllResult>('/api/v1/notifications/read-all', { method: 'POST' }),
    onSuccess: () => void invalidate(),
  });
}

/**
 * Where a notification's link leads from an app: a path inside that app (for the router), or a
 * full-page address in the other app (H5 ↔ console `/admin`), or nothing.
 */
export function linkTarget(link: string | null, app: 'h5' | 'console'): { route: string } | { href: string } | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null;
  const isConsole = link === '/admin' || link.startsWith('/admin/');
  if (app === 'console') return isConsole ? { route: link.slice('/admin'.length) || '/' } : { href: link };
  return isConsole ? { href: link } : { route: link };
}
