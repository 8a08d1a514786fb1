-- 0006 account recovery (找回账号, DR-01, DOMAIN.md §11.6): a person whose ID number is already
-- registered asks for a new sign-in phone and password; a community staff member confirms their
-- identity in person (ID card) and approves. Forward-only. Valid on PostgreSQL 15 and PGlite.

-- A request is stored only when the ID number's blind index matches a person of the street. The new
-- phone is kept as ciphertext + blind index + mask, the new password only as a scrypt hash.
-- At most one pending request per person: a newer request supersedes the older one.
CREATE TABLE recovery_requests (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  person_id text NOT NULL REFERENCES persons(id),
  -- the person's community when the request arrived (who reviews it); null: street admins only
  community_id text REFERENCES communities(id),
  name_given text NOT NULL,
  name_matches boolean NOT NULL,
  phone_enc text NOT NULL,
  phone_hash text NOT NULL,
  phone_masked text NOT NULL,
  password_hash text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'expired', 'superseded')),
  reason text,
  account_id text REFERENCES accounts(id),
  decided_by_account_id text REFERENCES accounts(id),
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CHECK (status <> 'rejected' OR reason IS NOT NULL)
);
CREATE UNIQUE INDEX recovery_requests_pending_uq ON recovery_requests (person_id) WHERE status = 'pending';
CREATE INDEX recovery_requests_street_idx ON recovery_requests (street_id, status, created_at DESC, id DESC);

-- Throttle of recovery requests, whether or not the ID number matched: one row per key
-- ('id:<blind index>' or 'phone:<blind index>'), counting the attempts of a 24-hour window.
CREATE TABLE recovery_throttle (
  key text PRIMARY KEY,
  attempts integer NOT NULL,
  window_start timestamptz NOT NULL
);
