import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  FamilyRelationBodySchema,
  HouseholdFamilySchema,
  IdParamsSchema,
  IdempotencyHeadersSchema,
  TimeBankDonationBodySchema,
  TimeBankMoveSchema,
  TimeBankRelativeSchema,
  TimeBankTransferBodySchema,
  TimeBankWithdrawalBodySchema,
  TimeBankWithdrawalSchema,
  pageOf,
} from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import { householdFamily } from './household-family.service.js';
import * as service from './timebank.service.js';

const tags = ['time-bank'];

export const timeBankRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/time-bank/relatives',
    {
      schema: {
        tags,
        summary: 'The caller’s registered relatives in the same household (who coins may go to)',
        response: { 200: pageOf(TimeBankRelativeSchema), ...problemResponses(401) },
      },
    },
    async (req) => service.listRelatives(req.deps, req.actor),
  );

  app.post(
    '/time-bank/relations',
    {
      schema: {
        tags,
        summary:
          'Record a family relation after checking the household register (street admin, community admin of the persons’ community); both must live in the same household',
        body: FamilyRelationBodySchema,
        response: { 201: TimeBankRelativeSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.recordRelation(req.deps, req.actor, req.body)),
  );

  app.get(
    '/time-bank/households/:id/family',
    {
      schema: {
        tags,
        summary:
          'A household’s members and the family relations recorded between them (street admin; community admin of the household’s community; else 403, outside 404)',
        params: IdParamsSchema,
        response: { 200: HouseholdFamilySchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => householdFamily(req.deps, req.actor, req.params.id),
  );

  app.post(
    '/time-bank/transfers',
    {
      schema: {
        tags,
        summary:
          'Give time-bank coins (coin-minutes) to a registered relative of the same household (DR-13); 422 not_a_relative, 422 insufficient_balance',
        headers: IdempotencyHeadersSchema,
        body: TimeBankTransferBodySchema,
        response: { 201: TimeBankMoveSchema, ...problemResponses(400, 401, 409, 422) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.transferToRelative(req.deps, req.actor, req.body, req.headers['idempotency-key'])),
  );

  app.post(
    '/time-bank/donations',
    {
      schema: {
        tags,
        summary: 'Donate time-bank coins to the street’s public pool; 422 insufficient_balance',
        headers: IdempotencyHeadersSchema,
        body: TimeBankDonationBodySchema,
        response: { 201: TimeBankMoveSchema, ...problemResponses(400, 401, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.donate(req.deps, req.actor, req.body, req.headers['idempotency-key'])),
  );

  app.get(
    '/time-bank/withdrawals',
    {
      schema: {
        tags,
        summary: 'The caller’s withdrawals (as holder or beneficiary)',
        response: { 200: pageOf(TimeBankWithdrawalSchema), ...problemResponses(401) },
      },
    },
    async (req) => service.listMyWithdrawals(req.deps, req.actor),
  );

  app.post(
    '/time-bank/withdrawals',
    {
      schema: {
        tags,
        summary:
          'Spend coins on a service for oneself or a registered relative: the holder or the beneficiary must be at least withdraw_min_age (422 below_withdraw_age); coins frozen in escrow, a demand created in the dispatch flow',
        headers: IdempotencyHeadersSchema,
        body: TimeBankWithdrawalBodySchema,
        response: { 201: TimeBankWithdrawalSchema, ...problemResponses(400, 401, 409, 422) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.requestWithdrawal(req.deps, req.actor, req.body, req.headers['idempotency-key'])),
  );

  app.post(
    '/time-bank/withdrawals/:id/confirm',
    {
      schema: {
        tags,
        summary:
          'The recipient confirms the service: escrowed coins go to the volunteers who served (the demand must be completed); unconfirmed withdrawals are refunded after the timeout',
        params: IdParamsSchema,
        response: { 200: TimeBankWithdrawalSchema, ...problemResponses(401, 404, 409) },
      },
    },
    async (req) => service.confirmWithdrawal(req.deps, req.actor, req.params.id),
  );
};
