/** Roles of PRODUCT.md. Each role assignment is bound to one scope. */
export const ROLES = [
  'street_admin',
  'community_admin',
  'grid_worker',
  'team_leader',
  'volunteer',
  'party_member',
  'resident',
  'unit_admin',
  'merchant',
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = ['street', 'community', 'grid', 'team', 'unit'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** The scope each role is bound to. */
export const ROLE_SCOPE: Record<Role, ScopeType> = {
  street_admin: 'street',
  community_admin: 'community',
  grid_worker: 'grid',
  team_leader: 'team',
  volunteer: 'street',
  party_member: 'community',
  resident: 'grid',
  unit_admin: 'unit',
  merchant: 'street',
};

/** Roles that work at a desk and may open the staff console. */
export const STAFF_ROLES: readonly Role[] = ['street_admin', 'community_admin', 'grid_worker', 'team_leader', 'unit_admin'];

export const COMMUNITY_KINDS = ['community', 'village'] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

/** Focus groups (一老一小一新, disabled, left-behind child, living alone): DOMAIN.md §11.1. */
export const FOCUS_TAGS = ['elderly', 'child', 'new_employment', 'disabled', 'left_behind_child', 'living_alone'] as const;
export type FocusTag = (typeof FOCUS_TAGS)[number];

export const UNIT_KINDS = ['agency', 'school', 'enterprise', 'hospital', 'social_org'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const TEAM_DOMAINS = [
  'mediation',
  'elderly_care',
  'child_care',
  'patrol',
  'environment',
  'culture',
  'health',
  'legal',
  'emergency',
  'neighbourhood',
  'education',
  'policy_outreach',
] as const;
export type TeamDomain = (typeof TEAM_DOMAINS)[number];

export const LANGUAGES = ['bo', 'zh', 'en', 'other'] as const;
export type SpokenLanguage = (typeof LANGUAGES)[number];

export const SKILLS = [
  'companionship',
  'housework',
  'repair',
  'electrician',
  'medical',
  'psychological',
  'legal',
  'mediation',
  'tutoring',
  'translation',
  'driving',
  'cooking',
  'haircut',
  'photography',
  'performance',
  'patrol',
  'cleaning',
  'computer',
] as const;
export type Skill = (typeof SKILLS)[number];

export const UI_LANGS = ['zh-CN', 'bo', 'en'] as const;
export type UiLang = (typeof UI_LANGS)[number];
