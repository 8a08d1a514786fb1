import type { FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DecisionReasonBodySchema,
  IdParamsSchema,
  TEAM_LOGO_MAX_BYTES,
  TEAM_LOGO_TYPES,
  TeamApplicationBodySchema,
  TeamApplicationQuerySchema,
  TeamApplicationSchema,
  TeamCreateSchema,
  TeamDeputyParamsSchema,
  TeamDetailSchema,
  TeamInvitationBodySchema,
  TeamInvitationQuerySchema,
  TeamInvitationSchema,
  TeamLogoSchema,
  TeamMemberQuerySchema,
  TeamMemberSchema,
  TeamPatchSchema,
  TeamRosterQuerySchema,
  TeamVolunteerBodySchema,
  pageOf,
} from '@duodi/contracts';
import { AppError } from '../../platform/errors.js';
import { problemResponses, requestLanguage } from '../../platform/http/problem.js';
import * as service from './teams.service.js';

const NoContentSchema = z.null().describe('Done');
const LOGO_LIMIT = `${TEAM_LOGO_MAX_BYTES / 1024} KB`;
const EmptyBodySchema = z.object({}).strict().nullish();

/** Maps @fastify/multipart's limit and format errors onto the API's codes. */
function multipartProblem(err: unknown): AppError {
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new AppError('payload_too_large', { limit: LOGO_LIMIT });
  }
  return new AppError('validation_failed', {}, { fields: [{ field: 'logo', key: 'invalid' }] });
}

/**
 * Reads the uploaded logo: the first file of a multipart/form-data body (any field name, e.g.
 * `logo`), or a raw image/png|jpeg|webp body. Anything else is 415.
 */
async function readLogo(req: FastifyRequest): Promise<service.UploadedFile> {
  if (req.isMultipart()) {
    try {
      const part = await req.file({ limits: { fileSize: TEAM_LOGO_MAX_BYTES, files: 1, fields: 4, parts: 5 } });
      if (!part) throw new AppError('validation_failed', {}, { fields: [{ field: 'logo', key: 'required' }] });
      const bytes = await part.toBuffer();
      return { bytes, declaredType: part.mimetype };
    } catch (err) {
      throw err instanceof AppError ? err : multipartProblem(err);
    }
  }
  if (Buffer.isBuffer(req.body)) return { bytes: req.body, declaredType: req.headers['content-type'] };
  throw new AppError('unsupported_image_type');
}

