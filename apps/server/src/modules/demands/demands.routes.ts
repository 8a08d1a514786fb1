import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  CandidateListSchema,
  CandidateQuerySchema,
  IntakeBodySchema,
  IntakeResultSchema,
  DemandAssignSchema,
  DemandCancelSchema,
  DemandCloseSchema,
  DemandCompleteSchema,
  DemandCreateSchema,
  DemandListItemSchema,
  DemandQuerySchema,
  DemandRateSchema,
  DemandRejectSchema,
  DemandSchema,
  IdParamsSchema,
  IdempotencyHeadersSchema,
  SuggestDispatchBodySchema,
  SuggestDispatchResultSchema,
  TransitionNoteSchema,
  pageOf,
} from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as service from './demands.service.js';
import { draftFromChat, listCandidates } from './candidates.service.js';
import { suggestDispatchFor } from './dispatch.service.js';
import { DEMAND_ACTION_ROLES, DEMAND_TRANSITIONS } from './demand-state.js';
import { menuRoutes } from './menu.routes.js';
import { offersRoutes } from './offers.routes.js';

const TRANSITION_SUMMARIES = {
  publish: { body: TransitionNoteSchema, summary: 'The community publishes the demand (发单)' },
  reject: { body: DemandRejectSchema, summary: 'The community rejects the demand with a reason the requester sees' },
  assign: { body: DemandAssignSchema, summary: 'A team takes the demand (下单): its leader claims it, or the community assigns it; `volunteerIds` (members) or else the whole team get offers (DR-16)' },
  accept: { body: TransitionNoteSchema, summary: 'A volunteer of the assigned team accepts (接单); succeeds until all slots are filled' },
  start: { body: TransitionNoteSchema, summary: 'An accepting volunteer starts the service' },
  complete: { body: DemandCompleteSchema, summary: 'An accepting volunteer completes it with minutes and a summary; creates pending service records' },
  rate: { body: DemandRateSchema, summary: 'The resident (or the grid worker for them) rates it; a score ≤ 2 sends it back once for rework (重办)' },
  close: { body: DemandCloseSchema, summary: 'The grid worker or community closes it after the call-back (回访)' },
  cancel: { body: DemandCancelSchema, summary: 'The resident, grid worker or admin cancels it before the service starts' },
} as const;

const OPTIONAL_BODY = new Set<string>(['publish', 'accept', 'start', 'close']);

type Bodies = { [A in keyof typeof TRANSITION_SUMMARIES]: z.infer<(typeof TRANSITION_SUMMARIES)[A]['body']> };

