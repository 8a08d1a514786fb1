import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DecisionReasonBodySchema,
  IdParamsSchema,
  RecoveryApproveBodySchema,
  RecoveryQuerySchema,
  RecoveryReceivedSchema,
  RecoveryRequestBodySchema,
  RecoveryRequestSchema,
  pageOf,
} from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as service from './recovery.service.js';

export const recoveryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/recovery-requests',
    {
      schema: {
        tags: ['auth'],
        summary: '找回账号 (public): ask for a new sign-in phone and password for an already registered ID number',
        description:
          'Always 202 `{ status: "received" }`, whether or not the ID number is registered. A community staff member confirms the identity in person (ID card) before anything changes. At most 3 requests per ID number and 10 per phone in 24 hours (429 rate_limited).',
        body: RecoveryRequestBodySchema,
        response: { 202: RecoveryReceivedSchema, ...problemResponses(400, 429) },
      },
    },
    async (req, reply) => reply.code(202).send(await service.submitRequest(req.deps, req.body)),
  );

  app.get(
    '/recovery-requests',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Account recovery requests to review (street admin: the street; community admin: persons of their community), newest first, masked',
        querystring: RecoveryQuerySchema,
        response: { 200: pageOf(RecoveryRequestSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => service.listRequests(req.deps, req.actor, req.query),
  );

  app.post(
    '/recovery-requests/:id/approve',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Approve after checking the ID card in person: sets the account’s phone and password (creates the account if none), revokes its sessions (audited)',
        params: IdParamsSchema,
        body: RecoveryApproveBodySchema,
        response: { 200: RecoveryRequestSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.approveRequest(req.deps, req.actor, req.params.id),
  );

  app.post(
    '/recovery-requests/:id/reject',
    {
      schema: {
        tags: ['auth'],
        summary: 'Reject a pending account recovery request with a reason (audited)',
        params: IdParamsSchema,
        body: DecisionReasonBodySchema,
        response: { 200: RecoveryRequestSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.rejectRequest(req.deps, req.actor, { id: req.params.id, reason: req.body.reason }),
  );
};
