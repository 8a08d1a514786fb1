import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DeletionRequestQuerySchema,
  DeletionRequestSchema,
  ExportQuerySchema,
  IdNumberViewSchema,
  IdParamsSchema,
  InsuranceCreateSchema,
  InsuranceRecordSchema,
  MyDataExportSchema,
  PageQuerySchema,
  VolunteerListItemSchema,
  VolunteerProfileSchema,
  VolunteerQuerySchema,
  VolunteerRegisteredSchema,
  VolunteerRegistrationSchema,
  VolunteerUpdateSchema,
  pageOf,
} from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as service from './volunteers.service.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const volunteersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/volunteers',
    {
      schema: {
        tags: ['people'],
        summary:
          'Volunteers by community, team, skill or name (Chinese, Tibetan, pinyin initials, volunteer number); names masked outside the caller’s community, phone and ID masks for staff in scope only',
        querystring: VolunteerQuerySchema,
        response: { 200: pageOf(VolunteerListItemSchema), ...problemResponses(400, 401) },
      },
    },
    async (req) => service.listVolunteers(req.deps, req.actor, req.query),
  );

  app.post(
    '/volunteers',
    {
      schema: {
        tags: ['people'],
        summary:
          'Register a volunteer: the caller themselves, or (street admin, community admin, grid worker) someone else in their scope. One per ID number (DR-01); minors need guardian consent (DR-02)',
        body: VolunteerRegistrationSchema,
        response: { 201: VolunteerRegisteredSchema, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.registerVolunteer(req.deps, req.actor, req.body)),
  );

  app.get(
    '/volunteers/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'A volunteer profile, masked by the caller’s rights (the volunteer, staff in scope, leaders of the volunteer’s teams); 404 for anyone else',
        params: IdParamsSchema,
        response: { 200: VolunteerProfileSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (req) => service.getVolunteerProfile(req.deps, req.actor, req.params.id),
  );

  app.patch(
    '/volunteers/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'Edit a profile (Tibetan name, phone, grid, skills, languages, availability): the volunteer or staff in scope; audited',
        params: IdParamsSchema,
        body: VolunteerUpdateSchema,
        response: { 200: VolunteerProfileSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.updateVolunteerProfile(req.deps, req.actor, req.params.id, req.body),
  );

  app.get(
    '/volunteers/:id/id-number',
    {
      schema: {
        tags: ['people'],
        summary: 'The full ID number, for street admins and the community admin of the volunteer’s community only; every view is written to the access log',
        params: IdParamsSchema,
        response: { 200: IdNumberViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.getVolunteerIdNumber(req.deps, req.actor, req.params.id);
    },
  );

  app.get(
    '/volunteers/:id/insurance',
    {
      schema: {
        tags: ['people'],
        summary: 'Insurance records of a volunteer, newest cover first (the volunteer, staff in scope, leaders of the volunteer’s teams)',
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: pageOf(InsuranceRecordSchema), ...problemResponses(400, 401, 404) },
      },
    },
    async (req) => service.listVolunteerInsurance(req.deps, req.actor, req.params.id, req.query),
  );

  app.post(
    '/volunteers/:id/insurance',
    {
      schema: {
        tags: ['people'],
        summary: 'Record a personal accident insurance policy of a volunteer (条例 Art. 17); audited',
        params: IdParamsSchema,
        body: InsuranceCreateSchema,
        response: { 201: InsuranceRecordSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.addVolunteerInsurance(req.deps, req.actor, req.params.id, req.body)),
  );

  app.get(
    '/me/export',
    {
      schema: {
        tags: ['privacy'],
        summary: 'All of the caller’s data (PIPL): JSON, or ?format=xlsx for a workbook with one sheet per section',
        querystring: ExportQuerySchema,
        response: {
          200: MyDataExportSchema.describe(`JSON, or with ?format=xlsx a workbook (${XLSX_TYPE})`),
          ...problemResponses(400, 401),
        },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      if (req.query.format === 'xlsx') {
        const workbook = await service.exportMyDataWorkbook(req.deps, req.actor);
        return reply.type(XLSX_TYPE).header('content-disposition', 'attachment; filename="my-data.xlsx"').send(workbook as never); // a Buffer bypasses the JSON serializer
      }
      return service.exportMyData(req.deps, req.actor);
    },
  );

  app.post(
    '/me/deletion-request',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Ask for the caller’s personal data to be deleted (PIPL Art. 47); staff complete it',
        response: { 202: DeletionRequestSchema, ...problemResponses(401) },
      },
    },
    async (req, reply) => reply.code(202).send(await service.requestDeletion(req.deps, req.actor)),
  );

  app.get(
    '/deletion-requests',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Deletion requests: street admins all, community admins those of their community',
        querystring: DeletionRequestQuerySchema,
        response: { 200: pageOf(DeletionRequestSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => service.listDeletionRequests(req.deps, req.actor, req.query),
  );

  app.post(
    '/deletion-requests/:id/complete',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Complete a deletion request: pseudonymise the person, keep volunteer totals and ids; audited',
        params: IdParamsSchema,
        response: { 200: DeletionRequestSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.completeDeletion(req.deps, req.actor, req.params.id),
  );
};
