import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { StatsOverviewSchema } from '@duodi/contracts';
import { getOverview } from './stats.service.js';

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stats/overview',
    { schema: { tags: ['stats'], summary: 'Headline numbers of the street (public)', response: { 200: StatsOverviewSchema } } },
    async (req) => getOverview(req.deps, req.actor),
  );
};
