import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CertificateCreateSchema,
  CertificateIssuedSchema,
  CertificateListItemSchema,
  CertificateNumberParamsSchema,
  CertificateRevokeSchema,
  CertificateVerifySchema,
} from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
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
};
