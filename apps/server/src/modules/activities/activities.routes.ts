import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActivityCreateSchema,
  ActivityListItemSchema,
  ActivityNoteSchema,
  ActivityQuerySchema,
  ActivityReasonSchema,
  ActivitySchema,
  ActivityUpdateSchema,
  CheckInBodySchema,
  CheckInCodeSchema,
  CheckInResultSchema,
  CheckOutResultSchema,
  IdParamsSchema,
  RosterSchema,
  SignupParamsSchema,
  SignupResultSchema,
  pageOf,
} from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as service from './activities.service.js';
import * as signups from './signups.service.js';
import * as checkin from './checkin.service.js';
import { editActivity } from './activity-edit.service.js';

const TRANSITIONS = {
  submit: { body: ActivityNoteSchema, summary: 'The organizer submits the draft for review (草稿 → 待审核)' },
  reject: { body: ActivityReasonSchema, summary: 'A reviewer sends it back to draft with a reason' },
  approve: {
    body: ActivityNoteSchema,
    summary: 'A reviewer (community admin of its community, street admin) publishes it: recruiting (招募中)',
  },
  start: {
    body: ActivityNoteSchema,
    summary:
      'The organizer starts it (进行中); 422 insurance_missing when it needs insurance and a confirmed volunteer is not covered (DR-15)',
  },
  end: {
    body: ActivityNoteSchema,
    summary: 'The organizer ends it (已结束); sessions without check-out are closed at the end and flagged',
  },
  cancel: { body: ActivityReasonSchema, summary: 'The organizer or a reviewer cancels it with a reason; signed-up volunteers are told' },
  archive: { body: ActivityNoteSchema, summary: 'An ended activity is archived (已归档)' },
} as const;

