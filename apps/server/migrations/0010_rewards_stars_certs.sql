-- 0010 rewards, stars, certificates: the 爱心超市 catalog and redemption orders (DR-11, DR-12), the
-- formal star award flow with its public notice, objections and blocking periods (DR-10), and
-- service-record certificates (DR-09). Points move only through the ledger (0009); these tables keep
-- the transfer ids. Forward-only. Valid on PostgreSQL 15 and PGlite. Every table carries street_id.

-- Partner merchants of the 爱心超市 (礼遇回馈). account_id: the merchant account that redeems orders.
CREATE TABLE merchants (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  name text NOT NULL,
  name_bo text,
  name_en text,
  account_id text REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX merchants_account_idx ON merchants (account_id);

-- One catalog item. community_id null: street-wide (street admin); else managed by that community.
-- stock never goes below 0 (compare and set: UPDATE … SET stock = stock - q WHERE stock >= q).
-- per_period_limit: at most that many units per volunteer per period (month | quarter | year).
CREATE TABLE rewards (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  community_id text REFERENCES communities(id),
  merchant_id text NOT NULL REFERENCES merchants(id),
  name text NOT NULL,
  name_bo text,
  name_en text,
  points_cost int NOT NULL CHECK (points_cost > 0),
  stock int NOT NULL CHECK (stock >= 0),
  min_star int NOT NULL DEFAULT 0 CHECK (min_star BETWEEN 0 AND 5),
  per_period_limit int CHECK (per_period_limit IS NULL OR per_period_limit > 0),
  limit_period text NOT NULL DEFAULT 'quarter' CHECK (limit_period IN ('month', 'quarter', 'year')),
  active boolean NOT NULL DEFAULT true,
  sort_order int NOT NULL DEFAULT 0,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rewards_street_idx ON rewards (street_id, active, sort_order);

-- A redemption order (兑换订单): pending_pickup (待核销) → redeemed (已核销) | cancelled (已取消).
-- pickup_code: 6 digits, unique among the street's open orders. transfer_id: the ledger transfer
-- volunteer → rewards_sink; refund_transfer_id: its reversal on cancel.
CREATE TABLE redemptions (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  reward_id text NOT NULL REFERENCES rewards(id),
  merchant_id text NOT NULL REFERENCES merchants(id),
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  account_id text NOT NULL REFERENCES accounts(id),
  quantity int NOT NULL CHECK (quantity BETWEEN 1 AND 20),
  points int NOT NULL CHECK (points > 0),
  pickup_code text NOT NULL CHECK (pickup_code ~ '^[0-9]{6}$'),
  status text NOT NULL DEFAULT 'pending_pickup' CHECK (status IN ('pending_pickup', 'redeemed', 'cancelled')),
  transfer_id text,
  refund_transfer_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  redeemed_at timestamptz,
  redeemed_by text REFERENCES accounts(id),
  cancelled_at timestamptz,
  cancelled_by text REFERENCES accounts(id),
  cancel_reason text
);
CREATE UNIQUE INDEX redemptions_open_code_uq ON redemptions (street_id, pickup_code) WHERE status = 'pending_pickup';
CREATE INDEX redemptions_volunteer_idx ON redemptions (volunteer_id, created_at DESC);
CREATE INDEX redemptions_reward_idx ON redemptions (reward_id, volunteer_id, created_at);

-- The street's star award settings: the blocking period after proven false hours (years). The
-- thresholds themselves live in point_rules.star_thresholds_hours (0009), which records use for
-- volunteers.star; GET/PUT /star-thresholds reads and writes them there.
CREATE TABLE star_settings (
  street_id text PRIMARY KEY REFERENCES streets(id),
  block_years int NOT NULL DEFAULT 2 CHECK (block_years BETWEEN 1 AND 3),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text REFERENCES accounts(id)
);

-- The award of one star level (星级认定): proposed → reviewed → on_notice → awarded | rejected;
-- awarded → revoked. The notice runs from notice_start to notice_end (≥ 5 working days, DR-10).
CREATE TABLE star_awards (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  level int NOT NULL CHECK (level BETWEEN 1 AND 5),
  verified_minutes int NOT NULL,
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'reviewed', 'on_notice', 'awarded', 'rejected', 'revoked')),
  proposed_at timestamptz NOT NULL DEFAULT now(),
  reviewed_at timestamptz,
  reviewed_by text REFERENCES accounts(id),
  notice_start date,
  notice_end date,
  awarded_at timestamptz,
  awarded_by text REFERENCES accounts(id),
  decided_reason text,
  revoked_at timestamptz,
  revoked_by text REFERENCES accounts(id),
  revoke_reason text,
  version int NOT NULL DEFAULT 1
);
-- One open award per volunteer; a level is awarded at most once while it stands.
CREATE UNIQUE INDEX star_awards_open_uq ON star_awards (volunteer_id) WHERE status IN ('proposed', 'reviewed', 'on_notice');
CREATE UNIQUE INDEX star_awards_level_uq ON star_awards (volunteer_id, level) WHERE status IN ('proposed', 'reviewed', 'on_notice', 'awarded');
CREATE INDEX star_awards_status_idx ON star_awards (street_id, status, proposed_at DESC);

