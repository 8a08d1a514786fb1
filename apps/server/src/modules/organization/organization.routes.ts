import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CommunityDetailSchema,
  CommunitySchema,
  GridSchema,
  HouseholdQuerySchema,
  HouseholdSchema,
  IdParamsSchema,
  IdSchema,
  ResidentListItemSchema,
  ResidentQuerySchema,
  TeamDetailSchema,
  TeamSchema,
  UnitSchema,
  pageOf,
} from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as service from './organization.service.js';

const CommunityFilterSchema = z.object({ communityId: IdSchema.optional() });

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/communities',
    { schema: { tags: ['organization'], summary: 'Villages and communities (村/社区) of the street (public)', response: { 200: pageOf(CommunitySchema) } } },
    async (req) => service.listCommunities(req.deps, req.actor),
  );

  app.get(
    '/communities/:id',
    {
      schema: {
        tags: ['organization'],
        summary: 'A community with its civilization-practice station, party-mass service center, grids and teams',
        params: IdParamsSchema,
        response: { 200: CommunityDetailSchema, ...problemResponses(400, 404) },
      },
    },
    async (req) => service.getCommunity(req.deps, req.actor, req.params.id),
  );

  app.get(
    '/grids',
    {
      schema: {
        tags: ['organization'],
        summary: 'Grids (网格) with grid worker and party-branch contact',
        querystring: CommunityFilterSchema,
        response: { 200: pageOf(GridSchema), ...problemResponses(400, 401) },
      },
    },
    async (req) => service.listGrids(req.deps, req.actor, req.query.communityId ? { communityId: req.query.communityId } : {}),
  );

  app.get(
    '/teams',
    {
      schema: {
        tags: ['organization'],
        summary: 'Volunteer teams (public)',
        querystring: CommunityFilterSchema,
        response: { 200: pageOf(TeamSchema), ...problemResponses(400) },
      },
    },
    async (req) => service.listTeams(req.deps, req.query.communityId ? { communityId: req.query.communityId } : {}),
  );

  app.get(
    '/teams/:id',
    {
      schema: {
        tags: ['organization'],
        summary: "A team's brand page (public)",
        params: IdParamsSchema,
        response: { 200: TeamDetailSchema, ...problemResponses(400, 404) },
      },
    },
    async (req) => service.getTeam(req.deps, req.params.id),
  );

  app.get(
    '/units',
    { schema: { tags: ['organization'], summary: 'Co-building units (大工委共建单位) (public)', response: { 200: pageOf(UnitSchema) } } },
    async (req) => service.listUnits(req.deps),
  );

  app.get(
    '/residents',
    {
      schema: {
        tags: ['people'],
        summary: 'Residents in the caller’s scope (street admin: street; community admin: community; grid worker: grid); phone and ID masked',
        querystring: ResidentQuerySchema,
        response: { 200: pageOf(ResidentListItemSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.listResidents(req.deps, req.actor, req.query),
  );

  app.get(
    '/residents/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'One resident in the caller’s scope (404 outside it)',
        params: IdParamsSchema,
        response: { 200: ResidentListItemSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.getResident(req.deps, req.actor, req.params.id),
  );

  app.get(
    '/households',
    {
      schema: {
        tags: ['people'],
        summary: 'Households in the caller’s scope',
        querystring: HouseholdQuerySchema,
        response: { 200: pageOf(HouseholdSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.listHouseholds(req.deps, req.actor, req.query),
  );
};
