import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { createTestDb, type TestDb } from './test-db.js';

export interface TestApp extends TestDb {
  app: FastifyInstance;
  /** Signs in a demo account and returns its Bearer token. */
  login(phone: string, password?: string): Promise<string>;
}

export async function createTestApp(opts: { logStream?: NodeJS.WritableStream } = {}): Promise<TestApp> {
  const t = await createTestDb();
  const app = await buildApp({ deps: t.deps, logLevel: opts.logStream ? 'info' : false, ...(opts.logStream ? { logStream: opts.logStream } : {}) });
  await app.ready();
  return {
    ...t,
    app,
    async login(phone, password = 'demo1345') {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password } });
      if (res.statusCode !== 200) throw new Error(`login ${phone} failed: ${res.statusCode} ${res.body}`);
      return (res.json() as { token: string }).token;
    },
    async close() {
      await app.close();
      await t.close();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
