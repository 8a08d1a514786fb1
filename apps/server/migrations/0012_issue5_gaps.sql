-- 0012 issue 5 gaps: volunteers ask for a service-record certificate (DR-09); staff of the issuing
-- organisation (谁记录谁证明: the volunteer's community when it recorded hours and is set up as an
-- issuer, else the street) issue it (creating the certificate) or decline with a reason.
-- Forward-only. Valid on PostgreSQL 15 and PGlite. Street-scoped.
CREATE TABLE certificate_requests (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  language text NOT NULL DEFAULT 'bilingual' CHECK (language IN ('zh', 'bo', 'bilingual')),
  period_from date,
  period_to date,
  issuer_kind text NOT NULL CHECK (issuer_kind IN ('community', 'street')),
  issuer_id text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'issued', 'declined')),
  certificate_id text REFERENCES certificates(id),
  decline_reason text,
  requested_by text REFERENCES accounts(id),
  decided_by text REFERENCES accounts(id),
  decided_at timestamptz,
  created_at timestamptz NOT NULL,
  version int NOT NULL DEFAULT 1,
  CHECK (period_from IS NULL OR period_to IS NULL OR period_from <= period_to),
  CHECK (status <> 'issued' OR certificate_id IS NOT NULL),
  CHECK (status <> 'declined' OR decline_reason IS NOT NULL)
);
-- One open request per volunteer.
CREATE UNIQUE INDEX certificate_requests_one_pending ON certificate_requests (volunteer_id) WHERE status = 'pending';
CREATE INDEX certificate_requests_issuer_idx ON certificate_requests (street_id, issuer_kind, issuer_id, status, created_at DESC);
CREATE INDEX certificate_requests_volunteer_idx ON certificate_requests (volunteer_id, created_at DESC);
