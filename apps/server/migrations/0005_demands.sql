-- 0005 demands: the service menu (项目清单), demand orders (点单) with their history, the volunteers
-- who accepted them, pending service records created on completion, and idempotency keys of writes.
-- Forward-only. Valid on PostgreSQL 15 and PGlite. Every table carries street_id.

CREATE TABLE service_items (
  id text NOT NULL,
  street_id text NOT NULL REFERENCES streets(id),
  name text NOT NULL,
  name_bo text,
  name_en text,
  category text NOT NULL,
  skills text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  typical_minutes int NOT NULL CHECK (typical_minutes > 0),
  volunteers_needed int NOT NULL DEFAULT 1 CHECK (volunteers_needed BETWEEN 1 AND 50),
  active boolean NOT NULL DEFAULT true,
  sort_order int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (street_id, id)
);

-- One demand order. status follows modules/demands/demand-state.ts; version grows with every change
-- (compare and set). accepted_count counts demand_volunteers rows (kept here so one UPDATE decides
-- who takes the last slot). fee_flag (DR-17) marks text that asks for payment, for staff review.
CREATE TABLE demands (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  community_id text NOT NULL REFERENCES communities(id),
  grid_id text NOT NULL REFERENCES grids(id),
  service_item_id text NOT NULL,
  description text NOT NULL,
  requester_account_id text REFERENCES accounts(id),
  requester_person_id text REFERENCES persons(id),
  beneficiary_person_id text REFERENCES persons(id),
  channel text NOT NULL DEFAULT 'app' CHECK (channel IN ('app', 'phone', 'chat', 'visit', 'walk_in')),
  urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent')),
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'published', 'assigned', 'accepted', 'in_service',
    'completed', 'rated', 'closed', 'rejected', 'cancelled')),
  team_id text REFERENCES teams(id),
  volunteers_needed int NOT NULL DEFAULT 1 CHECK (volunteers_needed BETWEEN 1 AND 50),
  accepted_count int NOT NULL DEFAULT 0 CHECK (accepted_count >= 0 AND accepted_count <= volunteers_needed),
  preferred_start timestamptz,
  preferred_end timestamptz,
  sla_due_at timestamptz,
  rating smallint CHECK (rating BETWEEN 1 AND 5),
  rating_comment text,
  rework_count int NOT NULL DEFAULT 0 CHECK (rework_count >= 0),
  fee_flag boolean NOT NULL DEFAULT false,
  fee_words text[] NOT NULL DEFAULT '{}',
  emergency_kind text CHECK (emergency_kind IN ('fire', 'violence', 'medical', 'other_danger')),
  reject_reason text,
  cancel_reason text,
  follow_up text,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (street_id, service_item_id) REFERENCES service_items(street_id, id)
);
CREATE INDEX demands_street_status_idx ON demands (street_id, status, created_at DESC, id DESC);
CREATE INDEX demands_community_idx ON demands (community_id, created_at DESC, id DESC);
CREATE INDEX demands_grid_idx ON demands (grid_id);
CREATE INDEX demands_team_idx ON demands (team_id) WHERE team_id IS NOT NULL;
CREATE INDEX demands_requester_idx ON demands (requester_person_id);
CREATE INDEX demands_beneficiary_idx ON demands (beneficiary_person_id);

-- Every step of a demand: who moved it from which status to which, with the note (reasons included).
CREATE TABLE demand_history (
  id bigserial PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  demand_id text NOT NULL REFERENCES demands(id),
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  by_account_id text REFERENCES accounts(id),
  note text
);
CREATE INDEX demand_history_demand_idx ON demand_history (demand_id, id);

CREATE TABLE demand_volunteers (
  demand_id text NOT NULL REFERENCES demands(id),
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  street_id text NOT NULL REFERENCES streets(id),
  accepted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (demand_id, volunteer_id)
);
CREATE INDEX demand_volunteers_volunteer_idx ON demand_volunteers (volunteer_id, accepted_at);

-- 志愿服务记录 (DOMAIN.md §9). A completed demand creates one `pending` record per accepted volunteer;
-- verification (issue 5) confirms or rejects it.
CREATE TABLE service_records (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  demand_id text REFERENCES demands(id),
  activity_id text,
  team_id text REFERENCES teams(id),
  community_id text REFERENCES communities(id),
  served_on date NOT NULL,
  place text,
  content text NOT NULL,
  signin_at timestamptz,
  signin_geo text,
  signout_at timestamptz,
  signout_geo text,
  credited_minutes int NOT NULL CHECK (credited_minutes BETWEEN 1 AND 1440),
  source text NOT NULL CHECK (source IN ('demand', 'auto', 'backfill', 'import')),
  reason text,
  approver_account_id text REFERENCES accounts(id),
  evidence text[] NOT NULL DEFAULT '{}',
  evaluation text,
  complaint_flag boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'rejected')),
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_records_volunteer_idx ON service_records (volunteer_id, created_at DESC);

-- Idempotency-Key of writes (API.md): per account and key, the request's fingerprint and the first answer.
CREATE TABLE idempotency_keys (
  account_id text NOT NULL REFERENCES accounts(id),
  key text NOT NULL,
  street_id text NOT NULL REFERENCES streets(id),
  request_hash text NOT NULL,
  status_code int NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, key)
);
