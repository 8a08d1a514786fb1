import crypto from 'node:crypto';
import type { CertificateLanguage } from '@duodi/contracts';

/** The §9 certificate fields as issued; the PDF is rendered from this and its hash is printed on it. */
export interface CertificateContent {
  number: string;
  language: CertificateLanguage;
  holder: {
    name: string;
    nameBo: string | null;
    idType: 'resident_id' | 'passport' | 'hk_macao_pass' | 'other' | null;
    idNumberMasked: string | null;
    volunteerNo: string;
  };
  period: { from: string | null; to: string | null };
  verifiedMinutes: number;
  serviceContent: string[];
  star: number;
  issuer: {
    kind: 'community' | 'street';
    id: string;
    name: string;
    nameBo: string | null;
    creditCode: string;
    responsiblePerson: string;
    handler: string;
    contact: string;
  };
  issueDate: string;
  notes: string | null;
  verifyUrl: string;
}

/** JSON with keys sorted at every level: a jsonb round trip (which reorders keys) hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

/** SHA-256 (hex) of the canonical content: printed on the PDF, kept with the certificate. */
export function contentHash(content: CertificateContent): string {
  return crypto.createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

/** Hours with one decimal, never rounded up (a certificate must not overstate). */
export const hoursText = (minutes: number) => (Math.floor(minutes / 6) / 10).toFixed(1);
