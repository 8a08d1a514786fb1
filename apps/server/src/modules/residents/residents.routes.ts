import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  HouseholdCreateSchema,
  HouseholdSchema,
  HouseholdUpdateSchema,
  IdParamsSchema,
  ResidentCreateSchema,
  ResidentListItemSchema,
  ResidentMoveSchema,
  ResidentUpdateSchema,
} from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as service from './residents.service.js';

const SCOPE_NOTE = 'Street admin: the street; community admin: their community; grid worker: their grid; others 403. Audited.';

export const residentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/residents',
    {
      schema: {
        tags: ['people'],
        summary: 'Add a resident to a grid, in a household or a new one at `address`',
        description: `${SCOPE_NOTE} The ID number (GB 11643 checked) must be unique in the street (409 duplicate_id_number). Setting a sensitive focus tag (disabled, child, left_behind_child) needs \`reason\`.`,
        body: ResidentCreateSchema,
        response: { 201: ResidentListItemSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createResident(req.deps, req.actor, req.body)),
  );

  app.patch(
    '/residents/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'Change a resident’s name, phone, focus tags or proxy flag (代办)',
        description: `${SCOPE_NOTE} A resident outside the scope is 404. Adding or removing a sensitive focus tag needs \`reason\`.`,
        params: IdParamsSchema,
        body: ResidentUpdateSchema,
        response: { 200: ResidentListItemSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.updateResident(req.deps, req.actor, req.params.id, req.body),
  );

  app.post(
    '/residents/:id/move',
    {
      schema: {
        tags: ['people'],
        summary: 'Move a resident to another grid (and household)',
        description: `${SCOPE_NOTE} Both the resident (404 outside) and the target grid (403 outside) must lie in the caller’s scope.`,
        params: IdParamsSchema,
        body: ResidentMoveSchema,
        response: { 200: ResidentListItemSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.moveResident(req.deps, req.actor, req.params.id, req.body),
  );

  app.post(
    '/households',
    {
      schema: {
        tags: ['people'],
        summary: 'Add a household (户) to a grid',
        description: SCOPE_NOTE,
        body: HouseholdCreateSchema,
        response: { 201: HouseholdSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createHousehold(req.deps, req.actor, req.body)),
  );

  app.patch(
    '/households/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'Change a household’s address',
        description: `${SCOPE_NOTE} A household outside the scope is 404.`,
        params: IdParamsSchema,
        body: HouseholdUpdateSchema,
        response: { 200: HouseholdSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.updateHousehold(req.deps, req.actor, req.params.id, req.body),
  );
};
