import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.js';

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logStream: sink });
});
afterAll(() => t?.close());

describe('request logs', () => {
  it('never contain passwords, tokens, phone or ID numbers', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone: '13900000001', password: 'demo1345' } });
    const token = (login.json() as { token: string }).token;
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone: '13900000002', password: 'wrong-secret' } });
    await t.app.inject({ method: 'GET', url: '/api/v1/volunteers?q=13900000003&limit=5', headers: { authorization: `Bearer ${token}` } });
    await t.app.inject({ method: 'GET', url: '/api/v1/residents/540102199001011234', headers: { authorization: `Bearer ${token}`, cookie: `sid=${token}` } });
    const log = lines.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).toContain('/api/v1/volunteers');
    for (const secret of ['13900000001', '13900000002', '13900000003', 'demo1345', 'wrong-secret', token, '540102199001011234']) {
      expect(log, secret).not.toContain(secret);
    }
  });
});
