import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParamsSchema,
  StarAwardQuerySchema,
  StarAwardSchema,
  StarBlockBodySchema,
  StarBlockSchema,
  StarJobResultSchema,
  StarNoticeSchema,
  StarObjectionBodySchema,
  StarObjectionResolveSchema,
  StarObjectionSchema,
  StarOptionalNoteSchema,
  StarReasonSchema,
  StarThresholdsSchema,
  pageOf,
} from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as service from './stars.service.js';

const tags = ['stars'];

export const starsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/star-thresholds',
    {
      schema: {
        tags,
        summary: 'The street’s star thresholds (hours for levels 1..5, default 100/300/600/1000/1500) and blocking period (years)',
        response: { 200: StarThresholdsSchema, ...problemResponses(401) },
      },
    },
    async (req) => service.getThresholds(req.deps, req.actor),
  );

  app.put(
    '/star-thresholds',
    {
      schema: {
        tags,
        summary: 'Street admin sets the thresholds (strictly increasing) and the blocking period (1–3 years); audited',
        body: StarThresholdsSchema,
        response: { 200: StarThresholdsSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => service.putThresholds(req.deps, req.actor, req.body),
  );

  app.get(
    '/star-awards',
    {
      schema: {
        tags,
        summary: 'Star awards (星级认定) of the caller’s scope, newest proposal first: street admin all, community admin their community',
        querystring: StarAwardQuerySchema,
        response: { 200: pageOf(StarAwardSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => service.listAwards(req.deps, req.actor, req.query),
  );

  app.get(
    '/me/star-awards',
    {
      schema: {
        tags,
        summary: 'The caller’s own star awards (proposed, reviewed, on notice, awarded, rejected, revoked), newest first',
        response: { 200: z.object({ items: z.array(StarAwardSchema), nextCursor: z.null() }), ...problemResponses(401) },
      },
    },
    async (req) => service.listMyAwards(req.deps, req.actor),
  );

  app.post(
    '/star-awards/run',
    {
      schema: {
        tags,
        summary:
          'Street admin runs the star job now: proposals for volunteers whose eligibility passed their awarded level (notified `star.reached`), awards for notices that ended without open objections',
        response: { 200: StarJobResultSchema, ...problemResponses(401, 403) },
      },
    },
    async (req) => service.runStarJobFor(req.deps, req.actor),
  );

  app.post(
    '/star-awards/:id/review',
    {
      schema: {
        tags,
        summary: 'proposed → reviewed (community admin of the volunteer’s community, street admin)',
        params: IdParamsSchema,
        body: StarOptionalNoteSchema.nullish(),
        response: { 200: StarAwardSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.reviewAward(req.deps, req.actor, req.params.id, req.body?.note),
  );

  app.post(
    '/star-awards/:id/publish',
    {
      schema: {
        tags,
        summary: 'reviewed → on_notice (street admin): public notice from today to ≥ 5 working days later (weekends skipped)',
        params: IdParamsSchema,
        response: { 200: StarAwardSchema, ...problemResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) => service.publishAward(req.deps, req.actor, req.params.id),
  );

  app.post(
    '/star-awards/:id/award',
    {
      schema: {
        tags,
        summary: 'on_notice → awarded (street admin) once the notice ended and no objection is open; the volunteer is notified',
        params: IdParamsSchema,
        response: { 200: StarAwardSchema, ...problemResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) => service.awardAward(req.deps, req.actor, req.params.id),
  );

  app.post(
    '/star-awards/:id/reject',
    {
      schema: {
        tags,
        summary: 'proposed | reviewed | on_notice → rejected with a reason (community admin in scope, street admin)',
        params: IdParamsSchema,
        body: StarReasonSchema,
        response: { 200: StarAwardSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.rejectAward(req.deps, req.actor, req.params.id, req.body.reason),
  );

  app.post(
    '/star-awards/:id/revoke',
    {
      schema: {
        tags,
        summary: 'awarded → revoked with a reason (street admin); audited',
        params: IdParamsSchema,
        body: StarReasonSchema,
        response: { 200: StarAwardSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.revokeAward(req.deps, req.actor, req.params.id, req.body.reason),
  );

  app.get(
    '/star-notices',
    {
      schema: {
        tags,
        summary: 'The public notice board (公示) of star awards on notice; names masked; no login',
        security: [],
        response: { 200: z.object({ items: z.array(StarNoticeSchema), nextCursor: z.null() }) },
      },
    },
    async (req) => service.listNotices(req.deps, req.actor),
  );

  app.post(
    '/star-awards/:id/objections',
    {
      schema: {
        tags,
        summary: 'An objection (异议) to an award on notice, until the notice’s last day; any signed-in account',
        params: IdParamsSchema,
        body: StarObjectionBodySchema,
        response: { 201: StarObjectionSchema, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.objectToAward(req.deps, req.actor, req.params.id, req.body.text)),
  );

  app.get(
    '/star-awards/:id/objections',
    {
      schema: {
        tags,
        summary: 'Objections to an award (staff in scope)',
        params: IdParamsSchema,
        response: { 200: z.object({ items: z.array(StarObjectionSchema), nextCursor: z.null() }), ...problemResponses(401, 403, 404) },
      },
    },
    async (req) => service.listObjections(req.deps, req.actor, req.params.id),
  );

  app.post(
    '/star-objections/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Staff resolve an objection: upheld rejects the award, dismissed lets it proceed',
        params: IdParamsSchema,
        body: StarObjectionResolveSchema,
        response: { 200: StarObjectionSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.resolveObjection(req.deps, req.actor, req.params.id, req.body),
  );

  app.post(
    '/volunteers/:id/star-block',
    {
      schema: {
        tags,
        summary:
          'Proven false hours: no star proposal or award for 1–3 years (default the street’s setting); open awards rejected (street admin)',
        params: IdParamsSchema,
        body: StarBlockBodySchema,
        response: { 201: StarBlockSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.blockVolunteer(req.deps, req.actor, req.params.id, req.body)),
  );
};
