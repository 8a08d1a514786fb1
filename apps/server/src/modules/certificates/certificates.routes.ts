import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CertificateCreateSchema,
  CertificateIssuedSchema,
  CertificateListItemSchema,
  CertificateNumberParamsSchema,
  CertificateRequestCreateSchema,
  CertificateRequestDeclineSchema,
  CertificateRequestIssuedSchema,
  CertificateRequestQuerySchema,
  CertificateRequestSchema,
  CertificateRevokeSchema,
  CertificateStaffItemSchema,
  CertificateStaffQuerySchema,
  CertificateVerifySchema,
  IdParamsSchema,
} from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as requests from './certificate-requests.service.js';
import * as service from './certificates.service.js';

const tags = ['certificates'];

export const certificatesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/certificates',
    {
      schema: {
        tags,
        summary: 'Issue a service-record certificate (志愿服务记录证明, free) → { number, pdfUrl }',
        description:
          '谁记录谁证明: a community admin issues as their community for the hours recorded by it; a street admin as the street for all the volunteer’s verified hours. `language` zh | bo | bilingual (default); `periodFrom`/`periodTo` limit the records. Other roles 403; a volunteer outside the caller’s communities 404; no verified hours 422 not_eligible.',
        body: CertificateCreateSchema,
        response: { 201: CertificateIssuedSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.issueCertificate(req.deps, req.actor, req.body)),
  );

  app.get(
    '/me/certificates',
    {
      schema: {
        tags,
        summary: 'The caller’s certificates, newest first',
        response: { 200: z.object({ items: z.array(CertificateListItemSchema), nextCursor: z.null() }), ...problemResponses(401) },
      },
    },
    async (req) => service.listMyCertificates(req.deps, req.actor),
  );

  app.get(
    '/certificates/:number/pdf',
    {
      schema: {
        tags,
        summary:
          'The certificate PDF (holder, issuing staff): §9 fields, seal, QR to /verify/{number}, SHA-256 content hash; Chinese and Tibetan fonts embedded',
        params: CertificateNumberParamsSchema,
        response: { 200: z.any().describe('application/pdf'), ...problemResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const pdf = await service.certificatePdf(req.deps, req.actor, req.params.number);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${req.params.number}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/certificates/:number/verify',
    {
      schema: {
        tags,
        summary:
          'Public verification (no login): { valid, number, holderName (masked), verifiedMinutes, star, issuer, issuedAt, revokedAt }',
        security: [],
        params: CertificateNumberParamsSchema,
        response: { 200: CertificateVerifySchema, ...problemResponses(400, 404) },
      },
    },
    async (req) => service.verifyCertificate(req.deps, req.params.number),
  );

  app.post(
    '/certificates/:number/revoke',
    {
      schema: {
        tags,
        summary: 'The issuer revokes the certificate with a reason; verification then shows valid:false and revokedAt',
        params: CertificateNumberParamsSchema,
        body: CertificateRevokeSchema,
        response: { 200: CertificateVerifySchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.revokeCertificate(req.deps, req.actor, req.params.number, req.body.reason),
  );

  app.get(
    '/certificates',
    {
      schema: {
        tags,
        summary:
          'Certificates issued by the caller’s organisations (street admin: the street; community admin: as their 居委会), newest first, names masked',
        description:
          'Filters: volunteerId, communityId (issued as that community; outside the caller’s communities 403), revoked=true|false. Other roles 403.',
        querystring: CertificateStaffQuerySchema,
        response: {
          200: z.object({ items: z.array(CertificateStaffItemSchema), nextCursor: z.string().nullable() }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (req) => requests.listCertificates(req.deps, req.actor, req.query),
  );

  app.post(
    '/certificate-requests',
    {
      schema: {
        tags,
        summary:
          'A volunteer asks for a certificate of their verified hours; addressed to the organisation that recorded them (their community, else the street)',
        description: 'One open request at a time (409 conflict). Not a volunteer 403; no verified hours in the period 422 not_eligible.',
        body: CertificateRequestCreateSchema,
        response: { 201: CertificateRequestSchema, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await requests.createRequest(req.deps, req.actor, req.body)),
  );

  app.get(
    '/me/certificate-requests',
    {
      schema: {
        tags,
        summary: 'The caller’s certificate requests and their state, newest first',
        response: { 200: z.object({ items: z.array(CertificateRequestSchema), nextCursor: z.null() }), ...problemResponses(401) },
      },
    },
    async (req) => requests.listMyRequests(req.deps, req.actor),
  );

  app.get(
    '/certificate-requests',
    {
      schema: {
        tags,
        summary: 'Certificate requests addressed to the caller’s organisations (issuer staff), newest first, names masked',
        querystring: CertificateRequestQuerySchema,
        response: {
          200: z.object({ items: z.array(CertificateRequestSchema), nextCursor: z.string().nullable() }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (req) => requests.listRequests(req.deps, req.actor, req.query),
  );

  app.post(
    '/certificate-requests/:id/issue',
    {
      schema: {
        tags,
        summary:
          'pending → issued: the issuing organisation’s staff issue the certificate (as that organisation); the volunteer is notified',
        params: IdParamsSchema,
        response: { 200: CertificateRequestIssuedSchema, ...problemResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) => requests.issueRequest(req.deps, req.actor, req.params.id),
  );

  app.post(
    '/certificate-requests/:id/decline',
    {
      schema: {
        tags,
        summary: 'pending → declined with a reason (issuing organisation’s staff); the volunteer is notified',
        params: IdParamsSchema,
        body: CertificateRequestDeclineSchema,
        response: { 200: CertificateRequestSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => requests.declineRequest(req.deps, req.actor, req.params.id, req.body.reason),
  );
};
