import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CorrectionCreateSchema,
  CorrectionQuerySchema,
  CorrectionResolveSchema,
  CorrectionSchema,
  IdParamsSchema,
  ManualRecordCreateSchema,
  PointRulesSchema,
  RecordsExportQuerySchema,
  RecordReasonSchema,
  RecordVerifySchema,
  ServiceRecordQuerySchema,
  ServiceRecordSchema,
  VolunteerRecordsQuerySchema,
  VolunteerSummarySchema,
  pageOf,
} from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as service from './records.service.js';

const tags = ['hours'];

export const recordsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/volunteers/:id/service-records',
    {
      schema: {
        tags,
        summary:
          'A volunteer’s service records, newest first (the volunteer, street admin, staff of the volunteer’s community or grid, leaders of their teams); name masked outside the caller’s community',
        params: IdParamsSchema,
        querystring: VolunteerRecordsQuerySchema,
        response: { 200: pageOf(ServiceRecordSchema), ...problemResponses(400, 401, 404) },
      },
    },
    async (req) => service.listVolunteerRecords(req.deps, req.actor, req.params.id, req.query),
  );

  app.get(
    '/volunteers/:id/service-records/export',
    {
      schema: {
        tags,
        summary:
          'A volunteer’s records in the 条例 Art. 19 field set (DR-07, DR-27) as xlsx (default) or CSV: the volunteer and staff in scope; ID number only as its mask',
        params: IdParamsSchema,
        querystring: RecordsExportQuerySchema,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
        response: { 200: z.string().describe('the file'), ...problemResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const file = await service.exportVolunteerRecords(req.deps, req.actor, req.params.id, req.query.format);
      reply.header('cache-control', 'no-store');
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body as never); // bypasses the JSON serializer
    },
  );

  app.get(
    '/volunteers/:id/summary',
    {
      schema: {
        tags,
        summary: 'Verified minutes, star eligibility, points and time-bank balance (coin-minutes) of a volunteer',
        params: IdParamsSchema,
        response: { 200: VolunteerSummarySchema, ...problemResponses(401, 404) },
      },
    },
    async (req) => service.volunteerSummary(req.deps, req.actor, req.params.id),
  );

  app.get(
    '/service-records',
    {
      schema: {
        tags,
        summary:
          'Verification queue: records of the caller’s communities (community admin) and led teams (team leader), the whole street for the street admin',
        querystring: ServiceRecordQuerySchema,
        response: { 200: pageOf(ServiceRecordSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.listRecordQueue(req.deps, req.actor, req.query),
  );

  app.post(
    '/service-records',
    {
      schema: {
        tags,
        summary:
          '补录: staff enter a record by hand with a reason and evidence; it stays pending until a second staff member verifies it (DR-04)',
        body: ManualRecordCreateSchema,
        response: { 201: ServiceRecordSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createManualRecord(req.deps, req.actor, req.body)),
  );

  app.post(
    '/service-records/:id/verify',
    {
      schema: {
        tags,
        summary:
          'Confirm a pending record (谁记录谁证明: the community admin of its community or the leader of its team): credits hours, points and time-bank coins; the creator of a 补录 cannot confirm it (403 second_approver_required)',
        params: IdParamsSchema,
        body: RecordVerifySchema,
        response: { 200: ServiceRecordSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.verifyRecord(req.deps, req.actor, req.params.id, req.body),
  );

  app.post(
    '/service-records/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a pending record with a reason the volunteer sees',
        params: IdParamsSchema,
        body: RecordReasonSchema,
        response: { 200: ServiceRecordSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.rejectRecord(req.deps, req.actor, req.params.id, req.body),
  );

  app.post(
    '/service-records/:id/zero',
    {
      schema: {
        tags,
        summary:
          'Complaint zeroing (DR-06): credited minutes set to 0 (old value kept), points and coins reversed, the volunteer told; they may appeal',
        params: IdParamsSchema,
        body: RecordReasonSchema,
        response: { 200: ServiceRecordSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.zeroRecord(req.deps, req.actor, req.params.id, req.body),
  );

  app.post(
    '/service-records/:id/appeal',
    {
      schema: {
        tags,
        summary: 'The volunteer appeals a zeroing; staff decide it at /service-record-corrections/{id}/resolve',
        params: IdParamsSchema,
        body: RecordReasonSchema,
        response: { 201: CorrectionSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.appealRecord(req.deps, req.actor, req.params.id, req.body)),
  );

  app.post(
    '/service-records/:id/corrections',
    {
      schema: {
        tags,
        summary:
          'The volunteer requests a correction of the credited minutes (DR-08); answered within the street’s deadline (default 10 working days)',
        params: IdParamsSchema,
        body: CorrectionCreateSchema,
        response: { 201: CorrectionSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.requestCorrection(req.deps, req.actor, req.params.id, req.body)),
  );

  app.get(
    '/service-records/:id/corrections',
    {
      schema: {
        tags,
        summary: 'The correction, zeroing and appeal history of a record (old and new values)',
        params: IdParamsSchema,
        response: { 200: pageOf(CorrectionSchema), ...problemResponses(401, 404) },
      },
    },
    async (req) => service.listRecordCorrections(req.deps, req.actor, req.params.id),
  );

  app.get(
    '/service-record-corrections',
    {
      schema: {
        tags,
        summary: 'Correction requests, appeals and zeroings of the records the caller confirms (staff); `overdue` past the deadline',
        querystring: CorrectionQuerySchema,
        response: { 200: pageOf(CorrectionSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => service.listCorrections(req.deps, req.actor, req.query),
  );

  app.post(
    '/service-record-corrections/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Accept or reject a correction request or an appeal, with a reason; accepting re-credits the record with the new minutes',
        params: IdParamsSchema,
        body: CorrectionResolveSchema,
        response: { 200: CorrectionSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.resolveCorrection(req.deps, req.actor, req.params.id, req.body),
  );

  app.get(
    '/point-rules',
    {
      schema: {
        tags,
        summary: 'The street’s rules for points, time-bank coins and star thresholds (street and community admins)',
        response: { 200: PointRulesSchema, ...problemResponses(401, 403) },
      },
    },
    async (req) => service.getPointRules(req.deps, req.actor),
  );

  app.put(
    '/point-rules',
    {
      schema: {
        tags,
        summary: 'Change the street’s rules (street admin; audited; applies to records verified from now on)',
        body: PointRulesSchema,
        response: { 200: PointRulesSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => service.putPointRules(req.deps, req.actor, req.body),
  );
};
