import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginBodySchema, LoginResponseSchema, MeSchema, PreferencesBodySchema } from '@duodi/contracts';
import { requireActor } from '../../platform/auth/actor.js';
import { SESSION_COOKIE } from '../../platform/auth/plugin.js';
import { problemResponses } from '../../platform/http/problem.js';
import { getMe, login, logout, updatePreferences } from './accounts.service.js';

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with phone and password; returns a Bearer token and sets the session cookie',
        body: LoginBodySchema,
        response: { 200: LoginResponseSchema, ...problemResponses(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const result = await login(req.deps, req.body);
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.deps.config.secureCookies,
        maxAge: req.deps.config.sessionDays * 86_400,
      });
      return result;
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null().describe('Signed out') } } },
    async (req, reply) => {
      await logout(req.deps, req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user, roles with scopes, and place in the organization', response: { 200: MeSchema, ...problemResponses(401) } } },
    async (req) => getMe(req.deps, requireActor(req.actor)),
  );

  app.patch(
    '/me/preferences',
    {
      schema: {
        tags: ['auth'],
        summary: 'Remember language and elderly mode (长辈版) for this user',
        body: PreferencesBodySchema,
        response: { 200: MeSchema, ...problemResponses(400, 401) },
      },
    },
    async (req) => updatePreferences(req.deps, requireActor(req.actor), req.body),
  );
};
