import { z } from 'zod';
import { COMMUNITY_KINDS, FOCUS_TAGS, LANGUAGES, ROLES, SCOPE_TYPES, SKILLS, TEAM_DOMAINS, UI_LANGS, UNIT_KINDS } from './enums.js';

/* ---------- shared pieces ---------- */

export const IdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'id');
export const IdParamsSchema = z.object({ id: IdSchema });

/** `?limit=` (default 20, max 200) and `?cursor=` (API.md, Lists). */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() })).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const PhoneSchema = z.string().trim().regex(/^1[3-9]\d{9}$/, 'phone');
export const UiLangSchema = z.enum(UI_LANGS);
export const RoleSchema = z.enum(ROLES);

/* ---------- auth ---------- */

export const LoginBodySchema = z.object({
  phone: PhoneSchema,
  password: z.string().min(1).max(128),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const RoleAssignmentSchema = z.object({
  role: RoleSchema,
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: z.string(),
  scopeName: z.string(),
});
export type RoleAssignment = z.infer<typeof RoleAssignmentSchema>;

export const LoginResponseSchema = z.object({
  token: z.string(),
  user: z.object({ id: z.string(), name: z.string(), roles: z.array(RoleSchema) }),
});

export const MeSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameBo: z.string().nullable(),
  roles: z.array(RoleSchema),
  assignments: z.array(RoleAssignmentSchema),
  personId: z.string(),
  volunteerId: z.string().nullable(),
  communityId: z.string().nullable(),
  gridId: z.string().nullable(),
  teamIds: z.array(z.string()),
  unitId: z.string().nullable(),
  streetId: z.string(),
  phoneMasked: z.string(),
  language: UiLangSchema,
  elderlyMode: z.boolean(),
});
export type Me = z.infer<typeof MeSchema>;

export const PreferencesBodySchema = z
  .object({ language: UiLangSchema.optional(), elderlyMode: z.boolean().optional() })
  .refine((v) => v.language !== undefined || v.elderlyMode !== undefined, { message: 'empty' });
export type PreferencesBody = z.infer<typeof PreferencesBodySchema>;

/* ---------- organization ---------- */

export const LocalizedNameSchema = z.object({ name: z.string(), nameBo: z.string().nullable(), nameEn: z.string().nullable() });

export const CommunitySchema = z.object({
  id: z.string(),
  name: z.string(),
  nameBo: z.string().nullable(),
  nameEn: z.string().nullable(),
  kind: z.enum(COMMUNITY_KINDS),
  gridCount: z.number().int(),
  volunteerCount: z.number().int(),
  householdCount: z.number().int(),
  stationName: z.string(),
  serviceCenterName: z.string(),
});
export type Community = z.infer<typeof CommunitySchema>;

export const GridSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameBo: z.string().nullable(),
  communityId: z.string(),
  gridWorker: z.object({ id: z.string(), name: z.string(), phoneMasked: z.string() }).nullable(),
  partyBranch: z.string(),
  partyContactName: z.string(),
  householdCount: z.number().int(),
  residentCount: z.number().int(),
});
export type Grid = z.infer<typeof GridSchema>;

export const CommunityDetailSchema = CommunitySchema.extend({
  stationAddress: z.string(),
  serviceCenterRooms: z.array(z.string()),
  grids: z.array(GridSchema),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type CommunityDetail = z.infer<typeof CommunityDetailSchema>;

export const TeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameBo: z.string().nullable(),
  nameEn: z.string().nullable(),
  communityId: z.string().nullable(),
  domains: z.array(z.enum(TEAM_DOMAINS)),
  leaderId: z.string().nullable(),
  leaderName: z.string().nullable(),
  memberCount: z.number().int(),
  slogan: z.string().nullable(),
});
export type Team = z.infer<typeof TeamSchema>;

export const TeamDetailSchema = TeamSchema.extend({
  sloganBo: z.string().nullable(),
  story: z.string().nullable(),
  storyBo: z.string().nullable(),
  logoUrl: z.string().nullable(),
  foundedOn: z.string().nullable(),
  communityName: z.string().nullable(),
});
export type TeamDetail = z.infer<typeof TeamDetailSchema>;

export const UnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameBo: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  partyOrg: z.string(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const VolunteerListItemSchema = z.object({
  id: z.string(),
  volunteerNo: z.string(),
  name: z.string(),
  nameBo: z.string().nullable(),
  communityId: z.string().nullable(),
  teamIds: z.array(z.string()),
  skills: z.array(z.enum(SKILLS)),
  languages: z.array(z.enum(LANGUAGES)),
  star: z.number().int().min(0).max(5),
  verifiedMinutes: z.number().int(),
  /** Masks (138****1234, 5401**********1234) for staff in scope of the volunteer; null for others. */
  phoneMasked: z.string().nullable().optional(),
  idNumberMasked: z.string().nullable().optional(),
});
export type VolunteerListItem = z.infer<typeof VolunteerListItemSchema>;

export const VolunteerQuerySchema = PageQuerySchema.extend({
  communityId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  skill: z.enum(SKILLS).optional(),
  q: z.string().trim().min(1).max(50).optional(),
});

export const ResidentListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameBo: z.string().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  age: z.number().int().nullable(),
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  communityId: z.string(),
  gridId: z.string(),
  householdId: z.string().nullable(),
  address: z.string().nullable(),
  focusTags: z.array(z.enum(FOCUS_TAGS)),
  proxy: z.boolean(),
});
export type ResidentListItem = z.infer<typeof ResidentListItemSchema>;

export const ResidentQuerySchema = PageQuerySchema.extend({
  communityId: IdSchema.optional(),
  gridId: IdSchema.optional(),
  tag: z.enum(FOCUS_TAGS).optional(),
});

export const HouseholdSchema = z.object({
  id: z.string(),
  gridId: z.string(),
  communityId: z.string(),
  address: z.string(),
  memberCount: z.number().int(),
});
export type Household = z.infer<typeof HouseholdSchema>;

export const HouseholdQuerySchema = PageQuerySchema.extend({ gridId: IdSchema.optional(), communityId: IdSchema.optional() });

export const StatsOverviewSchema = z.object({
  communities: z.number().int(),
  teams: z.number().int(),
  volunteers: z.number().int(),
  activeVolunteers30d: z.number().int(),
  demandsOpen: z.number().int(),
  demandsCompleted: z.number().int(),
  verifiedMinutes: z.number().int(),
  residents: z.number().int(),
  households: z.number().int(),
  focusGroupResidents: z.number().int(),
  partyMembers: z.number().int(),
  units: z.number().int(),
});
export type StatsOverview = z.infer<typeof StatsOverviewSchema>;

export const HealthSchema = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) });
