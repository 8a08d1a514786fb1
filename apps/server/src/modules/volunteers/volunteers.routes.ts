import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { VolunteerListItemSchema, VolunteerQuerySchema, pageOf } from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import { listVolunteers } from './volunteers.service.js';

export const volunteersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/volunteers',
    {
      schema: {
        tags: ['people'],
        summary: 'Volunteers by community, team, skill or name (Chinese, Tibetan, pinyin initials, volunteer number); names masked outside the caller’s community',
        querystring: VolunteerQuerySchema,
        response: { 200: pageOf(VolunteerListItemSchema), ...problemResponses(400, 401) },
      },
    },
    async (req) => listVolunteers(req.deps, req.actor, req.query),
  );
};