export const teamsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Scoped to this plugin: no other module's routes accept multipart or image bodies.
  await app.register(multipart, { limits: { fileSize: TEAM_LOGO_MAX_BYTES, files: 1 } });
  app.addContentTypeParser([...TEAM_LOGO_TYPES], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  /* ---------- teams ---------- */

  app.post(
    '/teams',
    {
      schema: {
        tags: ['teams'],
        summary: 'Create a team (street admin: anywhere in the street; community admin: their community)',
        body: TeamCreateSchema,
        response: { 201: TeamDetailSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createTeam(req.deps, req.actor, req.body)),
  );

  app.patch(
    '/teams/:id',
    {
      schema: {
        tags: ['teams'],
        summary: 'Edit a team’s brand page (staff in scope or the leader); moving it to another community is for street admins',
        params: IdParamsSchema,
        body: TeamPatchSchema,
        response: { 200: TeamDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.updateTeam(req.deps, req.actor, { teamId: req.params.id, patch: req.body }),
  );

  app.put(
    '/teams/:id/leader',
    {
      schema: {
        tags: ['teams'],
        summary: 'Make a member the leader (staff in scope, or the leader handing over); audited',
        params: IdParamsSchema,
        body: TeamVolunteerBodySchema,
        response: { 200: TeamDetailSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => service.setLeader(req.deps, req.actor, { teamId: req.params.id, volunteerId: req.body.volunteerId }),
  );

  app.post(
    '/teams/:id/deputies',
    {
      schema: {
        tags: ['teams'],
        summary: 'Appoint a member as deputy leader (staff in scope or the leader); audited',
        params: IdParamsSchema,
        body: TeamVolunteerBodySchema,
        response: { 200: TeamMemberSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => service.addDeputy(req.deps, req.actor, { teamId: req.params.id, volunteerId: req.body.volunteerId }),
  );

  app.delete(
    '/teams/:id/deputies/:volunteerId',
    {
      schema: {
        tags: ['teams'],
        summary: 'End a deputy’s appointment (staff in scope or the leader); audited',
        params: TeamDeputyParamsSchema,
        response: { 204: NoContentSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await service.removeDeputy(req.deps, req.actor, { teamId: req.params.id, volunteerId: req.params.volunteerId });
      return reply.code(204).send(null);
    },
  );

  /* ---------- logo ---------- */

  app.put(
    '/teams/:id/logo',
    {
      schema: {
        tags: ['teams'],
        summary: `Upload the team’s logo (staff in scope or the leader): PNG, JPEG or WebP, at most ${LOGO_LIMIT}`,
        description:
          'multipart/form-data with one file (field `logo`), or the raw image as the body with Content-Type image/png, image/jpeg or image/webp. ' +
          'The type is recognised from the magic bytes and must agree with the declared type (415 otherwise); larger than the limit is 413.',
        consumes: ['multipart/form-data', ...TEAM_LOGO_TYPES],
        params: IdParamsSchema,
        body: z.unknown().describe('The image (multipart file or raw bytes)'),
        response: { 200: TeamLogoSchema, ...problemResponses(400, 401, 403, 404, 413, 415) },
      },
    },
    async (req) => service.uploadLogo(req.deps, req.actor, { teamId: req.params.id, read: () => readLogo(req) }),
  );

  app.get(
    '/teams/:id/logo',
    {
      schema: {
        tags: ['teams'],
        summary: 'The team’s logo image (public; cacheable, with ETag)',
        params: IdParamsSchema,
        response: { 200: z.unknown().describe('image/png, image/jpeg or image/webp'), 304: z.null().describe('Not modified'), ...problemResponses(400, 404) },
      },
    },
    async (req, reply) => {
      const logo = await service.getLogo(req.deps, req.params.id);
      reply.header('cache-control', 'public, max-age=300').header('etag', logo.etag).header('last-modified', logo.uploadedAt.toUTCString());
      if (req.headers['if-none-match'] === logo.etag) return reply.code(304).send(null);
      return reply.type(logo.contentType).send(logo.bytes);
    },
  );

  /* ---------- members ---------- */

  app.get(
    '/teams/:id/members',
    {
      schema: {
        tags: ['teams'],
        summary: 'A team’s members: leader, deputies, members (names masked outside the caller’s community, except for staff in scope and the leader)',
        params: IdParamsSchema,
        querystring: TeamMemberQuerySchema,
        response: { 200: pageOf(TeamMemberSchema), ...problemResponses(400, 401, 404) },
      },
    },
    async (req) => service.listMembers(req.deps, req.actor, { teamId: req.params.id, ...req.query }),
  );

  app.delete(
    '/teams/:id/members/me',
    {
      schema: {
        tags: ['teams'],
        summary: 'Leave the team (a leader hands the team over first: 409)',
        params: IdParamsSchema,
        response: { 204: NoContentSchema, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (req, reply) => {
      await service.leaveTeam(req.deps, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/teams/:id/roster',
    {
      schema: {
        tags: ['teams'],
        summary: 'Export the roster as xlsx or CSV (staff in scope or the leader); phones masked',
        params: IdParamsSchema,
        querystring: TeamRosterQuerySchema,
        response: { 200: z.unknown().describe('xlsx workbook or UTF-8 CSV'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const file = await service.exportRoster(req.deps, req.actor, { teamId: req.params.id, format: req.query.format, lang: requestLanguage(req) });
      reply.header('content-disposition', `attachment; filename="${file.filename}"`).header('cache-control', 'no-store');
      return reply.type(file.contentType).send(file.body);
    },
  );

  /* ---------- applications ---------- */

  app.post(
    '/teams/:id/applications',
    {
      schema: {
        tags: ['teams'],
        summary: 'Apply to join the team (a volunteer)',
        params: IdParamsSchema,
        body: TeamApplicationBodySchema.nullish(),
        response: { 201: TeamApplicationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.applyToTeam(req.deps, req.actor, { teamId: req.params.id, ...(req.body?.message ? { message: req.body.message } : {}) })),
  );

  app.get(
    '/teams/:id/applications',
    {
      schema: {
        tags: ['teams'],
        summary: 'The team’s applications (leader, deputies, staff in scope), newest first',
        params: IdParamsSchema,
        querystring: TeamApplicationQuerySchema,
        response: { 200: pageOf(TeamApplicationSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.listTeamApplications(req.deps, req.actor, { teamId: req.params.id, ...req.query }),
  );

  app.post(
    '/team-applications/:id/approve',
    {
      schema: {
        tags: ['teams'],
        summary: 'Approve a pending application: the volunteer becomes a member (leader, deputies, staff in scope)',
        params: IdParamsSchema,
        body: EmptyBodySchema,
        response: { 200: TeamApplicationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.decideApplication(req.deps, req.actor, { applicationId: req.params.id, action: 'approve' }),
  );

  app.post(
    '/team-applications/:id/reject',
    {
      schema: {
        tags: ['teams'],
        summary: 'Reject a pending application with a reason (leader, deputies, staff in scope)',
        params: IdParamsSchema,
        body: DecisionReasonBodySchema,
        response: { 200: TeamApplicationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.decideApplication(req.deps, req.actor, { applicationId: req.params.id, action: 'reject', reason: req.body.reason }),
  );

  app.post(
    '/team-applications/:id/withdraw',
    {
      schema: {
        tags: ['teams'],
        summary: 'Withdraw one’s own pending application',
        params: IdParamsSchema,
        body: EmptyBodySchema,
        response: { 200: TeamApplicationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.decideApplication(req.deps, req.actor, { applicationId: req.params.id, action: 'withdraw' }),
  );

  app.get(
    '/me/team-applications',
    {
      schema: {
        tags: ['teams'],
        summary: 'The caller’s own team applications, newest first',
        querystring: TeamApplicationQuerySchema,
        response: { 200: pageOf(TeamApplicationSchema), ...problemResponses(400, 401) },
      },
    },
    async (req) => service.listMyApplications(req.deps, req.actor, req.query),
  );

  /* ---------- invitations ---------- */

  app.post(
    '/teams/:id/invitations',
    {
      schema: {
        tags: ['teams'],
        summary: 'Invite a volunteer to the team (leader, deputies, staff in scope)',
        params: IdParamsSchema,
        body: TeamInvitationBodySchema,
        response: { 201: TeamInvitationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(
        await service.inviteVolunteer(req.deps, req.actor, {
          teamId: req.params.id,
          volunteerId: req.body.volunteerId,
          ...(req.body.message ? { message: req.body.message } : {}),
        }),
      ),
  );

  app.get(
    '/teams/:id/invitations',
    {
      schema: {
        tags: ['teams'],
        summary: 'The team’s invitations (leader, deputies, staff in scope), newest first',
        params: IdParamsSchema,
        querystring: TeamInvitationQuerySchema,
        response: { 200: pageOf(TeamInvitationSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.listTeamInvitations(req.deps, req.actor, { teamId: req.params.id, ...req.query }),
  );

  for (const action of ['accept', 'decline'] as const) {
    app.post(
      `/team-invitations/:id/${action}`,
      {
        schema: {
          tags: ['teams'],
          summary: action === 'accept' ? 'Accept an invitation: the caller becomes a member (the invited volunteer)' : 'Decline an invitation (the invited volunteer)',
          params: IdParamsSchema,
          body: EmptyBodySchema,
          response: { 200: TeamInvitationSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => service.answerInvitation(req.deps, req.actor, { invitationId: req.params.id, action }),
    );
  }

  app.get(
    '/me/team-invitations',
    {
      schema: {
        tags: ['teams'],
        summary: 'Invitations addressed to the caller, newest first',
        querystring: TeamInvitationQuerySchema,
        response: { 200: pageOf(TeamInvitationSchema), ...problemResponses(400, 401) },
      },
    },
    async (req) => service.listMyInvitations(req.deps, req.actor, req.query),
  );
};
