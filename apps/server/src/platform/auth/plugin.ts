import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';

export const SESSION_COOKIE = 'sid';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
    sessionToken: string | undefined;
  }
}

export function tokenFrom(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  const cookie = req.cookies?.[SESSION_COOKIE];
  return cookie || undefined;
}

/** Resolves `req.actor` from a Bearer token or the session cookie on every request. */
export function registerAuth(app: FastifyInstance, resolve: (token: string) => Promise<Actor | undefined>) {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('sessionToken', undefined);
  app.addHook('onRequest', async (req) => {
    const token = tokenFrom(req);
    if (!token || token.length > 200) return;
    const actor = await resolve(token);
    if (actor) {
      req.actor = actor;
      req.sessionToken = token;
    }
  });
}
