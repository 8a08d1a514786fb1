import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoginBodySchema, LoginResponseSchema, MeSchema, PreferencesBodySchema, RegisterAccountSchema } from '@duodi/contracts';
import { requireActor } from '../../platform/auth/actor.js';
import { SESSION_COOKIE } from '../../platform/auth/plugin.js';
import { problemResponses } from '../../platform/http/problem.js';
import { getMe, login, logout, registerAccount, updatePreferences } from './accounts.service.js';

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.deps.config.secureCookies,
    maxAge: req.deps.config.sessionDays * 86_400,
  });
}

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
      setSessionCookie(req, reply, result.token);
      return result;
    },
  );

  app.post(
    '/auth/register',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a phone account (a person with no roles yet) and sign in; register as a volunteer next with POST /volunteers',
        body: RegisterAccountSchema,
        response: { 201: LoginResponseSchema, ...problemResponses(400, 409) },
      },
    },
    async (req, reply) => {
      const result = await registerAccount(req.deps, req.body);
      setSessionCookie(req, reply, result.token);
      return reply.code(201).send(result);
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
