import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, LedgerAccountSchema, LedgerEntriesQuerySchema, LedgerEntrySchema, pageOf } from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as service from './ledger.service.js';

export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/ledger/accounts/me',
    {
      schema: {
        tags: ['hours'],
        summary: 'The caller’s points and time-bank accounts (balance in points / coin-minutes)',
        response: { 200: pageOf(LedgerAccountSchema), ...problemResponses(401) },
      },
    },
    async (req) => service.myAccounts(req.deps, req.actor),
  );

  app.get(
    '/ledger/accounts/:id/entries',
    {
      schema: {
        tags: ['hours'],
        summary:
          'History of one of the caller’s accounts, newest first; `type` names the movement (service_earned, redeem, gift_out, donation, escrow_freeze, reversal …)',
        params: IdParamsSchema,
        querystring: LedgerEntriesQuerySchema,
        response: { 200: pageOf(LedgerEntrySchema), ...problemResponses(400, 401, 404) },
      },
    },
    async (req) => service.accountEntries(req.deps, req.actor, req.params.id, req.query),
  );
};
