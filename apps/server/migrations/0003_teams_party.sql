-- 0003 teams and party members: joining a team by application or invitation, team logos, and the
-- in-service party members' "cloud report" (云报到, 双报到) to a residence community and unit.
-- Forward-only. Valid on PostgreSQL 15 and PGlite.

-- A team's name is its brand: unique within a street.
CREATE UNIQUE INDEX teams_street_name_uq ON teams (street_id, name);

-- A volunteer asks to join a team; the leader, a deputy or staff in scope decides.
-- At most one pending application per volunteer and team (the partial unique index).
CREATE TABLE team_applications (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  team_id text NOT NULL REFERENCES teams(id),
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  message text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  reason text,
  decided_by_account_id text REFERENCES accounts(id),
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'rejected' OR reason IS NOT NULL)
);
CREATE UNIQUE INDEX team_applications_pending_uq ON team_applications (team_id, volunteer_id) WHERE status = 'pending';
CREATE INDEX team_applications_team_idx ON team_applications (team_id, status, created_at);
CREATE INDEX team_applications_volunteer_idx ON team_applications (volunteer_id, created_at);

-- A team invites a volunteer; the invited volunteer accepts or declines.
CREATE TABLE team_invitations (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  team_id text NOT NULL REFERENCES teams(id),
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  message text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled')),
  invited_by_account_id text REFERENCES accounts(id),
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX team_invitations_pending_uq ON team_invitations (team_id, volunteer_id) WHERE status = 'pending';
CREATE INDEX team_invitations_team_idx ON team_invitations (team_id, status, created_at);
CREATE INDEX team_invitations_volunteer_idx ON team_invitations (volunteer_id, created_at);

-- A team's logo, kept in the database so PGlite and PostgreSQL behave the same (no file store).
-- teams.logo_path names the current logo (logo_<sha256 prefix>); the image is served at
-- /api/v1/teams/{id}/logo. content_type is the type found from the magic bytes, never the client's.
CREATE TABLE team_logos (
  team_id text PRIMARY KEY REFERENCES teams(id),
  street_id text NOT NULL REFERENCES streets(id),
  content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
  bytes bytea NOT NULL,
  byte_size int NOT NULL CHECK (byte_size > 0 AND byte_size <= 524288),
  sha256 text NOT NULL,
  uploaded_by_account_id text REFERENCES accounts(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);

-- 在职党员双报到 (DOMAIN.md §9, DR-18): a party-member volunteer reports to a residence community
-- and grid and names the employer unit; the community admin confirms or rejects. A newer confirmed
-- report supersedes the older one (one residence community and one unit at a time).
-- prev_* keep the volunteer's party flag and unit before the report, restored on rejection.
CREATE TABLE party_reports (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  community_id text NOT NULL REFERENCES communities(id),
  grid_id text NOT NULL REFERENCES grids(id),
  unit_id text NOT NULL REFERENCES units(id),
  channel text NOT NULL DEFAULT 'cloud' CHECK (channel IN ('cloud', 'offline')),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected', 'superseded')),
  reason text,
  prev_party_member boolean NOT NULL DEFAULT false,
  prev_unit_id text REFERENCES units(id),
  decided_by_account_id text REFERENCES accounts(id),
  decided_at timestamptz,
  reported_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'rejected' OR reason IS NOT NULL)
);
CREATE UNIQUE INDEX party_reports_pending_uq ON party_reports (volunteer_id) WHERE status = 'pending';
CREATE UNIQUE INDEX party_reports_confirmed_uq ON party_reports (volunteer_id) WHERE status = 'confirmed';
CREATE INDEX party_reports_community_idx ON party_reports (community_id, status, reported_at);
CREATE INDEX party_reports_unit_idx ON party_reports (unit_id, status);
CREATE INDEX volunteers_unit_idx ON volunteers (unit_id) WHERE unit_id IS NOT NULL;
