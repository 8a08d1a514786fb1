import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DecisionReasonBodySchema,
  IdParamsSchema,
  PartyReportBodySchema,
  PartyReportQuerySchema,
  PartyReportSchema,
  UnitPartyMemberSchema,
  UnitPartyMembersQuerySchema,
  pageOf,
} from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as service from './party.service.js';

const EmptyBodySchema = z.object({}).strict().nullish();

export const partyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/party-reports',
    {
      schema: {
        tags: ['party'],
        summary: '云报到: a party-member volunteer reports to a residence community and grid and names the employer unit',
        body: PartyReportBodySchema,
        response: { 201: PartyReportSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.submitReport(req.deps, req.actor, req.body)),
  );

  app.get(
    '/party-reports',
    {
      schema: {
        tags: ['party'],
        summary: 'Party reports to review (community admin: their community; street admin: the street), newest first',
        querystring: PartyReportQuerySchema,
        response: { 200: pageOf(PartyReportSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => service.listReports(req.deps, req.actor, req.query),
  );

  app.post(
    '/party-reports/:id/confirm',
    {
      schema: {
        tags: ['party'],
        summary: 'Confirm a pending report (community admin of its community): grants party_member for the community (audited)',
        params: IdParamsSchema,
        body: EmptyBodySchema,
        response: { 200: PartyReportSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.confirmReport(req.deps, req.actor, req.params.id),
  );

  app.post(
    '/party-reports/:id/reject',
    {
      schema: {
        tags: ['party'],
        summary: 'Reject a pending report with a reason (community admin of its community)',
        params: IdParamsSchema,
        body: DecisionReasonBodySchema,
        response: { 200: PartyReportSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.rejectReport(req.deps, req.actor, { id: req.params.id, reason: req.body.reason }),
  );

  app.get(
    '/me/party-reports',
    {
      schema: {
        tags: ['party'],
        summary: 'The caller’s own party reports, newest first',
        querystring: PartyReportQuerySchema.omit({ communityId: true }),
        response: { 200: pageOf(PartyReportSchema), ...problemResponses(400, 401) },
      },
    },
    async (req) => service.listMyReports(req.deps, req.actor, req.query),
  );

  app.get(
    '/units/:id/party-members',
    {
      schema: {
        tags: ['party'],
        summary: 'DR-18: the unit’s in-service party members in a period (?period=2026Q4, default the current quarter): active, no_service, not_reported',
        params: IdParamsSchema,
        querystring: UnitPartyMembersQuerySchema,
        response: { 200: pageOf(UnitPartyMemberSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.listUnitPartyMembers(req.deps, req.actor, { unitId: req.params.id, ...req.query }),
  );
};
