import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SLOT_MS, ageOn, codeFor, creditedMinutes, distanceMetres, issueToken, verifyCode, verifyToken } from './check-in-token.js';

const mac = (payload: string) => crypto.createHmac('sha256', 'k').update(payload).digest('base64url').slice(0, 32);
const other = (payload: string) => crypto.createHmac('sha256', 'other').update(payload).digest('base64url').slice(0, 32);
const T0 = Date.UTC(2026, 10, 29, 2, 0, 0);

describe('check-in token', () => {
  it('is accepted in its slot and the next, so never longer than 60 s', () => {
    const issued = issueToken(mac, 'act_1', T0 + 29_000, 'ab12cd34ef56ab78');
    expect(verifyToken(mac, 'act_1', issued.token, T0 + 29_000).ok).toBe(true);
    expect(verifyToken(mac, 'act_1', issued.token, T0 + 2 * SLOT_MS - 1).ok).toBe(true);
    expect(verifyToken(mac, 'act_1', issued.token, T0 + 2 * SLOT_MS)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyToken(mac, 'act_1', issued.token, T0 - 1)).toEqual({ ok: false, reason: 'expired' });
    expect(issued.expiresAt.getTime() - (T0 + 29_000)).toBeLessThanOrEqual(60_000);
  });

  it('refuses a token of another key, another activity, or with a changed slot', () => {
    const issued = issueToken(mac, 'act_1', T0, 'ab12cd34ef56ab78');
    expect(verifyToken(other, 'act_1', issued.token, T0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyToken(mac, 'act_2', issued.token, T0)).toEqual({ ok: false, reason: 'invalid' });
    const [v, id, slot, nonce, sig] = issued.token.split('.');
    expect(verifyToken(mac, 'act_1', [v, id, Number(slot) + 1, nonce, sig].join('.'), T0 + SLOT_MS)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(verifyToken(mac, 'act_1', 'garbage', T0)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('derives a 6-digit code per slot, accepted for the current and the previous slot', () => {
    const code = codeFor(mac, 'act_1', Math.floor(T0 / SLOT_MS));
    expect(code).toMatch(/^\d{6}$/);
    expect(verifyCode(mac, 'act_1', code, T0).ok).toBe(true);
    expect(verifyCode(mac, 'act_1', code, T0 + SLOT_MS).ok).toBe(true);
    expect(verifyCode(mac, 'act_1', code, T0 + 2 * SLOT_MS).ok).toBe(false);
    expect(verifyCode(other, 'act_1', code, T0).ok).toBe(false);
  });
});

describe('credited minutes (DR-03)', () => {
  const w = { startsAt: new Date('2026-12-01T02:00:00Z'), endsAt: new Date('2026-12-01T04:00:00Z'), maxCreditableMinutes: 90 };
  it('clips to the window and the maximum', () => {
    expect(creditedMinutes(new Date('2026-12-01T01:00:00Z'), new Date('2026-12-01T05:00:00Z'), w)).toBe(90);
    expect(creditedMinutes(new Date('2026-12-01T03:30:00Z'), new Date('2026-12-01T05:00:00Z'), w)).toBe(30);
    expect(creditedMinutes(new Date('2026-12-01T01:00:00Z'), new Date('2026-12-01T02:20:30Z'), w)).toBe(20);
    expect(creditedMinutes(new Date('2026-12-01T04:10:00Z'), new Date('2026-12-01T05:00:00Z'), w)).toBe(0);
  });
});

describe('geofence and age', () => {
  it('measures metres with the haversine formula', () => {
    expect(Math.round(distanceMetres(29.6869, 91.1443, 29.6969, 91.1443))).toBe(1112);
    expect(distanceMetres(29.6869, 91.1443, 29.6869, 91.1443)).toBe(0);
  });
  it('counts whole years on the Lhasa date', () => {
    expect(ageOn(new Date('2026-03-01T15:59:00Z'), '2008-03-02', null)).toBe(17);
    expect(ageOn(new Date('2026-03-01T16:00:00Z'), '2008-03-02', null)).toBe(18);
    expect(ageOn(new Date('2026-12-01T00:00:00Z'), null, 2000)).toBe(26);
    expect(ageOn(new Date('2026-12-01T00:00:00Z'), null, null)).toBeNull();
  });
});
