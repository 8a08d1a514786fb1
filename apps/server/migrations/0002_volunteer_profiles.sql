-- 0002 volunteer profiles: birth dates, availability windows, guardians of minors, consents,
-- insurance records, volunteer-number counters and PIPL deletion requests.
-- Forward-only. Valid on PostgreSQL 15 and PGlite.

-- Birth date derived from a resident ID (or given for other ID types); pseudonymised persons
-- (PIPL deletion) keep their row, ids and totals but lose everything that identifies them.
ALTER TABLE persons ADD COLUMN birth_date date;
ALTER TABLE persons ADD COLUMN pseudonymised_at timestamptz;

-- Weekly availability (DOMAIN.md §9 available_times): minutes of the day, [from, to).
CREATE TABLE volunteer_availability (
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  street_id text NOT NULL REFERENCES streets(id),
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  from_minute int NOT NULL CHECK (from_minute BETWEEN 0 AND 1439),
  to_minute int NOT NULL CHECK (to_minute BETWEEN 1 AND 1440),
  CHECK (from_minute < to_minute),
  PRIMARY KEY (volunteer_id, weekday, from_minute)
);

-- DR-02: the guardian of a volunteer under 18. The phone is sensitive (DR-21): ciphertext,
-- blind index and mask only.
CREATE TABLE volunteer_guardians (
  volunteer_id text PRIMARY KEY REFERENCES volunteers(id),
  street_id text NOT NULL REFERENCES streets(id),
  name text,
  phone_enc text,
  phone_hash text,
  phone_masked text,
  consent_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Consents given by (or for) a person: kind, version and time (DR-21 separate consent, PIPL 29/31).
CREATE TABLE consents (
  id bigserial PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  person_id text NOT NULL REFERENCES persons(id),
  kind text NOT NULL CHECK (kind IN ('privacy_policy', 'sensitive_data', 'public_display', 'guardian')),
  version text NOT NULL,
  given_at timestamptz NOT NULL DEFAULT now(),
  recorded_by_account_id text,
  withdrawn_at timestamptz
);
CREATE INDEX consents_person_idx ON consents (person_id);

-- Personal accident insurance of a volunteer (条例 Art. 17; DR-15 uses it for activities).
CREATE TABLE insurance_records (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  insurer text NOT NULL,
  policy_no text NOT NULL,
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  CHECK (valid_from <= valid_to),
  created_by_account_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX insurance_records_volunteer_idx ON insurance_records (volunteer_id, valid_to);

-- The last serial of DD<year>-<serial> volunteer numbers per street. The registration transaction
-- bumps it with INSERT … ON CONFLICT DO UPDATE, which locks the row until commit, so concurrent
-- registrations get consecutive numbers and a rolled-back registration leaves no gap.
CREATE TABLE volunteer_number_counters (
  street_id text PRIMARY KEY REFERENCES streets(id),
  last_serial int NOT NULL CHECK (last_serial >= 0)
);

-- PIPL Art. 47 (DR-21 data-subject requests): a person asks for deletion; staff complete it by
-- pseudonymising the person (ledgers and records keep their ids and totals).
CREATE TABLE deletion_requests (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  person_id text NOT NULL REFERENCES persons(id),
  account_id text REFERENCES accounts(id),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'completed')),
  requested_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  completed_by_account_id text
);
CREATE UNIQUE INDEX deletion_requests_pending_uq ON deletion_requests (person_id) WHERE status = 'pending';
CREATE INDEX deletion_requests_street_idx ON deletion_requests (street_id, status);
