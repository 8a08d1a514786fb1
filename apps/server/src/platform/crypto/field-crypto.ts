import crypto from 'node:crypto';

/**
 * Encryption at rest for sensitive personal data (DR-21): AES-256-GCM with a random IV per value,
 * and keyed HMAC "blind indexes" so that equality look-ups (phone at log-in, duplicate ID numbers)
 * work without storing the clear value. Both keys derive from one master secret via HKDF.
 */
export interface FieldCrypto {
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  /** Deterministic keyed hash of a normalised value; `kind` separates domains (phone vs id). */
  blindIndex(kind: string, value: string): string;
}

export function createFieldCrypto(masterSecret: string): FieldCrypto {
  if (masterSecret.length < 16) throw new Error('DATA_KEY must be at least 16 characters');
  const ikm = Buffer.from(masterSecret, 'utf8');
  const salt = Buffer.from('duodi-volunteer-platform/v1');
  const encKey = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, 'field-encryption', 32));
  const macKey = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, 'blind-index', 32));
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(value) {
      if (!value.startsWith('v1.')) throw new Error('unknown ciphertext version');
      const raw = Buffer.from(value.slice(3), 'base64url');
      const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(kind, value) {
      return crypto.createHmac('sha256', macKey).update(`${kind}:${value.trim().toUpperCase()}`).digest('base64url').slice(0, 32);
    },
  };
}
