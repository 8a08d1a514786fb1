import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParamsSchema,
  ServiceItemCommunityParamsSchema,
  ServiceItemCommunitySchema,
  ServiceItemCreateSchema,
  ServiceItemPatchSchema,
  ServiceItemQuerySchema,
  ServiceItemSchema,
  ServiceItemTeamsSchema,
  pageOf,
} from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as menu from './menu.service.js';

/** The service menu (项目清单) and the teams that provide each item (资源清单). */
export const menuRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/service-items',
    {
      schema: {
        tags: ['demands'],
        summary: 'The service menu (项目清单), public',
        description:
          'The active items of the street with the teams that provide them (`teamIds`, 资源清单) and the communities that switched them off. `communityId` leaves out the items that community switched off. `all=1` includes inactive items: staff only (street and community admins, grid workers, team leaders; others 403, not signed in 401).',
        security: [],
        querystring: ServiceItemQuerySchema,
        response: { 200: pageOf(ServiceItemSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => menu.listServiceItems(req.deps, req.actor, req.query),
  );

  app.post(
    '/service-items',
    {
      schema: {
        tags: ['demands'],
        summary: 'Add an item to the street’s service menu (street admin)',
        description: 'Names in zh (required), bo and en, category (team domain), required skills, languages, typical minutes, volunteers needed, description. An `id` in use is 409 conflict. Audited (`service_item.create`).',
        body: ServiceItemCreateSchema,
        response: { 201: ServiceItemSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await menu.createServiceItem(req.deps, req.actor, req.body)),
  );

  app.patch(
    '/service-items/:id',
    {
      schema: {
        tags: ['demands'],
        summary: 'Change an item of the service menu (street admin)',
        description: 'Any of the fields; `active: false` takes it off the public menu (existing demands keep it). Unknown item 404. Audited with old and new values (`service_item.update`).',
        params: IdParamsSchema,
        body: ServiceItemPatchSchema,
        response: { 200: ServiceItemSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => menu.updateServiceItem(req.deps, req.actor, req.params.id, req.body),
  );

  app.put(
    '/service-items/:id/teams',
    {
      schema: {
        tags: ['demands'],
        summary: 'The teams that provide an item (资源清单)',
        description:
          'Street admin: replaces the list (any team of the street). Community admin: replaces the item’s teams of their community, the others stay; a team of another community or a street-level team is 404. Other roles 403; unknown item or team 404. Audited (`service_item.teams`).',
        params: IdParamsSchema,
        body: ServiceItemTeamsSchema,
        response: { 200: ServiceItemSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => menu.setServiceItemTeams(req.deps, req.actor, req.params.id, req.body.teamIds),
  );

  app.put(
    '/service-items/:id/communities/:communityId',
    {
      schema: {
        tags: ['demands'],
        summary: 'Switch an item on or off for one community',
        description:
          'While off, the item is left out of `GET /service-items?communityId=` and cannot be ordered in that community (400 `serviceItemId`). Street admin or that community’s admin; another community 404, other roles 403. Audited (`service_item.community`).',
        params: ServiceItemCommunityParamsSchema,
        body: ServiceItemCommunitySchema,
        response: { 200: ServiceItemSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => menu.setServiceItemCommunity(req.deps, req.actor, req.params.id, req.params.communityId, req.body.enabled),
  );
};
