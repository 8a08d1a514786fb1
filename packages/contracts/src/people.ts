import { z } from 'zod';
import { FOCUS_TAGS, LANGUAGES, SKILLS } from './enums.js';
import { residentIdProblem } from './id-number.js';
import { IdSchema, PhoneSchema } from './schemas.js';

export const ID_TYPES = ['resident_id', 'passport', 'hk_macao_pass', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time');

/** A weekly availability window; `from` before `to`. */
export const AvailabilitySchema = z
  .object({ weekday: z.number().int().min(1).max(7), from: HHMM, to: HHMM })
  .refine((w) => w.from < w.to, { message: 'from_before_to', path: ['to'] });
export type Availability = z.infer<typeof AvailabilitySchema>;

export const GuardianSchema = z.object({
  name: z.string().trim().min(1).max(50),
  phone: PhoneSchema,
  consentAt: z.iso.datetime({ offset: true }),
});

export const ConsentSchema = z.object({
  kind: z.enum(['privacy_policy', 'sensitive_data', 'public_display', 'guardian']),
  version: z.string().trim().min(1).max(20),
});

export const NameSchema = z.string().trim().min(1).max(50);

/** YYYY-MM-DD (a calendar date, no time). */
export const DateOnlySchema = z.iso.date();

/**
 * `POST /api/v1/volunteers` (API.md, People). The ID number is checked here (format, birth date,
 * GB 11643 checksum) so that every client gets the same `errors[].field = "idNumber"` answer.
 * A resident ID carries birth date and gender; other ID types must give `birthDate` (DR-02 needs
 * the age) and may give `gender`. `forSelf` lets a staff member register themselves (default:
 * staff register someone else, everyone else registers themselves).
 */
export const VolunteerRegistrationSchema = z
  .object({
    name: NameSchema,
    nameBo: z.string().trim().min(1).max(80).optional(),
    idType: z.enum(ID_TYPES),
    idNumber: z.string().trim().min(4).max(30),
    birthDate: DateOnlySchema.optional(),
    gender: z.enum(['male', 'female']).optional(),
    phone: PhoneSchema,
    gridId: IdSchema,
    skills: z.array(z.enum(SKILLS)).max(10).default([]),
    languages: z.array(z.enum(LANGUAGES)).min(1).max(4),
    availability: z.array(AvailabilitySchema).max(21).default([]),
    guardian: GuardianSchema.optional(),
    consents: z.array(ConsentSchema).min(1).max(10),
    forSelf: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.idType === 'resident_id') {
      const problem = residentIdProblem(v.idNumber);
      if (problem) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: `id_${problem}` });
    } else {
      if (!/^[A-Za-z0-9]{5,20}$/.test(v.idNumber)) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'id_format' });
      if (!v.birthDate) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'birth_date_required' });
    }
  });
export type VolunteerRegistration = z.infer<typeof VolunteerRegistrationSchema>;

export const VolunteerRegisteredSchema = z.object({ id: z.string(), volunteerNo: z.string() });

/** `POST /api/v1/auth/register`: a new phone account, before the person registers as a volunteer. */
export const RegisterAccountSchema = z.object({
  phone: PhoneSchema,
  password: z.string().min(8).max(128),
  name: NameSchema,
  /** Only needed when the platform serves more than one street. */
  streetId: IdSchema.optional(),
});
export type RegisterAccount = z.infer<typeof RegisterAccountSchema>;

export const InsuranceRecordSchema = z.object({
  id: z.string(),
  insurer: z.string(),
  policyNo: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  /** validFrom ≤ today ≤ validTo (Asia/Shanghai). */
  current: z.boolean(),
});
export type InsuranceRecord = z.infer<typeof InsuranceRecordSchema>;

/** `POST /api/v1/volunteers/{id}/insurance`. */
export const InsuranceCreateSchema = z
  .object({
    insurer: z.string().trim().min(1).max(100),
    policyNo: z.string().trim().min(1).max(50),
    validFrom: DateOnlySchema,
    validTo: DateOnlySchema,
  })
  .refine((v) => v.validFrom <= v.validTo, { message: 'from_before_to', path: ['validTo'] });
export type InsuranceCreate = z.infer<typeof InsuranceCreateSchema>;

