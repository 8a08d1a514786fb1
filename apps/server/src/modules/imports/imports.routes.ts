import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CSV_CONTENT_TYPE,
  IMPORT_MAX_BYTES,
  IdParamsSchema,
  ImportCreatedSchema,
  ImportJobListItemSchema,
  ImportJobSchema,
  ImportKindQuerySchema,
  ImportListQuerySchema,
  ImportReportQuerySchema,
  ImportTemplateQuerySchema,
  XLSX_CONTENT_TYPE,
  pageOf,
} from '@duodi/contracts';
import { AppError } from '../../platform/errors.js';
import { problemResponses, requestLanguage } from '../../platform/http/problem.js';
import * as service from './imports.service.js';

const FILE_TYPES = { xlsx: XLSX_CONTENT_TYPE, csv: `${CSV_CONTENT_TYPE}; charset=utf-8` } as const;
const BinarySchema = z.string().meta({ format: 'binary' });
const fileResponse = (description: string) => ({
  description,
  content: { [XLSX_CONTENT_TYPE]: { schema: BinarySchema }, [CSV_CONTENT_TYPE]: { schema: BinarySchema } },
});
const attachment = (fileName: string) => `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  // The file is the raw request body; these parsers exist only inside this plugin (these routes).
  for (const type of [XLSX_CONTENT_TYPE, CSV_CONTENT_TYPE]) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) => done(null, body));
  }
  app.addHook('onClose', async () => service.drainImportWork());

  app.post(
    '/imports',
    {
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags: ['imports'],
        summary: 'Upload a volunteer roster or resident list (xlsx or CSV, the raw body, ≤ 10 MB) and start its dry run',
        description:
          'Street admin: any grid; community admin: rows of their community; grid worker: rows of their grid (others 403). The rows are checked in the background; poll `GET /imports/{id}` for progress and the report, then `POST /imports/{id}/commit`. 413 above 10 MB.',
        consumes: [XLSX_CONTENT_TYPE, CSV_CONTENT_TYPE],
        querystring: ImportKindQuerySchema,
        body: z.unknown().meta({ type: 'string', format: 'binary', description: 'The file itself (xlsx or CSV, UTF-8 or GB18030)' }),
        response: { 201: ImportCreatedSchema, ...problemResponses(400, 401, 403, 413, 415) },
      },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported_media_type');
      const format = (req.headers['content-type'] ?? '').toLowerCase().startsWith(XLSX_CONTENT_TYPE) ? 'xlsx' : 'csv';
      const created = await service.startImport(req.deps, req.actor, {
        kind: req.query.kind,
        format,
        ...(req.query.fileName ? { fileName: req.query.fileName } : {}),
        file: req.body,
        onError: (jobId, err) =>
          req.log.error({ jobId, error: (err as Error)?.name, code: (err as { code?: string })?.code }, 'import dry run failed'),
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'The caller’s imports, newest first (a street admin sees the street’s)',
        querystring: ImportListQuerySchema,
        response: { 200: pageOf(ImportJobListItemSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => service.listImports(req.deps, req.actor, req.query),
  );

  app.get(
    '/imports/template',
    {
      schema: {
        tags: ['imports'],
        summary: 'The import template of a kind, headers in the caller’s language (xlsx with instructions, or CSV)',
        querystring: ImportTemplateQuerySchema,
        response: { 200: fileResponse('The template file'), ...problemResponses(400) },
      },
    },
    async (req, reply) => {
      const { body, fileName } = await service.importTemplate({ ...req.query, lang: requestLanguage(req) });
      return reply
        .type(FILE_TYPES[req.query.format])
        .header('content-disposition', attachment(fileName))
        .send(body as unknown as string); // a Buffer: sent as is, no serializer
    },
  );

  app.get(
    '/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'An import’s progress and its dry-run report (problems per row in the caller’s language)',
        params: IdParamsSchema,
        response: { 200: ImportJobSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.getImport(req.deps, req.actor, { id: req.params.id, lang: requestLanguage(req) }),
  );

  app.get(
    '/imports/:id/report',
    {
      schema: {
        tags: ['imports'],
        summary: 'The dry run’s problems as xlsx or CSV (line, column, code, message)',
        params: IdParamsSchema,
        querystring: ImportReportQuerySchema,
        response: { 200: fileResponse('The problems of the file'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { body, fileName } = await service.importReport(req.deps, req.actor, {
        id: req.params.id,
        format: req.query.format,
        lang: requestLanguage(req),
      });
      return reply
        .type(FILE_TYPES[req.query.format])
        .header('content-disposition', attachment(fileName))
        .send(body as unknown as string); // a Buffer: sent as is, no serializer
    },
  );

  app.post(
    '/imports/:id/commit',
    {
      schema: {
        tags: ['imports'],
        summary: 'Import the valid rows of a validated import (in the background; progress via GET)',
        description: 'People already registered (same ID number) are skipped and counted as unchanged. A second commit is 409.',
        params: IdParamsSchema,
        response: { 202: ImportCreatedSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const accepted = await service.commitImport(req.deps, req.actor, {
        id: req.params.id,
        onError: (jobId, err) =>
          req.log.error({ jobId, error: (err as Error)?.name, code: (err as { code?: string })?.code }, 'import commit failed'),
      });
      return reply.code(202).send(accepted);
    },
  );
};
