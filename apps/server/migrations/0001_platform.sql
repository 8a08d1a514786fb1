-- 0001 platform: organization of a street, people, accounts, roles, sessions, audit.
-- Forward-only. Valid on PostgreSQL 15 and PGlite (PostgreSQL 18). Street-scoped tables carry
-- street_id, the key a distributed Postgres would shard on.

CREATE TABLE streets (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  name_bo text,
  name_en text,
  district text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE communities (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  code text NOT NULL,
  name text NOT NULL,
  name_bo text,
  name_en text,
  kind text NOT NULL CHECK (kind IN ('community', 'village')),
  station_name text NOT NULL,
  station_address text NOT NULL,
  service_center_name text NOT NULL,
  service_center_rooms text[] NOT NULL DEFAULT '{}',
  sort_order int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (street_id, code)
);

CREATE TABLE grids (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  community_id text NOT NULL REFERENCES communities(id),
  code text NOT NULL,
  name text NOT NULL,
  name_bo text,
  grid_worker_person_id text,
  party_branch text NOT NULL,
  party_contact_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (street_id, code)
);
CREATE INDEX grids_community_idx ON grids (community_id);

CREATE TABLE units (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  name text NOT NULL,
  name_bo text,
  kind text NOT NULL CHECK (kind IN ('agency', 'school', 'enterprise', 'hospital', 'social_org')),
  party_org text NOT NULL,
  credit_code text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE households (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  community_id text NOT NULL REFERENCES communities(id),
  grid_id text NOT NULL REFERENCES grids(id),
  address text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX households_grid_idx ON households (grid_id);

-- A person of the street: resident, volunteer, staff. Names are never keys (Tibetan names repeat).
-- Sensitive fields (DR-21) are AES-256-GCM ciphertexts (*_enc); *_hash are keyed HMAC blind
-- indexes for equality look-ups; *_masked are the display masks of DOMAIN.md §7.2.
CREATE TABLE persons (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  name text NOT NULL,
  name_bo text,
  name_initials text NOT NULL DEFAULT '',
  gender text CHECK (gender IN ('male', 'female')),
  birth_year int,
  phone_enc text,
  phone_hash text,
  phone_masked text,
  id_type text CHECK (id_type IN ('resident_id', 'passport', 'hk_macao_pass', 'other')),
  id_number_enc text,
  id_number_hash text,
  id_number_masked text,
  community_id text REFERENCES communities(id),
  grid_id text REFERENCES grids(id),
  household_id text REFERENCES households(id),
  is_resident boolean NOT NULL DEFAULT false,
  focus_tags_enc text,
  focus_tag_index text[] NOT NULL DEFAULT '{}',
  proxy_needed boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX persons_street_community_idx ON persons (street_id, community_id);
CREATE INDEX persons_grid_idx ON persons (grid_id);
CREATE INDEX persons_household_idx ON persons (household_id);
CREATE UNIQUE INDEX persons_id_number_uq ON persons (street_id, id_type, id_number_hash) WHERE id_number_hash IS NOT NULL;
CREATE INDEX persons_focus_idx ON persons USING gin (focus_tag_index);

ALTER TABLE grids ADD CONSTRAINT grids_worker_fk FOREIGN KEY (grid_worker_person_id) REFERENCES persons(id);

CREATE TABLE teams (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  community_id text REFERENCES communities(id),
  name text NOT NULL,
  name_bo text,
  name_en text,
  domains text[] NOT NULL DEFAULT '{}',
  leader_person_id text REFERENCES persons(id),
  slogan text,
  slogan_bo text,
  story text,
  story_bo text,
  logo_path text,
  founded_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE volunteers (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  person_id text NOT NULL UNIQUE REFERENCES persons(id),
  volunteer_no text NOT NULL UNIQUE,
  skills text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  party_member boolean NOT NULL DEFAULT false,
  unit_id text REFERENCES units(id),
  star int NOT NULL DEFAULT 0 CHECK (star BETWEEN 0 AND 5),
  verified_minutes int NOT NULL DEFAULT 0 CHECK (verified_minutes >= 0),
  last_service_at timestamptz,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'deleted')),
  registered_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX volunteers_street_idx ON volunteers (street_id);

CREATE TABLE team_members (
  team_id text NOT NULL REFERENCES teams(id),
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  street_id text NOT NULL REFERENCES streets(id),
  role text NOT NULL DEFAULT 'member' CHECK (role IN ('leader', 'deputy', 'member')),
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, volunteer_id)
);
CREATE INDEX team_members_volunteer_idx ON team_members (volunteer_id);

CREATE TABLE accounts (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  person_id text NOT NULL UNIQUE REFERENCES persons(id),
  phone_hash text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  language text NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN', 'bo', 'en')),
  elderly_mode boolean NOT NULL DEFAULT false,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE role_assignments (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  account_id text NOT NULL REFERENCES accounts(id),
  role text NOT NULL CHECK (role IN ('street_admin', 'community_admin', 'grid_worker', 'team_leader', 'volunteer',
    'party_member', 'resident', 'unit_admin', 'merchant')),
  scope_type text NOT NULL CHECK (scope_type IN ('street', 'community', 'grid', 'team', 'unit')),
  scope_id text NOT NULL,
  granted_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX role_assignments_account_idx ON role_assignments (account_id) WHERE revoked_at IS NULL;

-- Opaque session tokens: only their SHA-256 is stored, so a leaked table leaks no session.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  street_id text NOT NULL REFERENCES streets(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX sessions_account_idx ON sessions (account_id);

-- Failed log-ins per phone (by blind index), for throttling and lock-out; unknown phones count too.
CREATE TABLE login_throttle (
  phone_hash text PRIMARY KEY,
  failures int NOT NULL DEFAULT 0,
  last_failure_at timestamptz,
  locked_until timestamptz
);

-- DR-23: append-only audit log with a hash chain (each row hashes the previous row's hash).
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  street_id text NOT NULL,
  actor_account_id text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  old_value jsonb,
  new_value jsonb,
  reason text,
  at timestamptz NOT NULL DEFAULT now(),
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);

-- DR-21: every full view of a sensitive field.
CREATE TABLE access_log (
  id bigserial PRIMARY KEY,
  street_id text NOT NULL,
  actor_account_id text NOT NULL,
  person_id text NOT NULL,
  field text NOT NULL,
  purpose text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX access_log_person_idx ON access_log (person_id);

-- Written once by the demo loader, so start-up knows the data set it serves.
CREATE TABLE app_meta (
  key text PRIMARY KEY,
  value text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
