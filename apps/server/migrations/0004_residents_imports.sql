-- 0004 residents and imports: household look-up by address, and import jobs for volunteer rosters
-- and resident lists (xlsx, CSV) with their dry-run report and progress.
-- Forward-only. Valid on PostgreSQL 15 and PGlite.

-- An import finds a household by grid and address (find or create); a resident list re-imported
-- must not create the household twice.
CREATE INDEX households_grid_address_idx ON households (grid_id, address);

-- Duplicate-ID checks look up the blind index across ID types within a street.
CREATE INDEX persons_street_id_hash_idx ON persons (street_id, id_number_hash) WHERE id_number_hash IS NOT NULL;

-- One uploaded file. The validated rows wait for the commit as one AES-GCM ciphertext (rows_enc:
-- they hold ID numbers and phones, DR-21) and are dropped when the job ends. errors holds the
-- per-row problems as { line, field, code, params } so each reader gets them in their language.
CREATE TABLE import_jobs (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  kind text NOT NULL CHECK (kind IN ('volunteers', 'residents')),
  format text NOT NULL CHECK (format IN ('xlsx', 'csv')),
  status text NOT NULL DEFAULT 'validating' CHECK (status IN ('validating', 'validated', 'importing', 'done', 'failed')),
  file_name text,
  file_hash text NOT NULL,
  file_size int NOT NULL CHECK (file_size >= 0),
  created_by text NOT NULL REFERENCES accounts(id),
  total int NOT NULL DEFAULT 0 CHECK (total >= 0),
  processed int NOT NULL DEFAULT 0 CHECK (processed >= 0),
  ok int NOT NULL DEFAULT 0 CHECK (ok >= 0),
  bad int NOT NULL DEFAULT 0 CHECK (bad >= 0),
  existing int NOT NULL DEFAULT 0 CHECK (existing >= 0),
  imported int NOT NULL DEFAULT 0 CHECK (imported >= 0),
  unchanged int NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
  errors jsonb NOT NULL DEFAULT '[]'::jsonb,
  errors_truncated boolean NOT NULL DEFAULT false,
  rows_enc text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  validated_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX import_jobs_street_idx ON import_jobs (street_id, created_at DESC, id);
CREATE INDEX import_jobs_creator_idx ON import_jobs (created_by, created_at DESC, id);
