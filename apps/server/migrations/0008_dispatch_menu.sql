-- 0008 dispatch and menu: the managed service menu (项目清单: description, per-community switch,
-- the teams that provide each item = 资源清单), offers of a demand to volunteers (DR-16: nobody is
-- force-assigned; volunteers accept or decline), batch dispatch plans (an accepted or edited
-- suggestion) and no-shows (they lower the reliability score).
-- Forward-only. Valid on PostgreSQL 15 and PGlite. Every table carries street_id.

ALTER TABLE service_items ADD COLUMN description text;
ALTER TABLE service_items ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Which teams provide an item (资源清单). A community admin manages the rows of their community's teams.
CREATE TABLE service_item_teams (
  street_id text NOT NULL REFERENCES streets(id),
  service_item_id text NOT NULL,
  team_id text NOT NULL REFERENCES teams(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (street_id, service_item_id, team_id),
  FOREIGN KEY (street_id, service_item_id) REFERENCES service_items(street_id, id)
);
CREATE INDEX service_item_teams_team_idx ON service_item_teams (team_id);

-- An item a community switched off for itself (the street menu stays as it is for the others).
CREATE TABLE service_item_community_off (
  street_id text NOT NULL REFERENCES streets(id),
  service_item_id text NOT NULL,
  community_id text NOT NULL REFERENCES communities(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (street_id, service_item_id, community_id),
  FOREIGN KEY (street_id, service_item_id) REFERENCES service_items(street_id, id)
);

-- An accepted (or edited) batch suggestion (POST /dispatch-plans): who applied it, for which scope.
CREATE TABLE dispatch_plans (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  created_by_account_id text NOT NULL REFERENCES accounts(id),
  community_id text REFERENCES communities(id),
  team_id text REFERENCES teams(id),
  demand_count int NOT NULL CHECK (demand_count >= 0),
  offer_count int NOT NULL CHECK (offer_count >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A demand offered to one volunteer (DR-16). At most one open offer per demand and volunteer.
-- offered → accepted (they accepted the demand) | declined (with an optional reason) |
-- expired (not answered in time, escalation job) | withdrawn (filled, cancelled, no longer theirs).
CREATE TABLE demand_offers (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  demand_id text NOT NULL REFERENCES demands(id),
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  team_id text NOT NULL REFERENCES teams(id),
  status text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'accepted', 'declined', 'expired', 'withdrawn')),
  plan_id text REFERENCES dispatch_plans(id),
  offered_by_account_id text REFERENCES accounts(id),
  decline_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz
);
CREATE UNIQUE INDEX demand_offers_open_uq ON demand_offers (demand_id, volunteer_id) WHERE status = 'offered';
CREATE INDEX demand_offers_volunteer_idx ON demand_offers (volunteer_id, status, created_at DESC);
CREATE INDEX demand_offers_demand_idx ON demand_offers (demand_id, status);
CREATE INDEX demand_offers_open_created_idx ON demand_offers (created_at) WHERE status = 'offered';

-- A volunteer who accepted and did not come (recorded by the team leader or the community).
CREATE TABLE volunteer_no_shows (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  demand_id text NOT NULL REFERENCES demands(id),
  volunteer_id text NOT NULL REFERENCES volunteers(id),
  recorded_by_account_id text NOT NULL REFERENCES accounts(id),
  note text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX volunteer_no_shows_street_idx ON volunteer_no_shows (street_id, at);
CREATE INDEX volunteer_no_shows_volunteer_idx ON volunteer_no_shows (volunteer_id, at);
