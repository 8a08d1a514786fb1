import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AwardsReportQuerySchema, AwardsReportSchema, IdParamsSchema, QuarterSchema } from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as service from './reports.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/units/:id/party-report.xlsx',
    {
      schema: {
        tags: ['party'],
        summary:
          'DR-18 quarterly feedback report of a unit (xlsx): members, reports, community-side hours and points of the quarter; a sheet of those not reported or with no service',
        description: 'Unit admin of that unit, street admin. `period` 2026Q4 (default the current quarter).',
        params: IdParamsSchema,
        querystring: z.object({ period: QuarterSchema.optional() }),
        response: { 200: z.unknown().describe('xlsx workbook'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { file, filename } = await service.partyReportXlsx(req.deps, req.actor, req.params.id, req.query.period);
      return reply.type(XLSX).header('content-disposition', `attachment; filename="${filename}"`).send(file);
    },
  );

  app.get(
    '/reports/awards',
    {
      schema: {
        tags: ['reports'],
        summary:
          '评优评先 reference: volunteers ranked by verified hours in the period (2026 or 2026Q4), with records, average rating and star (json or xlsx)',
        description: 'Street admin (all, or `communityId`), community admin (their community; another is 403).',
        querystring: AwardsReportQuerySchema,
        response: { 200: AwardsReportSchema.or(z.unknown().describe('xlsx workbook')), ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const report = await service.awardsReport(req.deps, req.actor, req.query);
      if (req.query.format !== 'xlsx') return report;
      const file = await service.awardsReportXlsx(report, req.actor!.language);
      return reply.type(XLSX).header('content-disposition', `attachment; filename="awards-${req.query.period}.xlsx"`).send(file);
    },
  );
};
