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

/**
 * `POST /api/v1/volunteers` (API.md, People). The ID number is checked here (format, birth date,
 * GB 11643 checksum) so that every client gets the same `errors[].field = "idNumber"` answer.
 */
export const VolunteerRegistrationSchema = z
  .object({
    name: NameSchema,
    nameBo: z.string().trim().min(1).max(80).optional(),
    idType: z.enum(ID_TYPES),
    idNumber: z.string().trim().min(4).max(30),
    phone: PhoneSchema,
    gridId: IdSchema,
    skills: z.array(z.enum(SKILLS)).max(10).default([]),
    languages: z.array(z.enum(LANGUAGES)).min(1).max(4),
    availability: z.array(AvailabilitySchema).max(21).default([]),
    guardian: GuardianSchema.optional(),
    consents: z.array(ConsentSchema).min(1).max(10),
  })
  .superRefine((v, ctx) => {
    if (v.idType === 'resident_id') {
      const problem = residentIdProblem(v.idNumber);
      if (problem) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: `id_${problem}` });
    } else if (!/^[A-Za-z0-9]{5,20}$/.test(v.idNumber)) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'id_format' });
    }
  });
export type VolunteerRegistration = z.infer<typeof VolunteerRegistrationSchema>;

export const VolunteerRegisteredSchema = z.object({ id: z.string(), volunteerNo: z.string() });

/** `POST /api/v1/auth/register`: a new phone account, before the person registers as a volunteer. */
export const RegisterAccountSchema = z.object({
  phone: PhoneSchema,
  password: z.string().min(8).max(128),
  name: NameSchema,
});

export const InsuranceRecordSchema = z.object({
  id: z.string(),
  insurer: z.string(),
  policyNo: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
});

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
  registeredAt: z.string(),
  status: z.enum(['active', 'suspended', 'deleted']),
});
export type VolunteerProfile = z.infer<typeof VolunteerProfileSchema>;

export const FocusTagsSchema = z.array(z.enum(FOCUS_TAGS)).max(FOCUS_TAGS.length);