export const demandsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(menuRoutes);
  await app.register(offersRoutes);

  app.post(
    '/demands',
    {
      schema: {
        tags: ['demands'],
        summary: 'Order a service (点单)',
        description:
          'A resident for themselves in their own grid, or staff of the grid (grid worker, community admin, street admin) for a beneficiary living there (proxy ordering: channel phone / chat / visit / walk_in). A grid outside the street is 404, outside the caller’s scope 403. Text asking for payment is accepted with `feeFlag` for staff review (DR-17). An emergency (fire, violence, medical danger) is 422 `emergency_not_volunteer_service` whose detail gives 110/119/120; the grid is alerted (audit row `demand.emergency_alert`) and no demand is created (DR-19). Accepts `Idempotency-Key`.',
        headers: IdempotencyHeadersSchema,
        body: DemandCreateSchema,
        response: { 201: DemandSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createDemand(req.deps, req.actor, req.body, req.headers['idempotency-key'])),
  );

  app.get(
    '/demands',
    {
      schema: {
        tags: ['demands'],
        summary: 'Demands the caller may see (需求清单), newest first',
        description:
          'Street admin: all; community admin: their community; grid worker: their grid; team leader: their team’s and the published ones of their community; volunteer: their team’s offers and the ones they accepted; anyone: the ones they ordered or that are for them. `overdue=true`: open demands past their deadline.',
        querystring: DemandQuerySchema,
        response: { 200: pageOf(DemandListItemSchema), ...problemResponses(400, 401) },
      },
    },
    async (req) => service.listDemands(req.deps, req.actor, req.query),
  );

  app.get(
    '/demands/:id',
    {
      schema: {
        tags: ['demands'],
        summary: 'One demand with its history',
        description:
          'The beneficiary’s phone and address are shown to an accepted volunteer from accept to close (a logged view); masked otherwise. The accepted volunteers (`volunteers`) and the history’s actors (`by`) are named as on the candidates. Outside the caller’s view: 404.',
        params: IdParamsSchema,
        response: { 200: DemandSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (req) => service.getDemand(req.deps, req.actor, req.params.id),
  );

  app.get(
    '/demands/:id/candidates',
    {
      schema: {
        tags: ['demands'],
        summary: 'Volunteers ranked for the demand, with the reasons of each score (DR-16)',
        description:
          'Scores (0–100) from skills, language against the beneficiary’s, same grid or community, availability in the preferred window, workload over the last 30 days and reliability from ratings (weights in modules/demands/matching/README.md). Ineligible volunteers (missing required skills, unavailable, minors for adult-only items) and those who already accepted are left out. A ranking is an offer: volunteers accept or decline. Each item names the volunteer (`volunteer`: name in full within the caller’s communities and the teams they lead or manage, else masked; their community; no phone or ID). Staff of the demand’s place and its team’s leader; others who see the demand 403, the rest 404.',
        params: IdParamsSchema,
        querystring: CandidateQuerySchema,
        response: { 200: CandidateListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => listCandidates(req.deps, req.actor, req.params.id, req.query.limit),
  );

  app.post(
    '/demands/suggest-dispatch',
    {
      schema: {
        tags: ['demands'],
        summary: 'Suggest volunteers for all open demands of a community, a team or the street (建议派单); changes nothing',
        description:
          'For every demand in scope that still needs volunteers (assigned with slots left; for staff also published ones) a suggested set of volunteers, optimal for the total score (min-cost flow; each volunteer at most 2 demands of the batch while holding fewer than 2 unfinished demands, else 1; never twice on one demand), scored as GET /demands/{id}/candidates; an assigned demand is offered to its team’s members only. `totalCost` = Σ (100 − score) + 100 per open slot, `greedyCost` the same for the greedy baseline. A suggestion only: nobody is assigned, volunteers still accept themselves (DR-16). Street admin (street or `communityId`), community admin (their community), team leader (their team’s assigned demands and members). Unknown community or team 404, outside the caller’s scope 403.',
        body: SuggestDispatchBodySchema.nullish(),
        response: { 200: SuggestDispatchResultSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => suggestDispatchFor(req.deps, req.actor, req.body ?? { limitPerDemand: 50 }),
  );

  app.post(
    '/demands/intake',
    {
      schema: {
        tags: ['demands'],
        summary: 'Draft demands from pasted grid-group messages (群消息转需求草稿); creates nothing',
        description:
          'One draft per request found (Chinese, Tibetan or both): service item with confidence and alternatives, grid (from building and grid words, among the grids of the caller’s scope), urgency, contact phone, beneficiary hint, emergency (with the number to call; never a service item) and fee flag. Staff confirm each draft with POST /demands. Grid worker, community admin, street admin; `gridId` (in scope) narrows the grids and fills unrecognised ones.',
        body: IntakeBodySchema,
        response: { 200: IntakeResultSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => draftFromChat(req.deps, req.actor, req.body),
  );

  for (const action of Object.keys(TRANSITION_SUMMARIES) as (keyof typeof TRANSITION_SUMMARIES)[]) {
    const { body, summary } = TRANSITION_SUMMARIES[action];
    const t = DEMAND_TRANSITIONS[action];
    app.post(
      `/demands/:id/${action}`,
      {
        schema: {
          tags: ['demands'],
          summary,
          description: `${(t.from as readonly string[]).join(' | ')} → ${t.to}. Who: ${DEMAND_ACTION_ROLES[action].join(', ')}. A step not allowed from the current status is 409 invalid_transition; a wrong role 403; a demand outside the caller’s view 404. Accepts \`Idempotency-Key\`.`,
          params: IdParamsSchema,
          headers: IdempotencyHeadersSchema,
          // Steps whose body is all optional may be sent without one.
          body: OPTIONAL_BODY.has(action) ? body.nullish() : body,
          response: { 200: DemandSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const input = { ...((req.body ?? {}) as Bodies[typeof action]), action } as service.TransitionInput;
        return service.transitionDemand(req.deps, req.actor, req.params.id, input, req.headers['idempotency-key']);
      },
    );
  }
};
