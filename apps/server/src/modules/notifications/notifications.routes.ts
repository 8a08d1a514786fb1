import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParamsSchema,
  NotificationQuerySchema,
  NotificationSchema,
  ReadAllResultSchema,
  UnreadCountSchema,
  pageOf,
} from '@duodi/contracts';
import { problemResponses, requestLanguage } from '../../platform/http/problem.js';
import * as service from './notifications.service.js';

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The caller’s own notifications, newest first (title and body in the caller’s language)',
        description: '`unread=1` lists unread ones only. Paginated (`limit`, `cursor`).',
        querystring: NotificationQuerySchema,
        response: { 200: pageOf(NotificationSchema), ...problemResponses(400, 401) },
      },
    },
    async (req) => service.listMyNotifications(req.deps, req.actor, req.query, requestLanguage(req)),
  );

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How many of the caller’s notifications are unread (polled by the bell)',
        response: { 200: UnreadCountSchema, ...problemResponses(401) },
      },
    },
    async (req) => service.unreadCount(req.deps, req.actor),
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Marks all of the caller’s notifications read',
        response: { 200: ReadAllResultSchema, ...problemResponses(401) },
      },
    },
    async (req) => service.markAllRead(req.deps, req.actor),
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Marks one of the caller’s notifications read; another account’s is 404',
        params: IdParamsSchema,
        response: { 200: NotificationSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (req) => service.markRead(req.deps, req.actor, req.params.id, requestLanguage(req)),
  );
};
