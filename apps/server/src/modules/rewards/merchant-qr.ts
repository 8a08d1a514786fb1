import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';

/** How long a volunteer's QR for merchants stays valid. */
export const QR_TTL_SECONDS = 300;
const PREFIX = 'dq1';

/**
 * The volunteer's QR payload for partner merchants: `dq1.<volunteerId>.<expiry>.<HMAC>`. Short-lived
 * and signed with the platform key, it names only the volunteer's id (no personal data).
 */
export function signVolunteerQr(crypto: FieldCrypto, volunteerId: string, now: Date): { payload: string; expiresAt: Date } {
  const exp = Math.floor(now.getTime() / 1000) + QR_TTL_SECONDS;
  const sig = crypto.blindIndex('merchant_qr', `${volunteerId}.${exp}`);
  return { payload: `${PREFIX}.${volunteerId}.${exp}.${sig}`, expiresAt: new Date(exp * 1000) };
}

/** The volunteer id of a valid payload; 'invalid' for a forged or malformed one, 'expired' after its time. */
export function readVolunteerQr(crypto: FieldCrypto, payload: string, now: Date): { volunteerId: string } | 'invalid' | 'expired' {
  const parts = payload.trim().split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) return 'invalid';
  const [, volunteerId = '', expText = '', sig = ''] = parts;
  const exp = Number(expText);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(volunteerId) || !Number.isInteger(exp)) return 'invalid';
  const expected = crypto.blindIndex('merchant_qr', `${volunteerId}.${exp}`);
  if (expected.length !== sig.length || !timingSafeEqualText(expected, sig)) return 'invalid';
  if (exp * 1000 < now.getTime()) return 'expired';
  return { volunteerId };
}

function timingSafeEqualText(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
