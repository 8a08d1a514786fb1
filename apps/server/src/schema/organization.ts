import { boolean, date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const streets = pgTable('streets', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  nameBo: text('name_bo'),
  nameEn: text('name_en'),
  district: text('district').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const communities = pgTable('communities', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  nameBo: text('name_bo'),
  nameEn: text('name_en'),
  kind: text('kind', { enum: ['community', 'village'] }).notNull(),
  stationName: text('station_name').notNull(),
  stationAddress: text('station_address').notNull(),
  serviceCenterName: text('service_center_name').notNull(),
  serviceCenterRooms: text('service_center_rooms').array().notNull().default([]),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const grids = pgTable('grids', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  communityId: text('community_id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  nameBo: text('name_bo'),
  gridWorkerPersonId: text('grid_worker_person_id'),
  partyBranch: text('party_branch').notNull(),
  partyContactName: text('party_contact_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const units = pgTable('units', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  name: text('name').notNull(),
  nameBo: text('name_bo'),
  kind: text('kind', { enum: ['agency', 'school', 'enterprise', 'hospital', 'social_org'] }).notNull(),
  partyOrg: text('party_org').notNull(),
  creditCode: text('credit_code'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const households = pgTable('households', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  communityId: text('community_id').notNull(),
  gridId: text('grid_id').notNull(),
  address: text('address').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const persons = pgTable('persons', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  name: text('name').notNull(),
  nameBo: text('name_bo'),
  nameInitials: text('name_initials').notNull().default(''),
  gender: text('gender', { enum: ['male', 'female'] }),
  birthYear: integer('birth_year'),
  phoneEnc: text('phone_enc'),
  phoneHash: text('phone_hash'),
  phoneMasked: text('phone_masked'),
  idType: text('id_type', { enum: ['resident_id', 'passport', 'hk_macao_pass', 'other'] }),
  idNumberEnc: text('id_number_enc'),
  idNumberHash: text('id_number_hash'),
  idNumberMasked: text('id_number_masked'),
  communityId: text('community_id'),
  gridId: text('grid_id'),
  householdId: text('household_id'),
  isResident: boolean('is_resident').notNull().default(false),
  focusTagsEnc: text('focus_tags_enc'),
  focusTagIndex: text('focus_tag_index').array().notNull().default([]),
  proxyNeeded: boolean('proxy_needed').notNull().default(false),
  /** 0002: derived from a resident ID, or given for other ID types. */
  birthDate: date('birth_date', { mode: 'string' }),
  /** 0002: set when a PIPL deletion request was completed. */
  pseudonymisedAt: ts('pseudonymised_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const teams = pgTable('teams', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  communityId: text('community_id'),
  name: text('name').notNull(),
  nameBo: text('name_bo'),
  nameEn: text('name_en'),
  domains: text('domains').array().notNull().default([]),
  leaderPersonId: text('leader_person_id'),
  slogan: text('slogan'),
  sloganBo: text('slogan_bo'),
  story: text('story'),
  storyBo: text('story_bo'),
  logoPath: text('logo_path'),
  foundedOn: date('founded_on', { mode: 'string' }),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const volunteers = pgTable('volunteers', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  personId: text('person_id').notNull(),
  volunteerNo: text('volunteer_no').notNull(),
  skills: text('skills').array().notNull().default([]),
  languages: text('languages').array().notNull().default([]),
  partyMember: boolean('party_member').notNull().default(false),
  unitId: text('unit_id'),
  star: integer('star').notNull().default(0),
  verifiedMinutes: integer('verified_minutes').notNull().default(0),
  lastServiceAt: ts('last_service_at'),
  status: text('status', { enum: ['active', 'suspended', 'deleted'] }).notNull().default('active'),
  registeredAt: ts('registered_at').notNull().defaultNow(),
});

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: text('team_id').notNull(),
    volunteerId: text('volunteer_id').notNull(),
    streetId: text('street_id').notNull(),
    role: text('role', { enum: ['leader', 'deputy', 'member'] }).notNull().default('member'),
    joinedAt: ts('joined_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.volunteerId] })],
);
