import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ProblemSchema, type ErrorCode, type UiLang } from '@duodi/contracts';
import { AppError, isAppError, type FieldProblem } from '../errors.js';
import { errorText, fieldText, isFieldKey, pickLanguage } from '../i18n/index.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** The caller's language: Accept-Language first, then the signed-in user's preference, then zh-CN. */
export function requestLanguage(req: FastifyRequest): UiLang {
  const fallback = req.actor?.language ?? 'zh-CN';
  return pickLanguage(req.headers['accept-language'], fallback);
}

function problemBody(req: FastifyRequest, code: ErrorCode, status: number, params: Record<string, unknown>, fields?: FieldProblem[]) {
  const lang = requestLanguage(req);
  const { title, detail } = errorText(lang, code, { count: fields?.length ?? 0, ...params });
  return {
    type: `https://duodi.example/problems/${code.replace(/_/g, '-')}`,
    title,
    status,
    detail,
    code,
    instance: req.url.split('?')[0],
    ...(fields
      ? { errors: fields.map((f) => ({ field: f.field, code: f.key, message: fieldText(lang, f.key, f.params ?? {}) })) }
      : {}),
  };
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: AppError) {
  if (err.headers) reply.headers(err.headers);
  return reply
    .code(err.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problemBody(req, err.code, err.status, err.params, err.fields));
}

/** One entry of fastify-type-provider-zod's `error.validation`: a zod issue in Ajv's shape. */
interface ValidationEntry {
  keyword: string;
  instancePath: string;
  message: string;
  params: { expected?: string; keys?: string[] };
}

function entryToField(entry: ValidationEntry, where: string): FieldProblem {
  const segments = entry.instancePath.split('/').filter(Boolean);
  if (entry.keyword === 'unrecognized_keys' && entry.params.keys?.length) segments.push(entry.params.keys.join(','));
  const field = [where === 'body' ? '' : where, ...segments].filter(Boolean).join('.') || where;
  switch (entry.keyword) {
    case 'invalid_type':
      return /received undefined/.test(entry.message)
        ? { field, key: 'required' }
        : { field, key: 'invalid_type', params: { expected: entry.params.expected ?? '' } };
    case 'custom':
      // Custom refinements carry a catalog key as their message (id_checksum, from_before_to …).
      return { field, key: isFieldKey(entry.message) ? entry.message : 'invalid' };
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'invalid_value':
    case 'unrecognized_keys':
      return { field, key: entry.keyword };
    default:
      return { field, key: 'invalid' };
  }
}

/** Turns every error into RFC 9457 problem+json with an API.md code, in the caller's language. */
export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (isAppError(err)) return sendProblem(req, reply, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const fields = err.validation.map((v) => entryToField(v as unknown as ValidationEntry, where));
      return sendProblem(req, reply, new AppError('validation_failed', {}, { fields }));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(req, reply, new AppError('validation_failed', {}, { fields: [{ field: 'body', key: 'malformed_json' }] }));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(req, reply, new AppError('payload_too_large', { limit: `${Math.round((req.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit!) / 1024)} KB` }));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(req, reply, new AppError('unsupported_media_type'));
      default:
        break;
    }
    if (err.statusCode === 429) return sendProblem(req, reply, new AppError('rate_limited', { minutes: 1 }));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const fields: FieldProblem[] = [{ field: 'request', key: 'invalid' }];
      return sendProblem(req, reply, new AppError('validation_failed', {}, { fields }));
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(req, reply, new AppError('internal_error'));
  });
}

/** OpenAPI response entries for the problem statuses a route can answer. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, ProblemSchema.describe('RFC 9457 problem details')]));
}
