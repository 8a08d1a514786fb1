import { z } from 'zod';
import { FOCUS_TAGS, type FocusTag } from './enums.js';
import { residentIdProblem } from './id-number.js';
import { NameSchema, ID_TYPES } from './people.js';
import { IdSchema, PhoneSchema } from './schemas.js';

/**
 * Focus tags that are sensitive personal information (DR-21: disability is health data; children's
 * data): setting or removing one needs a reason and is audited, showing one is access-logged.
 */
export const SENSITIVE_FOCUS_TAGS: readonly FocusTag[] = ['disabled', 'child', 'left_behind_child'];
export const isSensitiveFocusTag = (tag: FocusTag) => SENSITIVE_FOCUS_TAGS.includes(tag);

/** Control characters (C0, DEL, C1) and Unicode line/paragraph separators: never part of a name or address. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * A person's name: letters of any script (Han, Tibetan with its vowel signs, Latin), spaces, the
 * middle dot of transliterated names and Tibetan punctuation (tsheg, shad). Anything else —
 * `=`, `<`, digits, control characters — is not a name and is refused (formula and markup injection).
 */
export const PERSON_NAME_PATTERN = /^[\p{L}\p{M}\u0F0B-\u0F14 ·•.'’-]+$/u;
export const isPlausibleName = (s: string) => PERSON_NAME_PATTERN.test(s) && /^[\p{L}\p{M}]/u.test(s);

const PersonNameSchema = NameSchema.refine(isPlausibleName, { message: 'invalid_characters' });
const NameBoSchema = z.string().trim().min(1).max(80).refine(isPlausibleName, { message: 'invalid_characters' });
export const AddressSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => !CONTROL_CHARS.test(s), { message: 'invalid_characters' });
const ReasonSchema = z
  .string()
  .trim()
  .min(2)
  .max(500)
  .refine((s) => !CONTROL_CHARS.test(s), { message: 'invalid_characters' });
const FocusTagListSchema = z
  .array(z.enum(FOCUS_TAGS))
  .max(FOCUS_TAGS.length)
  .refine((tags) => new Set(tags).size === tags.length, { message: 'duplicate_value' });

function checkIdNumber(v: { idType?: string | undefined; idNumber?: string | undefined }, ctx: z.RefinementCtx) {
  if (v.idNumber === undefined) {
    if (v.idType !== undefined) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'required' });
    return;
  }
  if ((v.idType ?? 'resident_id') === 'resident_id') {
    const problem = residentIdProblem(v.idNumber);
    if (problem) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: `id_${problem}` });
  } else if (!/^[A-Za-z0-9]{5,20}$/.test(v.idNumber)) {
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'id_format' });
  }
}

/**
 * `POST /api/v1/residents`: a resident of a grid, in an existing household (`householdId`) or a new
 * one at `address` (one of the two). The ID number is optional (children, people without papers);
 * when given it is checked (GB 11643 for resident IDs) and must be unique in the street.
 * `reason` is required when a sensitive focus tag is set.
 */
export const ResidentCreateSchema = z
  .strictObject({
    name: PersonNameSchema,
    nameBo: NameBoSchema.optional(),
    idType: z.enum(ID_TYPES).optional(),
    idNumber: z.string().trim().min(4).max(30).optional(),
    phone: PhoneSchema.optional(),
    gridId: IdSchema,
    householdId: IdSchema.optional(),
    address: AddressSchema.optional(),
    focusTags: FocusTagListSchema.default([]),
    proxyNeeded: z.boolean().default(false),
    reason: ReasonSchema.optional(),
  })
  .superRefine((v, ctx) => {
    checkIdNumber(v, ctx);
    if (v.householdId && v.address) ctx.addIssue({ code: 'custom', path: ['address'], message: 'household_or_address' });
    if (!v.householdId && !v.address) ctx.addIssue({ code: 'custom', path: ['householdId'], message: 'household_or_address' });
  });
export type ResidentCreate = z.infer<typeof ResidentCreateSchema>;

/**
 * `PATCH /api/v1/residents/{id}`: name, phone (null removes it), focus tags (the whole new set),
 * proxy flag (代办). `reason` is required when a sensitive focus tag is added or removed.
 */
export const ResidentUpdateSchema = z
  .strictObject({
    name: PersonNameSchema.optional(),
    phone: PhoneSchema.nullable().optional(),
    focusTags: FocusTagListSchema.optional(),
    proxyNeeded: z.boolean().optional(),
    reason: ReasonSchema.optional(),
  })
  .refine((v) => v.name !== undefined || v.phone !== undefined || v.focusTags !== undefined || v.proxyNeeded !== undefined, {
    message: 'nothing_to_change',
    path: ['body'],
  });
export type ResidentUpdate = z.infer<typeof ResidentUpdateSchema>;

/**
 * `POST /api/v1/residents/{id}/move`: to another grid (in the caller's scope too), into an existing
 * household of that grid, a new household at `address`, or no household.
 */
export const ResidentMoveSchema = z
  .strictObject({
    gridId: IdSchema,
    householdId: IdSchema.optional(),
    address: AddressSchema.optional(),
    reason: ReasonSchema.optional(),
  })
  .refine((v) => !(v.householdId && v.address), { message: 'household_or_address', path: ['address'] });
export type ResidentMove = z.infer<typeof ResidentMoveSchema>;

/** `POST /api/v1/households`. */
export const HouseholdCreateSchema = z.strictObject({ gridId: IdSchema, address: AddressSchema });
export type HouseholdCreate = z.infer<typeof HouseholdCreateSchema>;

/** `PATCH /api/v1/households/{id}`: the address (moving a household means moving its residents). */
export const HouseholdUpdateSchema = z.strictObject({ address: AddressSchema });
export type HouseholdUpdate = z.infer<typeof HouseholdUpdateSchema>;
