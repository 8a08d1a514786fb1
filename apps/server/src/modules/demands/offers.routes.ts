import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DemandDeclineSchema,
  DemandNoShowSchema,
  DemandOfferSchema,
  DemandSchema,
  DispatchPlanBodySchema,
  DispatchPlanResultSchema,
  IdParamsSchema,
  IdempotencyHeadersSchema,
  MyOfferSchema,
  PageQuerySchema,
  pageOf,
} from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as offers from './offers.service.js';

/** Offers (DR-16: volunteers accept or decline, nobody is force-assigned), dispatch plans and no-shows. */
export const offersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/offers',
    {
      schema: {
        tags: ['demands'],
        summary: 'The caller’s open offers (volunteer), newest first',
        description:
          'Offers of demands still waiting for volunteers (`assigned` with slots left), with a summary of the demand; the beneficiary, address and phone are shown only after accept (GET /demands/{id}). Accept with POST /demands/{id}/accept, decline with POST /demands/{id}/decline. Not a volunteer: an empty list.',
        querystring: PageQuerySchema,
        response: { 200: pageOf(MyOfferSchema), ...problemResponses(400, 401) },
      },
    },
    async (req) => offers.listMyOffers(req.deps, req.actor, req.query),
  );

  app.post(
    '/demands/:id/decline',
    {
      schema: {
        tags: ['demands'],
        summary: 'A volunteer declines their offer of the demand (DR-16)',
        description:
          'The offer becomes `declined` (with the optional reason); the demand does not change. A history row `decline` tells the team leader, noting `no_open_offers` when nobody else holds an open offer. No open offer of the caller: 409 conflict; a demand outside the caller’s view 404. Accepts `Idempotency-Key`.',
        params: IdParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: DemandDeclineSchema.nullish(),
        response: { 200: z.object({ offer: DemandOfferSchema, openOffers: z.number().int() }), ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (req) => offers.declineOffer(req.deps, req.actor, req.params.id, req.body ?? {}, req.headers['idempotency-key']),
  );

  app.get(
    '/demands/:id/offers',
    {
      schema: {
        tags: ['demands'],
        summary: 'The offers of a demand and their answers (staff of its place, its team’s leader)',
        description: 'Oldest first: offered, accepted, declined (with reason), expired, withdrawn. Others who see the demand 403, the rest 404.',
        params: IdParamsSchema,
        response: { 200: z.object({ items: z.array(DemandOfferSchema) }), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => offers.listDemandOffers(req.deps, req.actor, req.params.id),
  );

  app.post(
    '/demands/:id/no-show',
    {
      schema: {
        tags: ['demands'],
        summary: 'Record that an accepted volunteer did not come (爽约)',
        description:
          'The leader of the demand’s team, its community admin or a street admin. Only while `accepted` or `in_service` (else 409 invalid_transition) and for one of its accepted volunteers (else 400 `volunteerId`). The volunteer leaves the demand and their slot is free; with nobody left it goes back to `assigned`. No-shows of the last 180 days lower the volunteer’s reliability score. History row `no_show`, audited. Accepts `Idempotency-Key`.',
        params: IdParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: DemandNoShowSchema,
        response: { 200: DemandSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => offers.recordNoShow(req.deps, req.actor, req.params.id, req.body, req.headers['idempotency-key']),
  );

  app.post(
    '/dispatch-plans',
    {
      schema: {
        tags: ['demands'],
        summary: 'Apply an accepted or edited batch suggestion (派单方案): assign and offer, all or nothing',
        description:
          'For each assignment: a `published` demand becomes `assigned` to `teamId`, an `assigned` one of that team with slots left keeps its status, and `volunteerIds` (members of the team; empty = the whole team) get offers they accept or decline (DR-16). One transaction: street admin (the street), community admin (their communities), team leader (teams they lead; demands those teams may take). Unknown or invisible demand, unknown team or community 404; outside the scope 403; a team of another community or a volunteer not in the team 400; demands no longer open (or assigned to another team, or volunteers already on them) 409 `conflict` with one `errors` entry per item (`assignments.<i>.demandId`), and nothing is applied. Accepts `Idempotency-Key`.',
        headers: IdempotencyHeadersSchema,
        body: DispatchPlanBodySchema,
        response: { 201: DispatchPlanResultSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await offers.createDispatchPlan(req.deps, req.actor, req.body, req.headers['idempotency-key'])),
  );
};
