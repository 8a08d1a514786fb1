import { z } from 'zod';
import { LANGUAGES, SKILLS, TEAM_DOMAINS } from './enums.js';
import { IdSchema, PageQuerySchema } from './schemas.js';

/* ---------- shared pieces ---------- */

/** Whether a text holds C0 control characters or DEL; tab, LF and CR are allowed when `multiline`. */
function hasControlChars(s: string, multiline: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x7f || (c < 0x20 && !(multiline && (c === 0x09 || c === 0x0a || c === 0x0d)))) return true;
  }
  return false;
}

/** A trimmed single-line text without control characters (names, slogans, reasons). */
function line(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !hasControlChars(s, false), { message: 'control_characters' });
}

/** A trimmed text that may span lines (stories), without other control characters. */
function text(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !hasControlChars(s, true), { message: 'control_characters' });
}

const DateOnlySchema = z.iso.date();
const TeamDomainsSchema = z
  .array(z.enum(TEAM_DOMAINS))
  .min(1)
  .max(TEAM_DOMAINS.length)
  .refine((a) => new Set(a).size === a.length, { message: 'duplicate_items' });

export const TEAM_MEMBER_ROLES = ['leader', 'deputy', 'member'] as const;
export type TeamMemberRole = (typeof TEAM_MEMBER_ROLES)[number];

export const TEAM_APPLICATION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type TeamApplicationStatus = (typeof TEAM_APPLICATION_STATUSES)[number];

export const TEAM_INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export type TeamInvitationStatus = (typeof TEAM_INVITATION_STATUSES)[number];

/** A reason given with a rejection (shown to the person refused). */
export const DecisionReasonBodySchema = z.object({ reason: text(200) });
export type DecisionReasonBody = z.infer<typeof DecisionReasonBodySchema>;

/* ---------- teams: create, edit, leader, deputies ---------- */

/** `POST /api/v1/teams`: street admin (any community, or null for a street-level team) or community admin (their community). */
export const TeamCreateSchema = z
  .object({
    name: line(60),
    nameBo: line(120).optional(),
    nameEn: line(120).optional(),
    communityId: IdSchema.nullable(),
    domains: TeamDomainsSchema,
    slogan: line(100).optional(),
    sloganBo: line(200).optional(),
    story: text(2000).optional(),
    storyBo: text(4000).optional(),
    foundedOn: DateOnlySchema.optional(),
    /** The first leader; becomes the team's first member. */
    leaderVolunteerId: IdSchema.optional(),
  })
  .strict();
export type TeamCreate = z.infer<typeof TeamCreateSchema>;

/** `PATCH /api/v1/teams/{id}`: the fields to change; null clears an optional text. Moving a team (communityId) is for street admins. */
export const TeamPatchSchema = z
  .object({
    name: line(60).optional(),
    nameBo: line(120).nullable().optional(),
    nameEn: line(120).nullable().optional(),
    communityId: IdSchema.nullable().optional(),
    domains: TeamDomainsSchema.optional(),
    slogan: line(100).nullable().optional(),
    sloganBo: line(200).nullable().optional(),
    story: text(2000).nullable().optional(),
    storyBo: text(4000).nullable().optional(),
    foundedOn: DateOnlySchema.nullable().optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'empty_patch' });
export type TeamPatch = z.infer<typeof TeamPatchSchema>;

export const TeamVolunteerBodySchema = z.object({ volunteerId: IdSchema }).strict();
export type TeamVolunteerBody = z.infer<typeof TeamVolunteerBodySchema>;

export const TeamDeputyParamsSchema = z.object({ id: IdSchema, volunteerId: IdSchema });

/* ---------- members ---------- */

