import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CampaignOverviewSchema,
  CarePlanCreateSchema,
  CarePlanQuerySchema,
  CarePlanSchema,
  CarePlanUpdateSchema,
  CoverageQuerySchema,
  CoverageSchema,
  IdParamsSchema,
  IdSchema,
  NeedDemandResultSchema,
  OverviewQuerySchema,
  VisitCampaignCreateSchema,
  VisitCampaignQuerySchema,
  VisitCampaignSchema,
  VisitCreateSchema,
  VisitNeedParamsSchema,
  VisitQuerySchema,
  VisitSchema,
  pageOf,
} from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as visits from './visits.service.js';
import * as plans from './care-plans.service.js';

export const visitsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/visit-campaigns',
    {
      schema: {
        tags: ['visits'],
        summary: 'Start a door-to-door campaign (幸福敲敲门 / 布谷响铃) over grids',
        description:
          'Community admin (grids of their community) or street admin. `teamId`: the team whose members log visits in these grids. A grid outside the caller’s area is 404.',
        body: VisitCampaignCreateSchema,
        response: { 201: VisitCampaignSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await visits.createCampaign(req.deps, req.actor, req.body)),
  );

  app.get(
    '/visit-campaigns',
    {
      schema: {
        tags: ['visits'],
        summary: 'Campaigns the caller oversees or works on',
        querystring: VisitCampaignQuerySchema,
        response: { 200: pageOf(VisitCampaignSchema), ...problemResponses(400, 401) },
      },
    },
    async (req) => visits.listCampaigns(req.deps, req.actor, req.query),
  );

  app.get(
    '/visit-campaigns/:id/overview',
    {
      schema: {
        tags: ['visits'],
        summary:
          'Campaign overview: per grid households, visited in the cycle, overdue, inquiries answered, home visits; figures per week or month',
        description:
          '`from`/`to` (dates, inclusive) limit the figures; coverage counts use the campaign’s cycle up to now. Staff of its area and its team’s leader.',
        params: IdParamsSchema,
        querystring: OverviewQuerySchema,
        response: { 200: CampaignOverviewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => visits.campaignOverview(req.deps, req.actor, req.params.id, req.query),
  );

  app.post(
    '/visits',
    {
      schema: {
        tags: ['visits'],
        summary: 'Log a household visit (grid worker of its grid, or a volunteer of a campaign covering it)',
        description:
          'Someone home (`present`) counts for coverage (DR-20) and the household’s visit care plans. Needs found can become demands with POST /visits/{id}/needs/{index}/demand. `at` up to 30 days back.',
        body: VisitCreateSchema,
        response: { 201: VisitSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await visits.createVisit(req.deps, req.actor, req.body)),
  );

  app.get(
    '/visits',
    {
      schema: {
        tags: ['visits'],
        summary: 'Visit logs, latest first (staff of the area, and one’s own)',
        querystring: VisitQuerySchema,
        response: { 200: pageOf(VisitSchema), ...problemResponses(400, 401) },
      },
    },
    async (req) => visits.listVisits(req.deps, req.actor, req.query),
  );

  app.post(
    '/visits/:id/needs/:index/demand',
    {
      schema: {
        tags: ['visits'],
        summary: 'Turn a need found on a visit into a demand (one tap; channel visit)',
        description:
          'Staff of the household’s grid; the visitor themselves 403. `serviceItemId` when the need has none. Again for the same need: 200 with the same demand.',
        params: VisitNeedParamsSchema,
        body: z.object({ serviceItemId: IdSchema.optional(), beneficiaryId: IdSchema.optional() }).strict().nullish(),
        response: { 200: NeedDemandResultSchema, 201: NeedDemandResultSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const { created, ...result } = await visits.needToDemand(req.deps, req.actor, req.params.id, req.params.index, req.body ?? {});
      return reply.code(created ? 201 : 200).send(result);
    },
  );

  app.get(
    '/grids/:id/coverage',
    {
      schema: {
        tags: ['visits'],
        summary: 'Visit coverage of a grid (DR-20): households with their last visit and whether overdue',
        description:
          'Overdue = no visit with someone home within `cycleDays` (default 15). `overdue=true` lists only those. Staff of the grid and the team of a campaign covering it.',
        params: IdParamsSchema,
        querystring: CoverageQuerySchema,
        response: { 200: CoverageSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => visits.gridCoverage(req.deps, req.actor, req.params.id, req.query),
  );

  app.post(
    '/care-plans',
    {
      schema: {
        tags: ['visits'],
        summary: 'A recurring care plan for a resident: a visit or a demand every N days',
        description:
          'Grid worker of the resident’s grid or their community’s admin. `kind: demand` needs `serviceItemId`; the job creates the demand when due. Missed visits are flagged.',
        body: CarePlanCreateSchema,
        response: { 201: CarePlanSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await plans.createCarePlan(req.deps, req.actor, req.body)),
  );

  app.get(
    '/care-plans',
    {
      schema: {
        tags: ['visits'],
        summary: 'Care plans of the caller’s area with next due and missed visits',
        querystring: CarePlanQuerySchema,
        response: { 200: pageOf(CarePlanSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => plans.listCarePlans(req.deps, req.actor, req.query),
  );

  app.patch(
    '/care-plans/:id',
    {
      schema: {
        tags: ['visits'],
        summary: 'Pause or resume a care plan (`active`)',
        description:
          'Grid worker of the plan’s grid, its community’s admin or the street admin (another area 404, other roles 403). A paused plan creates no demands and counts no missed visits; resuming makes it due from now on at the latest.',
        params: IdParamsSchema,
        body: CarePlanUpdateSchema,
        response: { 200: CarePlanSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => plans.updateCarePlan(req.deps, req.actor, req.params.id, req.body),
  );
};
