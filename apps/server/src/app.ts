import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { HealthSchema } from '@duodi/contracts';
import type { Deps } from './platform/deps.js';
import { registerAuth } from './platform/auth/plugin.js';
import { registerProblemHandlers, sendProblem } from './platform/http/problem.js';
import { AppError } from './platform/errors.js';
import { loggerOptions } from './platform/logger.js';
import { accountsRoutes, resolveSession } from './modules/accounts/index.js';
import { organizationRoutes } from './modules/organization/index.js';
import { statsRoutes } from './modules/stats/index.js';
import { volunteersRoutes } from './modules/volunteers/index.js';
import { teamsRoutes } from './modules/teams/index.js';
import { partyRoutes } from './modules/party/index.js';
import { residentsRoutes } from './modules/residents/index.js';
import { importsRoutes } from './modules/imports/index.js';
import { recoveryRoutes } from './modules/recovery/index.js';
import { demandsRoutes } from './modules/demands/index.js';
import { rewardsRoutes } from './modules/rewards/index.js';
import { starsRoutes } from './modules/stars/index.js';
import { certificatesRoutes } from './modules/certificates/index.js';
import { reportsRoutes } from './modules/reports/index.js';
import { notificationsRoutes } from './modules/notifications/index.js';
import { activitiesRoutes } from './modules/activities/index.js';
import { visitsRoutes } from './modules/visits/index.js';
import { ledgerRoutes } from './modules/ledger/index.js';
import { recordsRoutes } from './modules/records/index.js';
import { timeBankRoutes } from './modules/timebank/index.js';
import { auditRoutes } from './modules/audit/index.js';

export interface AppOptions {
  deps: Deps;
  /** pino level, or false for no request logging (tests). */
  logLevel?: string | false;
  /** A pino destination stream (tests capture logs to prove no personal data is logged). */
  logStream?: NodeJS.WritableStream;
  /** Built web app (apps/web/dist) to serve at `/` (H5) and `/admin` (console). */
  webDist?: string | undefined;
}

/** Builds the HTTP app: platform plugins first, then each module's routes under /api/v1. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { deps } = opts;
  const app = Fastify({
    logger: opts.logLevel === false ? false : { ...loggerOptions(opts.logLevel ?? 'info'), ...(opts.logStream ? { stream: opts.logStream } : {}) },
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();

  // The API speaks JSON only: any other request body is 415, not a string handed to a schema.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('deps', {
    getter: () => deps,
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  registerProblemHandlers(app);
  registerAuth(app, (token) => resolveSession(deps, token));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '夺底街道志愿服务平台 API (Duodi volunteer-service platform)',
        version: '1.0.0',
        description:
          'Public HTTP API v1. Errors are RFC 9457 problem+json with a stable `code`; messages follow Accept-Language (zh-CN, bo, en).',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'sid' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/healthz',
    { schema: { tags: ['health'], summary: 'Liveness and database kind', response: { 200: HealthSchema } } },
    async () => ({ status: 'ok' as const, db: deps.database.kind }),
  );

  await app.register(
    async (api) => {
      await api.register(accountsRoutes);
      await api.register(organizationRoutes);
      await api.register(volunteersRoutes);
      await api.register(statsRoutes);
      await api.register(teamsRoutes);
      await api.register(partyRoutes);
      await api.register(residentsRoutes);
      await api.register(importsRoutes);
      await api.register(recoveryRoutes);
      await api.register(demandsRoutes);
      await api.register(rewardsRoutes);
      await api.register(starsRoutes);
      await api.register(certificatesRoutes);
      await api.register(reportsRoutes);
      await api.register(notificationsRoutes);
      await api.register(activitiesRoutes);
      await api.register(visitsRoutes);
      await api.register(ledgerRoutes);
      await api.register(recordsRoutes);
      await api.register(timeBankRoutes);
      await api.register(auditRoutes);
    },
    { prefix: '/api/v1' },
  );

  if (opts.webDist && fs.existsSync(path.join(opts.webDist, 'index.html'))) {
    await registerWeb(app, opts.webDist);
  } else {
    app.setNotFoundHandler((req, reply) => sendProblem(req, reply, new AppError('not_found')));
  }
  return app;
}

/** Serves the built web app; unknown non-API paths fall back to the H5 or console entry (client-side routing). */
async function registerWeb(app: FastifyInstance, dist: string) {
  await app.register(fastifyStatic, { root: dist, prefix: '/', wildcard: false, index: false, maxAge: '1h', immutable: false });
  const hasConsole = fs.existsSync(path.join(dist, 'admin.html'));
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '/';
    const wantsHtml = req.method === 'GET' && !url.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(url);
    if (!wantsHtml) return sendProblem(req, reply, new AppError('not_found'));
    reply.header('cache-control', 'no-cache');
    return reply.sendFile(hasConsole && (url === '/admin' || url.startsWith('/admin/')) ? 'admin.html' : 'index.html');
  });
}
