import { z } from 'zod';
import { FOCUS_TAGS, SKILLS, TEAM_DOMAINS } from './enums.js';
import { IdSchema, PageQuerySchema } from './schemas.js';

/* ---------- activities (API.md, Activities and check-in; DOMAIN.md §9 Activity) ---------- */

export const ACTIVITY_STATUSES = ['draft', 'pending_review', 'recruiting', 'in_progress', 'ended', 'archived', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const ActivityStatusSchema = z.enum(ACTIVITY_STATUSES);

export const ACTIVITY_ACTIONS = ['submit', 'reject', 'approve', 'start', 'end', 'cancel', 'archive'] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

export const SIGN_IN_METHODS = ['qr', 'code', 'gps'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'no_show'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

export const RECURRENCES = ['weekly', 'monthly'] as const;

const IsoDateTime = z.iso.datetime({ offset: true });
const hasControl = (s: string, multiline: boolean) => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x7f || (c < 0x20 && !(multiline && (c === 0x09 || c === 0x0a || c === 0x0d)))) return true;
  }
  return false;
};
const text = (max: number, multiline = false) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !hasControl(s, multiline), { message: 'control_characters' });

export const ActivityPlaceSchema = z.object({
  name: text(200),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** Geofence radius in metres (default 200, DR-05). */
  radiusM: z.number().int().min(10).max(5000),
});

export const ActivityCreateSchema = z
  .object({
    title: text(120),
    titleBo: text(240),
    description: text(4000, true).optional(),
    /** Domain of the 项目清单; with `serviceItemId` the link to the menu item. */
    category: z.enum(TEAM_DOMAINS),
    serviceItemId: IdSchema.optional(),
    /** The organizing team (required for a team leader; optional for a community admin). */
    teamId: IdSchema.optional(),
    /** DR-15: required. */
    riskNotice: text(2000, true),
    needsInsurance: z.boolean().default(false),
    targetGroups: z.array(z.enum(FOCUS_TAGS)).max(FOCUS_TAGS.length).default([]),
    place: ActivityPlaceSchema.extend({ radiusM: z.number().int().min(10).max(5000).default(200) }),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    headcount: z.number().int().min(1).max(1000),
    minAge: z.number().int().min(0).max(120).optional(),
    maxAge: z.number().int().min(0).max(120).optional(),
    /** DR-02: under-18s only where this is true. */
    minorsAllowed: z.boolean().default(false),
    skills: z.array(z.enum(SKILLS)).max(10).default([]),
    signInMethods: z.array(z.enum(SIGN_IN_METHODS)).min(1).max(3).default(['qr', 'code']),
    /** DR-03 cap; default: the length of the window. */
    maxCreditableMinutes: z.number().int().min(1).max(1440).optional(),
    /** A series: this occurrence and the next `count − 1` (weekly: every 7 days; monthly: same day of the next months). */
    recurrence: z
      .object({ freq: z.enum(RECURRENCES), count: z.number().int().min(2).max(12) })
      .strict()
      .optional(),
  })
  .strict()
  .refine((v) => Date.parse(v.startsAt) < Date.parse(v.endsAt), { message: 'from_before_to', path: ['endsAt'] })
  .refine((v) => Date.parse(v.endsAt) - Date.parse(v.startsAt) <= 24 * 3_600_000, { message: 'too_big', path: ['endsAt'] })
  .refine((v) => v.minAge === undefined || v.maxAge === undefined || v.minAge <= v.maxAge, { message: 'from_before_to', path: ['maxAge'] })
  .refine((v) => new Set(v.signInMethods).size === v.signInMethods.length, { message: 'duplicate_items', path: ['signInMethods'] });
export type ActivityCreate = z.infer<typeof ActivityCreateSchema>;

/**
 * `PATCH /activities/{id}`: the organizer edits a draft (every field but the team and the series) or,
 * while recruiting, only the description, the place, the risk notice and a larger headcount.
 * `version` is the one last read (compare and set: another change first is 409 conflict).
 */
export const ACTIVITY_RECRUITING_EDITABLE = ['description', 'place', 'headcount', 'riskNotice'] as const;
export const ActivityUpdateSchema = z
  .object({
    version: z.number().int().min(1),
    title: text(120).optional(),
    titleBo: text(240).optional(),
    description: z.union([text(4000, true), z.literal('')]).optional(),
    category: z.enum(TEAM_DOMAINS).optional(),
    serviceItemId: IdSchema.nullable().optional(),
    riskNotice: text(2000, true).optional(),
    needsInsurance: z.boolean().optional(),
    targetGroups: z.array(z.enum(FOCUS_TAGS)).max(FOCUS_TAGS.length).optional(),
    place: ActivityPlaceSchema.optional(),
    startsAt: IsoDateTime.optional(),
    endsAt: IsoDateTime.optional(),
    headcount: z.number().int().min(1).max(1000).optional(),
    minAge: z.number().int().min(0).max(120).nullable().optional(),
    maxAge: z.number().int().min(0).max(120).nullable().optional(),
    minorsAllowed: z.boolean().optional(),
    skills: z.array(z.enum(SKILLS)).max(10).optional(),
    signInMethods: z.array(z.enum(SIGN_IN_METHODS)).min(1).max(3).optional(),
    maxCreditableMinutes: z.number().int().min(1).max(1440).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), { message: 'empty_patch', path: ['version'] })
  .refine((v) => v.signInMethods === undefined || new Set(v.signInMethods).size === v.signInMethods.length, {
    message: 'duplicate_items',
    path: ['signInMethods'],
  });
