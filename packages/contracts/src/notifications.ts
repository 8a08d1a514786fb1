import { z } from 'zod';
import { PageQuerySchema } from './schemas.js';

/* ---------- notifications (in-app notification center) ---------- */

/** `GET /notifications`: the caller's own, newest first; `unread=1` for unread only. */
export const NotificationQuerySchema = PageQuerySchema.extend({
  unread: z.enum(['1', '0', 'true', 'false']).optional(),
});
export type NotificationQuery = z.infer<typeof NotificationQuerySchema>;

/** One notification, its title and body rendered in the caller's language. */
export const NotificationSchema = z.object({
  id: z.string(),
  /** Dotted event kind, e.g. 'demand.offer', 'demand.status.completed'. */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** Web path to open (H5 path, or a console path starting with /admin), or null. */
  link: z.string().nullable(),
  refType: z.string().nullable(),
  refId: z.string().nullable(),
  read: z.boolean(),
  readAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type NotificationDto = z.infer<typeof NotificationSchema>;

export const UnreadCountSchema = z.object({ count: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

export const ReadAllResultSchema = z.object({ updated: z.number().int().min(0) });
export type ReadAllResult = z.infer<typeof ReadAllResultSchema>;
