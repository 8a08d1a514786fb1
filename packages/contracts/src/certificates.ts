import { z } from 'zod';
import { IdSchema, PageQuerySchema } from './schemas.js';

/* ---------- 志愿服务记录证明 (API.md, DR-09, DOMAIN.md §9 Certificate) ---------- */

export const CERTIFICATE_LANGUAGES = ['zh', 'bo', 'bilingual'] as const;
export type CertificateLanguage = (typeof CERTIFICATE_LANGUAGES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_format');

export const CertificateCreateSchema = z
  .object({
    volunteerId: IdSchema,
    language: z.enum(CERTIFICATE_LANGUAGES).default('bilingual'),
    periodFrom: isoDate.optional(),
    periodTo: isoDate.optional(),
    notes: z.string().trim().max(300).optional(),
  })
  .refine((b) => !b.periodFrom || !b.periodTo || b.periodFrom <= b.periodTo, { message: 'invalid', path: ['periodTo'] });
export type CertificateCreate = z.infer<typeof CertificateCreateSchema>;

export const CertificateIssuedSchema = z.object({ number: z.string(), pdfUrl: z.string() });
export type CertificateIssued = z.infer<typeof CertificateIssuedSchema>;

export const CertificateNumberParamsSchema = z.object({ number: z.string().regex(/^[A-Z0-9-]{6,40}$/, 'invalid_format') });

/** Public verification (no login): masked data only. */
export const CertificateVerifySchema = z.object({
  valid: z.boolean(),
  number: z.string(),
  holderName: z.string(),
  verifiedMinutes: z.number().int(),
  star: z.number().int(),
  issuer: z.string(),
  /** The issuer's name in Tibetan, when it has one (DR-25: the page renders both). */
  issuerBo: z.string().nullable(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type CertificateVerify = z.infer<typeof CertificateVerifySchema>;

export const CertificateRevokeSchema = z.object({ reason: z.string().trim().min(1).max(500) });

export const CertificateListItemSchema = z.object({
  number: z.string(),
  volunteerId: z.string(),
  language: z.enum(CERTIFICATE_LANGUAGES),
  verifiedMinutes: z.number().int(),
  issuer: z.string(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  pdfUrl: z.string(),
});
export type CertificateListItem = z.infer<typeof CertificateListItemSchema>;

/** Staff list of issued certificates (issuer staff in scope; the holder's name masked). */
export const CertificateStaffQuerySchema = PageQuerySchema.extend({
  volunteerId: IdSchema.optional(),
  communityId: IdSchema.optional(),
  revoked: z.enum(['true', 'false']).optional(),
});
export type CertificateStaffQuery = z.infer<typeof CertificateStaffQuerySchema>;

export const CertificateStaffItemSchema = CertificateListItemSchema.extend({
  holderName: z.string(),
  volunteerNo: z.string(),
  issuerKind: z.enum(['community', 'street']),
  issuerId: z.string(),
  revokeReason: z.string().nullable(),
});
export type CertificateStaffItem = z.infer<typeof CertificateStaffItemSchema>;

/* ---------- a volunteer asks for a certificate ---------- */

export const CERTIFICATE_REQUEST_STATUSES = ['pending', 'issued', 'declined'] as const;
export type CertificateRequestStatus = (typeof CERTIFICATE_REQUEST_STATUSES)[number];

export const CertificateRequestCreateSchema = z
  .object({
    language: z.enum(CERTIFICATE_LANGUAGES),
    periodFrom: isoDate.optional(),
    periodTo: isoDate.optional(),
  })
  .refine((b) => !b.periodFrom || !b.periodTo || b.periodFrom <= b.periodTo, { message: 'invalid', path: ['periodTo'] });
export type CertificateRequestCreate = z.infer<typeof CertificateRequestCreateSchema>;

export const CertificateRequestSchema = z.object({
  id: z.string(),
  volunteerId: z.string(),
  /** Masked for staff lists; the holder sees their own name. */
  holderName: z.string(),
  volunteerNo: z.string(),
  language: z.enum(CERTIFICATE_LANGUAGES),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  issuerKind: z.enum(['community', 'street']),
  issuerId: z.string(),
  status: z.enum(CERTIFICATE_REQUEST_STATUSES),
  certificateNumber: z.string().nullable(),
  declineReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type CertificateRequest = z.infer<typeof CertificateRequestSchema>;

export const CertificateRequestQuerySchema = PageQuerySchema.extend({ status: z.enum(CERTIFICATE_REQUEST_STATUSES).optional() });
export type CertificateRequestQuery = z.infer<typeof CertificateRequestQuerySchema>;

export const CertificateRequestDeclineSchema = z.object({ reason: z.string().trim().min(1).max(500) });
export const CertificateRequestIssuedSchema = z.object({ request: CertificateRequestSchema, certificate: CertificateIssuedSchema });