export type ActivityUpdate = z.infer<typeof ActivityUpdateSchema>;

export const ActivityQuerySchema = PageQuerySchema.extend({
  status: ActivityStatusSchema.optional(),
  communityId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  /** Activities ending at or after `from` and starting before `to`. */
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  /** `true`: only the ones the caller signed up for (my activities). */
  mine: z.enum(['true', 'false']).optional(),
});
export type ActivityQuery = z.infer<typeof ActivityQuerySchema>;

/** The caller's own sign-up (null when none or cancelled). */
export const MySignupSchema = z.object({
  status: z.enum(SIGNUP_STATUSES),
  position: z.number().int().nullable(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  creditedMinutes: z.number().int().nullable(),
  serviceRecordId: z.string().nullable(),
});

export const ActivityListItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  titleBo: z.string(),
  status: ActivityStatusSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  headcount: z.number().int(),
  signedUp: z.number().int(),
  waitlisted: z.number().int(),
  teamId: z.string().nullable(),
  communityId: z.string().nullable(),
  category: z.enum(TEAM_DOMAINS),
  place: ActivityPlaceSchema,
  signInMethods: z.array(z.enum(SIGN_IN_METHODS)),
  needsInsurance: z.boolean(),
  riskNotice: z.string(),
  /** Only with `mine=true`: the caller's sign-up on this row (status, waitlist position). */
  mySignup: MySignupSchema.nullable().optional(),
});
export type ActivityListItem = z.infer<typeof ActivityListItemSchema>;

export const ActivityHistoryEntrySchema = z.object({
  action: z.string(),
  from: ActivityStatusSchema.nullable(),
  to: ActivityStatusSchema,
  at: z.string(),
  byUserId: z.string().nullable(),
  note: z.string().nullable(),
});

export const ActivitySchema = ActivityListItemSchema.extend({
  description: z.string(),
  serviceItemId: z.string().nullable(),
  targetGroups: z.array(z.enum(FOCUS_TAGS)),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  minorsAllowed: z.boolean(),
  skills: z.array(z.enum(SKILLS)),
  maxCreditableMinutes: z.number().int(),
  seriesId: z.string().nullable(),
  seriesIndex: z.number().int(),
  recurrence: z.enum(RECURRENCES).nullable(),
  cancelReason: z.string().nullable(),
  rejectReason: z.string().nullable(),
  version: z.number().int(),
  /** What the caller may do now: organizer / reviewer actions and signing up. */
  canManage: z.boolean(),
  canReview: z.boolean(),
  mySignup: MySignupSchema.nullable(),
  history: z.array(ActivityHistoryEntrySchema),
});
export type Activity = z.infer<typeof ActivitySchema>;

export const ActivityReasonSchema = z.object({ reason: text(500, true) }).strict();
export const ActivityNoteSchema = z.object({ note: text(500, true).optional() }).strict();

export const SignupResultSchema = z.object({
  status: z.enum(['confirmed', 'waitlisted']),
  position: z.number().int().optional(),
});
export type SignupResult = z.infer<typeof SignupResultSchema>;

export const CheckInCodeSchema = z.object({
  /** HMAC-signed (activity, 30-second slot, nonce); accepted in its slot and the next (≤ 60 s). */
  token: z.string(),
  /** 6 digits of the same slot. */
  code: z.string().regex(/^\d{6}$/),
  /** When the token stops being accepted. */
  expiresAt: z.string(),
  /** When the screen should fetch the next token (the next slot starts). */
  refreshAt: z.string(),
});
export type CheckInCode = z.infer<typeof CheckInCodeSchema>;

export const CheckInBodySchema = z
  .object({
    token: z.string().trim().min(10).max(300).optional(),
    code: z
      .string()
      .regex(/^\d{6}$/, 'invalid_format')
      .optional(),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    /** Only for a scan queued offline: the device time of the scan. */
    at: IsoDateTime.optional(),
  })
  .strict()
  .refine((v) => (v.lat === undefined) === (v.lng === undefined), { message: 'required', path: ['lng'] })
  .refine((v) => v.token !== undefined || v.code !== undefined || v.lat !== undefined, { message: 'required', path: ['token'] });
export type CheckInBody = z.infer<typeof CheckInBodySchema>;

export const CheckInResultSchema = z.object({ at: z.string() });
export const CheckOutResultSchema = z.object({
  creditedMinutes: z.number().int(),
  /** The pending service record (null when nothing is creditable: 0 minutes inside the window). */
  serviceRecordId: z.string().nullable(),
});

export const RosterItemSchema = z.object({
  volunteerId: z.string(),
  name: z.string(),
  phoneMasked: z.string().nullable(),
  status: z.enum(SIGNUP_STATUSES),
  position: z.number().int().nullable(),
  signedUpAt: z.string(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  checkInMethod: z.enum(SIGN_IN_METHODS).nullable(),
  creditedMinutes: z.number().int().nullable(),
  autoClosed: z.boolean(),
  flagged: z.boolean(),
  insured: z.boolean(),
  serviceRecordId: z.string().nullable(),
});
export type RosterItem = z.infer<typeof RosterItemSchema>;
export const RosterSchema = z.object({
  items: z.array(RosterItemSchema),
  nextCursor: z.null(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  checkedIn: z.number().int(),
  checkedOut: z.number().int(),
});

export const SignupParamsSchema = z.object({ id: IdSchema, volunteerId: IdSchema });
