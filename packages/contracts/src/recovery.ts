import { z } from 'zod';
import { residentIdProblem } from './id-number.js';
import { ID_TYPES, NameSchema } from './people.js';
import { isPlausibleName } from './residents.js';
import { IdSchema, PageQuerySchema, PhoneSchema } from './schemas.js';

/**
 * 找回账号 (account recovery, DR-01, DOMAIN.md §11.6): a person whose ID number is already registered
 * asks for the phone and password they want to sign in with from now on. A community staff member
 * confirms their identity in person (ID card) before anything changes.
 */
export const RecoveryRequestBodySchema = z
  .object({
    name: NameSchema.refine(isPlausibleName, { message: 'invalid_characters' }),
    idType: z.enum(ID_TYPES),
    idNumber: z.string().trim().min(4).max(30),
    phone: PhoneSchema,
    password: z.string().min(8).max(128),
    /** Only needed when the platform serves more than one street. */
    streetId: IdSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.idType === 'resident_id') {
      const problem = residentIdProblem(v.idNumber);
      if (problem) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: `id_${problem}` });
    } else if (!/^[A-Za-z0-9]{5,20}$/.test(v.idNumber)) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'id_format' });
    }
  });
export type RecoveryRequestBody = z.infer<typeof RecoveryRequestBodySchema>;

/** The same answer whether or not the ID number is registered (no enumeration). */
export const RecoveryReceivedSchema = z.object({ status: z.literal('received') });
export type RecoveryReceived = z.infer<typeof RecoveryReceivedSchema>;

export const RECOVERY_STATUSES = ['pending', 'approved', 'rejected', 'expired', 'superseded'] as const;
export type RecoveryStatus = (typeof RECOVERY_STATUSES)[number];

/** A recovery request as staff see it: masks only. */
export const RecoveryRequestSchema = z.object({
  id: z.string(),
  /** The name on file for the person the ID number belongs to. */
  name: z.string(),
  nameBo: z.string().nullable(),
  /** Whether the name given in the request equals the name on file. */
  nameMatches: z.boolean(),
  idType: z.enum(ID_TYPES),
  idNumberMasked: z.string(),
  /** The new phone, masked (138****1234). */
  phoneMasked: z.string(),
  communityId: z.string().nullable(),
  communityName: z.string().nullable(),
  /** Whether the person already has an account (approval then replaces its phone and password). */
  hasAccount: z.boolean(),
  status: z.enum(RECOVERY_STATUSES),
  reason: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type RecoveryRequest = z.infer<typeof RecoveryRequestSchema>;

export const RecoveryQuerySchema = PageQuerySchema.extend({ status: z.enum(RECOVERY_STATUSES).optional() });
export type RecoveryQuery = z.infer<typeof RecoveryQuerySchema>;

/** Approval states that the staff member checked the person's ID card in person. */
export const RecoveryApproveBodySchema = z.object({ idCardChecked: z.literal(true) });
export type RecoveryApproveBody = z.infer<typeof RecoveryApproveBodySchema>;
