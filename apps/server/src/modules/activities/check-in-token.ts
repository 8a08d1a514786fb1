/**
 * Pure check-in rules (DR-03, DR-05): the rotating signed token and 6-digit code, the geofence and
 * the credited minutes. No database here; the HMAC key is passed in (the platform's keyed MAC).
 */

/** Length of one token slot. A token is accepted in its slot and the next: at most 60 s. */
export const SLOT_MS = 30_000;
/** How far an offline-queued scan may lie in the past. */
export const OFFLINE_MAX_AGE_MS = 24 * 3_600_000;
/** Device clocks run a little fast: an `at` up to this far ahead of the server is accepted as now. */
export const CLOCK_SKEW_MS = 120_000;
/** Check-in opens this long before the start. */
export const CHECKIN_OPENS_BEFORE_MS = 60 * 60_000;
/** Check-out is accepted until this long after the end (later ones are auto-closed at the end). */
export const CHECKOUT_GRACE_MS = 60 * 60_000;

export type Mac = (payload: string) => string;

export const slotOf = (ms: number) => Math.floor(ms / SLOT_MS);

export interface IssuedToken {
  token: string;
  code: string;
  expiresAt: Date;
  refreshAt: Date;
}

/** The 6-digit code of a slot: digits of a MAC over (activity, slot). */
export function codeFor(mac: Mac, activityId: string, slot: number): string {
  const digest = mac(`code:${activityId}:${slot}`);
  let n = 0;
  for (let i = 0; i < digest.length; i++) n = (n * 131 + digest.charCodeAt(i)) % 1_000_000_007;
  return String(n % 1_000_000).padStart(6, '0');
}

/** `v1.<activityId>.<slot>.<nonce>.<mac>`; the nonce makes every issued token distinct. */
export function issueToken(mac: Mac, activityId: string, nowMs: number, nonce: string): IssuedToken {
  const slot = slotOf(nowMs);
  const body = `v1.${activityId}.${slot}.${nonce}`;
  return {
    token: `${body}.${mac(`token:${body}`)}`,
    code: codeFor(mac, activityId, slot),
    expiresAt: new Date((slot + 2) * SLOT_MS),
    refreshAt: new Date((slot + 1) * SLOT_MS),
  };
}

export type TokenCheck = { ok: true; slot: number; nonce: string } | { ok: false; reason: 'invalid' | 'expired' };

/** Whether a token was issued by us for this activity, and valid at `atMs` (its slot or the next). */
export function verifyToken(mac: Mac, activityId: string, token: string, atMs: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== 'v1') return { ok: false, reason: 'invalid' };
  const [, id, slotText, nonce, sig] = parts as [string, string, string, string, string];
  if (!/^\d{1,12}$/.test(slotText) || !/^[0-9a-f]{8,64}$/.test(nonce)) return { ok: false, reason: 'invalid' };
  const body = `v1.${id}.${slotText}.${nonce}`;
  if (id !== activityId || !timingSafeEqualText(mac(`token:${body}`), sig)) return { ok: false, reason: 'invalid' };
  const slot = Number(slotText);
  const atSlot = slotOf(atMs);
  if (atSlot !== slot && atSlot !== slot + 1) return { ok: false, reason: 'expired' };
  return { ok: true, slot, nonce };
}

/** Whether a typed code is the code of the slot of `atMs` or of the slot before (clock skew). */
export function verifyCode(mac: Mac, activityId: string, code: string, atMs: number): { ok: true; slot: number } | { ok: false } {
  const s = slotOf(atMs);
  for (const slot of [s, s - 1]) if (timingSafeEqualText(codeFor(mac, activityId, slot), code)) return { ok: true, slot };
  return { ok: false };
}

function timingSafeEqualText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const R = 6_371_008.8;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(lat2 - lat1);
  const dLng = rad(lng2 - lng1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** DR-03: check-out − check-in, both clipped to the activity window, capped at the maximum; whole minutes, never negative. */
export function creditedMinutes(
  checkIn: Date,
  checkOut: Date,
  window: { startsAt: Date; endsAt: Date; maxCreditableMinutes: number },
): number {
  const from = Math.max(checkIn.getTime(), window.startsAt.getTime());
  const to = Math.min(checkOut.getTime(), window.endsAt.getTime());
  if (to <= from) return 0;
  return Math.min(Math.floor((to - from) / 60_000), window.maxCreditableMinutes);
}

/** Age in whole years on a day (birth date YYYY-MM-DD, or only the year: counted from 1 July). */
export function ageOn(day: Date, birthDate: string | null, birthYear: number | null): number | null {
  const iso = birthDate ?? (birthYear ? `${birthYear}-07-01` : null);
  if (!iso) return null;
  const local = new Date(day.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const [y, m, d] = local.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = iso.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
