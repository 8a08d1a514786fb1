import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEntrySchema, AuditLogQuerySchema, AuditVerifySchema, pageOf } from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as service from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'DR-23 audit log of the street (street admin): who changed what, when, from what to what, and why; newest first',
        description:
          'Rows of the append-only audit log (hours, points, coins, certificates, star levels, roles and the other audited changes) together with the ledger’s movements (`ledger.transfer` / `ledger.reversal`, entity `ledger_account`, balance before and after). Filters: `action`, `entityType`, `entityId` (a person id also finds their point and time-bank movements), `actor` (account id), `from`/`to` (street dates, both included), `q` (words of the reason, action or entity id). Phones, ID numbers, addresses and people’s names in the values are masked; the actor’s name is masked too. Other roles: 403.',
        querystring: AuditLogQuerySchema,
        response: { 200: pageOf(AuditEntrySchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => service.listAuditLog(req.deps, req.actor, req.query),
  );

  app.get(
    '/audit-log/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Check that the street’s audit log and ledger were not tampered with (street admin)',
        description:
          'Recomputes every audit row’s hash from the previous row’s (the per-street chain) and answers `firstBrokenId`: the first row edited, inserted or following a deleted row. `ledger` is the ledger’s own check of its per-account chains. One read-only snapshot.',
        response: { 200: AuditVerifySchema, ...problemResponses(401, 403) },
      },
    },
    async (req) => service.verifyAuditLog(req.deps, req.actor),
  );
};