export const TeamMemberSchema = z.object({
  volunteerId: z.string(),
  volunteerNo: z.string(),
  /** Masked (扎*) for callers outside the member's community, unless staff in scope or the team's leader. */
  name: z.string(),
  nameBo: z.string().nullable(),
  communityId: z.string().nullable(),
  role: z.enum(TEAM_MEMBER_ROLES),
  joinedAt: z.string(),
  skills: z.array(z.enum(SKILLS)),
  languages: z.array(z.enum(LANGUAGES)),
  star: z.number().int().min(0).max(5),
  verifiedMinutes: z.number().int(),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const TeamMemberQuerySchema = PageQuerySchema.extend({ role: z.enum(TEAM_MEMBER_ROLES).optional() });

/* ---------- applications and invitations ---------- */

export const TeamApplicationBodySchema = z.object({ message: text(200).optional() }).strict();
export type TeamApplicationBody = z.infer<typeof TeamApplicationBodySchema>;

export const TeamApplicationSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  volunteerId: z.string(),
  volunteerNo: z.string(),
  name: z.string(),
  nameBo: z.string().nullable(),
  communityId: z.string().nullable(),
  skills: z.array(z.enum(SKILLS)),
  star: z.number().int().min(0).max(5),
  message: z.string().nullable(),
  status: z.enum(TEAM_APPLICATION_STATUSES),
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type TeamApplication = z.infer<typeof TeamApplicationSchema>;

export const TeamApplicationQuerySchema = PageQuerySchema.extend({ status: z.enum(TEAM_APPLICATION_STATUSES).optional() });

export const TeamInvitationBodySchema = z.object({ volunteerId: IdSchema, message: text(200).optional() }).strict();
export type TeamInvitationBody = z.infer<typeof TeamInvitationBodySchema>;

export const TeamInvitationSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  teamNameBo: z.string().nullable(),
  volunteerId: z.string(),
  name: z.string(),
  nameBo: z.string().nullable(),
  message: z.string().nullable(),
  status: z.enum(TEAM_INVITATION_STATUSES),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type TeamInvitation = z.infer<typeof TeamInvitationSchema>;

export const TeamInvitationQuerySchema = PageQuerySchema.extend({ status: z.enum(TEAM_INVITATION_STATUSES).optional() });

/* ---------- logo and roster ---------- */

/** Logo limits: PNG, JPEG or WebP (checked by magic bytes), at most 512 KB. */
export const TEAM_LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type TeamLogoType = (typeof TEAM_LOGO_TYPES)[number];
export const TEAM_LOGO_MAX_BYTES = 512 * 1024;

export const TeamLogoSchema = z.object({
  logoUrl: z.string(),
  contentType: z.enum(TEAM_LOGO_TYPES),
  byteSize: z.number().int(),
});
export type TeamLogo = z.infer<typeof TeamLogoSchema>;

export const TeamRosterQuerySchema = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

/* ---------- party members: 双报到 / 云报到 ---------- */

export const PARTY_REPORT_STATUSES = ['pending', 'confirmed', 'rejected', 'superseded'] as const;
export type PartyReportStatus = (typeof PARTY_REPORT_STATUSES)[number];

/** DR-18 status of a unit's party member in a period (API.md). */
export const PARTY_MEMBER_STATUSES = ['active', 'no_service', 'not_reported'] as const;
export type PartyMemberStatus = (typeof PARTY_MEMBER_STATUSES)[number];

/** `POST /api/v1/party-reports` (API.md): a party-member volunteer's 云报到. */
export const PartyReportBodySchema = z.object({ communityId: IdSchema, gridId: IdSchema, unitId: IdSchema }).strict();
export type PartyReportBody = z.infer<typeof PartyReportBodySchema>;

export const PartyReportSchema = z.object({
  id: z.string(),
  volunteerId: z.string(),
  volunteerNo: z.string(),
  name: z.string(),
  nameBo: z.string().nullable(),
  communityId: z.string(),
  communityName: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  channel: z.enum(['cloud', 'offline']),
  status: z.enum(PARTY_REPORT_STATUSES),
  reason: z.string().nullable(),
  reportedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type PartyReport = z.infer<typeof PartyReportSchema>;

export const PartyReportQuerySchema = PageQuerySchema.extend({
  status: z.enum(PARTY_REPORT_STATUSES).optional(),
  communityId: IdSchema.optional(),
});

/** A calendar quarter such as 2026Q4 (the default DR-18 reporting period). */
export const QuarterSchema = z.string().regex(/^\d{4}Q[1-4]$/, 'quarter_format');

export const UnitPartyMembersQuerySchema = PageQuerySchema.extend({
  period: QuarterSchema.optional(),
  status: z.enum(PARTY_MEMBER_STATUSES).optional(),
});

/** `GET /api/v1/units/{id}/party-members` items (API.md) plus the report's state. */
export const UnitPartyMemberSchema = z.object({
  volunteerId: z.string(),
  volunteerNo: z.string(),
  name: z.string(),
  nameBo: z.string().nullable(),
  /** When the member's confirmed report was made; null when not (yet) confirmed. */
  reportedAt: z.string().nullable(),
  reportStatus: z.enum(['none', 'pending', 'confirmed']),
  communityId: z.string().nullable(),
  /** Verified minutes (cumulative until service records land; see the party module's CONTEXT.md). */
  verifiedMinutes: z.number().int(),
  lastServiceAt: z.string().nullable(),
  /** Community-side points of the period: the ledger's postings for verified community records served in it. */
  points: z.number().int(),
  status: z.enum(PARTY_MEMBER_STATUSES),
});
export type UnitPartyMember = z.infer<typeof UnitPartyMemberSchema>;