export const activitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/activities',
    {
      schema: {
        tags: ['activities'],
        summary: 'Activities, latest start first',
        description:
          'Everyone (also signed out) sees published activities (recruiting and later); organizers (team leader of the team, community admin) and reviewers also drafts and those under review. `from`/`to` select activities overlapping that window. `mine=true`: those the caller signed up for.',
        security: [],
        querystring: ActivityQuerySchema,
        response: { 200: pageOf(ActivityListItemSchema), ...problemResponses(400, 401) },
      },
    },
    async (req) => service.listActivities(req.deps, req.actor, req.query),
  );

  app.post(
    '/activities',
    {
      schema: {
        tags: ['activities'],
        summary: 'Create an activity (draft); a recurring one creates one draft per occurrence',
        description:
          'Team leader (for their team) or community admin (their community, optionally one of its teams). The risk notice is required (DR-15). `recurrence: { freq: weekly|monthly, count: 2..12 }` creates a series: the answer is its first occurrence; submit and approve move the whole series.',
        body: ActivityCreateSchema,
        response: { 201: ActivitySchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createActivity(req.deps, req.actor, req.body)),
  );

  app.get(
    '/activities/:id',
    {
      schema: {
        tags: ['activities'],
        summary: 'One activity with the caller’s sign-up (and the history for organizers and reviewers)',
        security: [],
        params: IdParamsSchema,
        response: { 200: ActivitySchema, ...problemResponses(400, 404) },
      },
    },
    async (req) => service.getActivity(req.deps, req.actor, req.params.id),
  );

  app.patch(
    '/activities/:id',
    {
      schema: {
        tags: ['activities'],
        summary:
          'Edit an activity (organizer): every field in draft; description, place, risk notice and a larger headcount while recruiting',
        description:
          'Team leader of its team or community admin of its community (others 403; not visible 404). `version` is the one last read: another change first is 409 conflict. Other statuses (also pending_review) are 409 invalid_transition. A field locked while recruiting, or a smaller headcount, is 400 validation_failed. A larger headcount promotes the waitlist. Writes an `edit` history row and an audit row.',
        params: IdParamsSchema,
        body: ActivityUpdateSchema,
        response: { 200: ActivitySchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => editActivity(req.deps, req.actor, req.params.id, req.body),
  );

  for (const [action, { body, summary }] of Object.entries(TRANSITIONS) as [
    keyof typeof TRANSITIONS,
    (typeof TRANSITIONS)[keyof typeof TRANSITIONS],
  ][]) {
    const optional = body === ActivityNoteSchema;
    app.post(
      `/activities/:id/${action}`,
      {
        schema: {
          tags: ['activities'],
          summary,
          description:
            'A step not allowed from the current status is 409 invalid_transition; by a role that may not take it 403; a lost race 409 conflict.',
          params: IdParamsSchema,
          body: optional ? ActivityNoteSchema.nullish() : ActivityReasonSchema,
          response: { 200: ActivitySchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        const b = (req.body ?? {}) as { reason?: string; note?: string };
        return service.transitionActivity(req.deps, req.actor, req.params.id, { action, reason: b.reason, note: b.note });
      },
    );
  }

  app.post(
    '/activities/:id/signups',
    {
      schema: {
        tags: ['activities'],
        summary: 'Sign up (volunteer): confirmed while places are left, else waitlisted with a position',
        description:
          '409 overlapping_signup when another sign-up overlaps in time; 422 not_eligible (age range, minors where not allowed, skills); 409 conflict when already signed up.',
        params: IdParamsSchema,
        response: { 201: SignupResultSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await signups.signUp(req.deps, req.actor, req.params.id)),
  );

  app.delete(
    '/activities/:id/signups/me',
    {
      schema: {
        tags: ['activities'],
        summary: 'Cancel the caller’s sign-up; the first of the waitlist takes the place',
        params: IdParamsSchema,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      await signups.cancelSignup(req.deps, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/activities/:id/signups/:volunteerId/no-show',
    {
      schema: {
        tags: ['activities'],
        summary: 'The organizer marks a confirmed volunteer who did not check in as a no-show',
        params: SignupParamsSchema,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      await signups.markNoShow(req.deps, req.actor, req.params.id, req.params.volunteerId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/activities/:id/roster',
    {
      schema: {
        tags: ['activities'],
        summary: 'The organizer’s roster with live check-in state (also for reviewers)',
        params: IdParamsSchema,
        response: { 200: RosterSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => signups.getRoster(req.deps, req.actor, req.params.id),
  );

  app.get(
    '/activities/:id/check-in-code',
    {
      schema: {
        tags: ['activities'],
        summary: 'The rotating check-in QR token and 6-digit code (organizer)',
        description:
          'A new token every 30 s (fetch again at `refreshAt`); each is accepted for at most 60 s, so a photo of it stops working within a minute. Only while recruiting or in progress.',
        params: IdParamsSchema,
        response: { 200: CheckInCodeSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => checkin.getCheckInCode(req.deps, req.actor, req.params.id),
  );

  app.post(
    '/activities/:id/check-in',
    {
      schema: {
        tags: ['activities'],
        summary: 'Check in (volunteer) with the QR token, the 6-digit code or a GPS position inside the geofence',
        description:
          '`at` only for a scan queued offline: accepted when the token was valid at `at` (not in the future, at most 24 h back, within the activity window). Errors: 409 already_checked_in, 422 token_expired (also a replay), 422 token_invalid (forged), 422 outside_geofence (detail gives the distance), 422 not_signed_up. Check-in opens 1 h before the start.',
        params: IdParamsSchema,
        body: CheckInBodySchema,
        response: { 200: CheckInResultSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => checkin.checkIn(req.deps, req.actor, req.params.id, req.body),
  );

  app.post(
    '/activities/:id/check-out',
    {
      schema: {
        tags: ['activities'],
        summary: 'Check out (volunteer); creates the pending service record',
        description:
          'Credited minutes = check-out − check-in, clipped to the activity window and its maximum (DR-03). `serviceRecordId` is null when nothing is creditable. Accepted until 1 h after the end. Errors as check-in, with 409 not_checked_in.',
        params: IdParamsSchema,
        body: CheckInBodySchema,
        response: { 200: CheckOutResultSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => checkin.checkOut(req.deps, req.actor, req.params.id, req.body),
  );
};