-- An objection to an award on notice (公示异议). open → upheld (award rejected) | dismissed.
CREATE TABLE star_objections (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  award_id text NOT NULL REFERENCES star_awards(id),
  account_id text NOT NULL REFERENCES accounts(id),
  text text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'dismissed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by text REFERENCES accounts(id),
  resolution_note text
);
CREATE INDEX star_objections_award_idx ON star_objections (award_id, status);

-- A blocking period after proven false hours: no star proposal or award until blocked_until.
CREATE TABLE star_blocks (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  reason text NOT NULL,
  blocked_from timestamptz NOT NULL,
  blocked_until timestamptz NOT NULL,
  created_by text REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX star_blocks_volunteer_idx ON star_blocks (volunteer_id, blocked_until DESC);

-- A service-record certificate (志愿服务记录证明, DR-09). content: the §9 fields as issued (the PDF is
-- rendered from it); content_hash: SHA-256 of its canonical JSON. issuer_kind/issuer_id: the
-- community (or the street) that recorded the hours and certifies them (谁记录谁证明).
CREATE TABLE certificates (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  number text NOT NULL UNIQUE,
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  language text NOT NULL DEFAULT 'bilingual' CHECK (language IN ('zh', 'bo', 'bilingual')),
  period_from date,
  period_to date,
  verified_minutes int NOT NULL CHECK (verified_minutes >= 0),
  star int NOT NULL DEFAULT 0,
  issuer_kind text NOT NULL CHECK (issuer_kind IN ('community', 'street')),
  issuer_id text NOT NULL,
  issuer_name text NOT NULL,
  content jsonb NOT NULL,
  content_hash text NOT NULL,
  issued_at timestamptz NOT NULL,
  issued_by text REFERENCES accounts(id),
  revoked_at timestamptz,
  revoked_by text REFERENCES accounts(id),
  revoke_reason text
);
CREATE INDEX certificates_volunteer_idx ON certificates (volunteer_id, issued_at DESC);
CREATE TABLE certificate_counters (
  street_id text NOT NULL REFERENCES streets(id),
  year int NOT NULL,
  last_no int NOT NULL DEFAULT 0,
  PRIMARY KEY (street_id, year)
);

-- Who signs for an issuing organisation (§9 issuer fields): the street or a community (居委会), with
-- its 统一社会信用代码, responsible person and office contact. The handler is the issuing staff member.
CREATE TABLE certificate_issuers (
  street_id text NOT NULL REFERENCES streets(id),
  issuer_kind text NOT NULL CHECK (issuer_kind IN ('community', 'street')),
  issuer_id text NOT NULL,
  name text NOT NULL,
  name_bo text,
  credit_code text NOT NULL,
  responsible_person text NOT NULL,
  contact text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (street_id, issuer_kind, issuer_id)
);
