-- 0011 activities (项目/活动, DOMAIN §9), sign-ups with waitlist, check-in/out sessions (DR-03, DR-05),
-- door-to-door visit campaigns (幸福敲敲门 / 布谷响铃, DR-20) with visit logs, and recurring care plans.

-- An activity. Recurring ones share series_id: the series is expanded into one activity per occurrence
-- when it is created (weekly or monthly, up to 12), each with its own sign-ups and lifecycle.
CREATE TABLE activities (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  community_id text REFERENCES communities(id),
  team_id text REFERENCES teams(id),
  series_id text,
  series_index int NOT NULL DEFAULT 0,
  recurrence text CHECK (recurrence IN ('weekly', 'monthly')),
  title text NOT NULL,
  title_bo text NOT NULL,
  description text NOT NULL DEFAULT '',
  category text NOT NULL,
  service_item_id text,
  responsible_person_id text REFERENCES persons(id),
  risk_notice text NOT NULL CHECK (length(risk_notice) > 0),
  needs_insurance boolean NOT NULL DEFAULT false,
  target_groups text[] NOT NULL DEFAULT '{}',
  place_name text NOT NULL,
  lat double precision NOT NULL,
  lng double precision NOT NULL,
  radius_m int NOT NULL DEFAULT 200 CHECK (radius_m BETWEEN 10 AND 5000),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  CHECK (starts_at < ends_at),
  headcount int NOT NULL CHECK (headcount BETWEEN 1 AND 1000),
  min_age int,
  max_age int,
  minors_allowed boolean NOT NULL DEFAULT false,
  skills text[] NOT NULL DEFAULT '{}',
  sign_in_methods text[] NOT NULL DEFAULT '{qr,code}',
  max_creditable_minutes int NOT NULL CHECK (max_creditable_minutes BETWEEN 1 AND 1440),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'pending_review', 'recruiting', 'in_progress', 'ended', 'archived', 'cancelled')),
  cancel_reason text,
  reject_reason text,
  version int NOT NULL DEFAULT 1,
  created_by_account_id text REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activities_street_starts_idx ON activities (street_id, starts_at DESC, id);
CREATE INDEX activities_status_idx ON activities (status, ends_at);
CREATE INDEX activities_series_idx ON activities (series_id);

CREATE TABLE activity_history (
  id bigserial PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  activity_id text NOT NULL REFERENCES activities(id),
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  by_account_id text,
  note text
);
CREATE INDEX activity_history_activity_idx ON activity_history (activity_id, id);

-- One row per volunteer and activity; a cancelled sign-up is revived by signing up again.
-- The check-in session lives on the row (one session per volunteer per activity, DR-05).
CREATE TABLE activity_signups (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  activity_id text NOT NULL REFERENCES activities(id),
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled', 'no_show')),
  signed_up_at timestamptz NOT NULL,
  promoted_at timestamptz,
  cancelled_at timestamptz,
  reminded_at timestamptz,
  checkin_at timestamptz,
  checkin_method text CHECK (checkin_method IN ('qr', 'code', 'gps')),
  checkin_geo text,
  checkin_offline boolean NOT NULL DEFAULT false,
  checkout_at timestamptz,
  checkout_method text CHECK (checkout_method IN ('qr', 'code', 'gps', 'auto')),
  checkout_geo text,
  checkout_offline boolean NOT NULL DEFAULT false,
  auto_closed boolean NOT NULL DEFAULT false,
  flagged boolean NOT NULL DEFAULT false,
  credited_minutes int,
  service_record_id text REFERENCES service_records(id),
  no_show_by_account_id text,
  version int NOT NULL DEFAULT 1,
  UNIQUE (activity_id, volunteer_id)
);
CREATE INDEX activity_signups_volunteer_idx ON activity_signups (volunteer_id, status);
CREATE INDEX activity_signups_waitlist_idx ON activity_signups (activity_id, status, signed_up_at, id);

-- Used check-in tokens and codes: the same token (nonce) or code slot twice by one volunteer for
-- one action is a replay.
CREATE TABLE activity_token_uses (
  activity_id text NOT NULL REFERENCES activities(id),
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  action text NOT NULL CHECK (action IN ('check_in', 'check_out')),
  nonce text NOT NULL,
  street_id text NOT NULL REFERENCES streets(id),
  used_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (activity_id, volunteer_id, action, nonce)
);

-- 幸福敲敲门 / 布谷响铃: a door-to-door campaign over a set of grids, optionally run by a team.
CREATE TABLE visit_campaigns (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  community_id text REFERENCES communities(id),
  team_id text REFERENCES teams(id),
  name text NOT NULL,
  name_bo text NOT NULL,
  grid_ids text[] NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  CHECK (starts_on <= ends_on),
  cycle_days int NOT NULL DEFAULT 15 CHECK (cycle_days BETWEEN 1 AND 365),
  created_by_account_id text REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Recurring care for a resident (an elderly person living alone: a visit every week).
CREATE TABLE care_plans (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  community_id text NOT NULL REFERENCES communities(id),
  grid_id text NOT NULL REFERENCES grids(id),
  household_id text REFERENCES households(id),
  resident_person_id text NOT NULL REFERENCES persons(id),
  kind text NOT NULL CHECK (kind IN ('visit', 'demand')),
  every_days int NOT NULL CHECK (every_days BETWEEN 1 AND 365),
  service_item_id text,
  CHECK (kind = 'visit' OR service_item_id IS NOT NULL),
  next_due_at timestamptz NOT NULL,
  last_done_at timestamptz,
  last_demand_id text,
  missed_count int NOT NULL DEFAULT 0,
  last_missed_at timestamptz,
  -- the next_due_at the grid worker was last told about (the visit task), so each due date is told once
  due_notified_for timestamptz,
  active boolean NOT NULL DEFAULT true,
  created_by_account_id text NOT NULL REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1
);
CREATE INDEX care_plans_due_idx ON care_plans (active, next_due_at);
CREATE INDEX care_plans_grid_idx ON care_plans (grid_id);

-- A household visit: who, when, present or absent, inquiries answered (with topic), needs found
-- (each may become a demand: needs[i].demandId).
CREATE TABLE visits (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  community_id text NOT NULL REFERENCES communities(id),
  grid_id text NOT NULL REFERENCES grids(id),
  household_id text NOT NULL REFERENCES households(id),
  campaign_id text REFERENCES visit_campaigns(id),
  visitor_account_id text NOT NULL REFERENCES accounts(id),
  visitor_person_id text NOT NULL REFERENCES persons(id),
  at timestamptz NOT NULL,
  present boolean NOT NULL,
  inquiries jsonb NOT NULL DEFAULT '[]',
  inquiries_answered int NOT NULL DEFAULT 0,
  needs jsonb NOT NULL DEFAULT '[]',
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visits_household_idx ON visits (household_id, at DESC);
CREATE INDEX visits_grid_idx ON visits (grid_id, at DESC);
CREATE INDEX visits_campaign_idx ON visits (campaign_id, at DESC);