/** `GET /api/v1/volunteers/{id}`: masked by the caller's rights (full ID only via /id-number). */
export const VolunteerProfileSchema = z.object({
  id: z.string(),
  volunteerNo: z.string(),
  personId: z.string(),
  name: z.string(),
  nameBo: z.string().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  age: z.number().int().nullable(),
  idType: z.enum(ID_TYPES).nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  communityId: z.string().nullable(),
  gridId: z.string().nullable(),
  skills: z.array(z.enum(SKILLS)),
  languages: z.array(z.enum(LANGUAGES)),
  availability: z.array(AvailabilitySchema),
  teams: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['leader', 'deputy', 'member']) })),
  partyMember: z.boolean(),
  unitId: z.string().nullable(),
  star: z.number().int(),
  verifiedMinutes: z.number().int(),
  insurance: z.array(InsuranceRecordSchema),
  /** Only for the volunteer and the admins and grid worker in scope; null otherwise or when none. */
  guardian: z.object({ name: z.string().nullable(), phoneMasked: z.string().nullable(), consentAt: z.string() }).nullable(),
  registeredAt: z.string(),
  status: z.enum(['active', 'suspended', 'deleted']),
});
export type VolunteerProfile = z.infer<typeof VolunteerProfileSchema>;

/**
 * `PATCH /api/v1/volunteers/{id}`: what the volunteer (or staff in scope) may change. The real
 * name, ID and birth date are not editable here (they are the real-name record).
 */
export const VolunteerUpdateSchema = z
  .object({
    nameBo: z.string().trim().min(1).max(80).nullable().optional(),
    phone: PhoneSchema.optional(),
    gridId: IdSchema.optional(),
    skills: z.array(z.enum(SKILLS)).max(10).optional(),
    languages: z.array(z.enum(LANGUAGES)).min(1).max(4).optional(),
    availability: z.array(AvailabilitySchema).max(21).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'empty' });
export type VolunteerUpdate = z.infer<typeof VolunteerUpdateSchema>;

/** `GET /api/v1/volunteers/{id}/id-number`: the full ID, for need-to-know roles only (logged). */
export const IdNumberViewSchema = z.object({ idType: z.enum(ID_TYPES), idNumber: z.string() });

export const DELETION_STATUSES = ['pending', 'completed'] as const;

/** A PIPL deletion request (`POST /api/v1/me/deletion-request`, `GET /api/v1/deletion-requests`). */
export const DeletionRequestSchema = z.object({
  id: z.string(),
  personId: z.string(),
  volunteerId: z.string().nullable(),
  volunteerNo: z.string().nullable(),
  name: z.string(),
  communityId: z.string().nullable(),
  status: z.enum(DELETION_STATUSES),
  requestedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type DeletionRequest = z.infer<typeof DeletionRequestSchema>;

export const DeletionRequestQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  cursor: z.string().max(200).optional(),
  status: z.enum(DELETION_STATUSES).optional(),
});

export const ExportQuerySchema = z.object({ format: z.enum(['json', 'xlsx']).default('json') });

/**
 * `GET /api/v1/me/export` (PIPL Art. 45, DR-07): everything the platform holds about the caller,
 * unmasked (it is their own data).
 */
export const MyDataExportSchema = z.object({
  exportedAt: z.string(),
  person: z.object({
    id: z.string(),
    name: z.string(),
    nameBo: z.string().nullable(),
    gender: z.enum(['male', 'female']).nullable(),
    birthDate: z.string().nullable(),
    idType: z.enum(ID_TYPES).nullable(),
    idNumber: z.string().nullable(),
    phone: z.string().nullable(),
    communityId: z.string().nullable(),
    gridId: z.string().nullable(),
    householdId: z.string().nullable(),
    createdAt: z.string(),
  }),
  account: z.object({ id: z.string(), language: z.string(), elderlyMode: z.boolean(), createdAt: z.string(), lastLoginAt: z.string().nullable() }),
  roles: z.array(z.object({ role: z.string(), scopeType: z.string(), scopeId: z.string(), grantedAt: z.string(), revokedAt: z.string().nullable() })),
  volunteer: z
    .object({
      id: z.string(),
      volunteerNo: z.string(),
      skills: z.array(z.string()),
      languages: z.array(z.string()),
      partyMember: z.boolean(),
      unitId: z.string().nullable(),
      star: z.number().int(),
      verifiedMinutes: z.number().int(),
      status: z.string(),
      registeredAt: z.string(),
      availability: z.array(AvailabilitySchema),
      guardian: z.object({ name: z.string().nullable(), phone: z.string().nullable(), consentAt: z.string() }).nullable(),
    })
    .nullable(),
  teams: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), joinedAt: z.string() })),
  consents: z.array(z.object({ kind: z.string(), version: z.string(), givenAt: z.string(), withdrawnAt: z.string().nullable() })),
  insurance: z.array(InsuranceRecordSchema),
  sessions: z.object({ total: z.number().int(), active: z.number().int() }),
  accessLog: z.array(z.object({ at: z.string(), field: z.string(), purpose: z.string().nullable(), byAccountId: z.string() })),
  deletionRequests: z.array(z.object({ id: z.string(), status: z.string(), requestedAt: z.string(), completedAt: z.string().nullable() })),
});
export type MyDataExport = z.infer<typeof MyDataExportSchema>;

export const FocusTagsSchema = z.array(z.enum(FOCUS_TAGS)).max(FOCUS_TAGS.length);
