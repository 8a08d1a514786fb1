-- 0009 hours that count (issue 5): the double-entry ledger (points and time-bank coins), point rules,
-- service-record verification, corrections / zeroing / appeals, family relations and time-bank
-- withdrawals. Forward-only. Valid on PostgreSQL 15 and PGlite.

-- An account holds one currency for one owner: a person ('person') or the street ('issuing',
-- 'rewards_sink', 'donation_pool', 'escrow'). `floor` is 0 for every account except the issuing
-- account (NULL: may go negative, it is where value comes from). `balance` is a cache of the sum of
-- the account's entries, updated in the same transaction as the entries.
CREATE TABLE ledger_accounts (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  owner_kind text NOT NULL CHECK (owner_kind IN ('person', 'system')),
  owner_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('person', 'issuing', 'rewards_sink', 'donation_pool', 'escrow')),
  currency text NOT NULL CHECK (currency IN ('points', 'time_bank')),
  floor bigint,
  balance bigint NOT NULL DEFAULT 0,
  version int NOT NULL DEFAULT 1,
  -- The hash of the account's newest entry ('genesis' before the first): the head of its chain.
  last_hash text NOT NULL DEFAULT 'genesis',
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((owner_kind = 'person') = (kind = 'person')),
  CHECK ((kind = 'issuing') = (floor IS NULL)),
  CHECK (floor IS NULL OR balance >= floor),
  UNIQUE (street_id, kind, owner_id, currency)
);

-- One movement of value. The idempotency key is unique per street: the same key never moves value twice.
-- A reversal points at the transfer it undoes; a transfer is reversed at most once.
CREATE TABLE ledger_transfers (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  idempotency_key text NOT NULL,
  from_account_id text NOT NULL REFERENCES ledger_accounts(id),
  to_account_id text NOT NULL REFERENCES ledger_accounts(id),
  amount bigint NOT NULL CHECK (amount > 0),
  currency text NOT NULL CHECK (currency IN ('points', 'time_bank')),
  kind text NOT NULL,
  ref_type text,
  ref_id text,
  memo text,
  actor_account_id text REFERENCES accounts(id),
  reverses_transfer_id text UNIQUE REFERENCES ledger_transfers(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_account_id <> to_account_id),
  UNIQUE (street_id, idempotency_key)
);
CREATE INDEX ledger_transfers_ref_idx ON ledger_transfers (ref_type, ref_id);

-- Append-only: two entries per transfer (-amount on the source, +amount on the destination).
-- The ledger is its own audit log (DR-23) for value movements: each entry is chained per ACCOUNT —
-- `hash` = sha256 of the canonical JSON [prev_hash, account_id, delta, balance_after, transfer_id,
-- street_id, idempotency_key, from_account_id, to_account_id, amount, currency, kind, ref_type,
-- ref_id, memo, actor_account_id, reverses_transfer_id, created_at (ISO, ms)] and `prev_hash` is the
-- hash of the account's previous entry ('genesis' for the first); the JSON text is json_build_array's
-- (values joined by ', '). Old value = balance_after - delta,
-- new value = balance_after, actor, time and reason (memo) are all in the hash; editing, inserting or
-- deleting a row breaks the account's chain (modules/ledger/chain.ts verifyLedgerChain).
CREATE TABLE ledger_entries (
  id bigserial PRIMARY KEY,
  account_id text NOT NULL REFERENCES ledger_accounts(id),
  transfer_id text NOT NULL REFERENCES ledger_transfers(id),
  delta bigint NOT NULL CHECK (delta <> 0),
  balance_after bigint NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_entries_account_idx ON ledger_entries (account_id, id DESC);
CREATE INDEX ledger_entries_transfer_idx ON ledger_entries (transfer_id);

-- Entries and transfers are never edited or deleted: a mistake is undone by a reversal.
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger rows are append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'raise_exception';
END;
$$;
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_transfers_append_only BEFORE UPDATE OR DELETE ON ledger_transfers
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

-- One transfer in one round trip (modules/ledger/transfer.service.ts calls it inside the caller's
-- transaction). It locks only the two accounts, in id order: transfers that share no account run in
-- parallel; nothing street-wide is locked (the audit log's chain is not touched: the entries are the
-- audit of the movement, chained per account under the account's row lock). Answers one of: posted,
-- replayed, key_reused, insufficient, not_found, currency, already_reversed. Each statement sees rows
-- committed meanwhile (READ COMMITTED).
CREATE FUNCTION ledger_post(
  p_transfer_id text, p_street text, p_key text, p_from text, p_to text, p_amount bigint, p_currency text,
  p_kind text, p_ref_type text, p_ref_id text, p_memo text, p_actor text, p_reverses text
) RETURNS TABLE (outcome text, transfer_id text) LANGUAGE plpgsql AS $$
DECLARE
  r ledger_accounts%ROWTYPE;
  v_from ledger_accounts%ROWTYPE;
  v_to ledger_accounts%ROWTYPE;
  v_prior ledger_transfers%ROWTYPE;
  v_refusal text;
  v_rows int;
  v_at timestamptz;
  v_at_text text;
  v_from_after bigint;
  v_to_after bigint;
  v_from_hash text;
  v_to_hash text;
BEGIN
  FOR r IN SELECT * FROM ledger_accounts l WHERE l.id IN (p_from, p_to) ORDER BY l.id FOR UPDATE LOOP
    IF r.id = p_from THEN v_from := r; ELSE v_to := r; END IF;
  END LOOP;
  IF v_from.id IS NULL OR v_to.id IS NULL OR v_from.street_id <> p_street OR v_to.street_id <> p_street THEN
    RETURN QUERY SELECT 'not_found'::text, NULL::text; RETURN;
  END IF;
  IF v_from.currency <> p_currency OR v_to.currency <> p_currency THEN
    RETURN QUERY SELECT 'currency'::text, NULL::text; RETURN;
  END IF;
  IF p_reverses IS NOT NULL AND EXISTS (SELECT 1 FROM ledger_transfers t WHERE t.reverses_transfer_id = p_reverses) THEN
    v_refusal := 'already_reversed';
  ELSIF v_from.floor IS NOT NULL AND v_from.balance - p_amount < v_from.floor THEN
    v_refusal := 'insufficient';
  END IF;
  IF v_refusal IS NULL THEN
    v_at := date_trunc('milliseconds', clock_timestamp());
    INSERT INTO ledger_transfers (id, street_id, idempotency_key, from_account_id, to_account_id, amount, currency, kind, ref_type, ref_id, memo, actor_account_id, reverses_transfer_id, created_at)
    VALUES (p_transfer_id, p_street, p_key, p_from, p_to, p_amount, p_currency, p_kind, p_ref_type, p_ref_id, p_memo, p_actor, p_reverses, v_at)
    ON CONFLICT (street_id, idempotency_key) DO NOTHING;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
  END IF;
  IF v_refusal IS NOT NULL OR v_rows <> 1 THEN
    -- The key was used before (a retry answers as its replay, even when the balance has moved on
    -- since), or this is a refusal.
    SELECT * INTO v_prior FROM ledger_transfers t WHERE t.street_id = p_street AND t.idempotency_key = p_key;
    IF v_prior.id IS NOT NULL THEN
      IF v_prior.from_account_id = p_from AND v_prior.to_account_id = p_to AND v_prior.amount = p_amount AND v_prior.currency = p_currency
         AND v_prior.kind = p_kind AND v_prior.ref_type IS NOT DISTINCT FROM p_ref_type AND v_prior.ref_id IS NOT DISTINCT FROM p_ref_id
         AND v_prior.reverses_transfer_id IS NOT DISTINCT FROM p_reverses THEN
        RETURN QUERY SELECT 'replayed'::text, v_prior.id; RETURN;
      END IF;
      RETURN QUERY SELECT 'key_reused'::text, v_prior.id; RETURN;
    END IF;
    RETURN QUERY SELECT coalesce(v_refusal, 'key_reused'), NULL::text; RETURN;
  END IF;
  v_from_after := v_from.balance - p_amount;
  v_to_after := v_to.balance + p_amount;
  -- Each entry's hash: sha256 of json_build_array(prev_hash, account, delta, balance_after, transfer
  -- fields…, time) as text (chain.ts builds the same text: JSON values joined by ', ').
  v_at_text := to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  v_from_hash := encode(sha256(convert_to(json_build_array(v_from.last_hash, p_from, -p_amount, v_from_after, p_transfer_id, p_street, p_key,
    p_from, p_to, p_amount, p_currency, p_kind, p_ref_type, p_ref_id, p_memo, p_actor, p_reverses, v_at_text)::text, 'UTF8')), 'hex');
  v_to_hash := encode(sha256(convert_to(json_build_array(v_to.last_hash, p_to, p_amount, v_to_after, p_transfer_id, p_street, p_key,
    p_from, p_to, p_amount, p_currency, p_kind, p_ref_type, p_ref_id, p_memo, p_actor, p_reverses, v_at_text)::text, 'UTF8')), 'hex');
  UPDATE ledger_accounts l
     SET balance = CASE WHEN l.id = p_from THEN v_from_after ELSE v_to_after END,
         last_hash = CASE WHEN l.id = p_from THEN v_from_hash ELSE v_to_hash END,
         version = l.version + 1
   WHERE l.id IN (p_from, p_to);
  INSERT INTO ledger_entries (account_id, transfer_id, delta, balance_after, prev_hash, hash, created_at)
  VALUES (p_from, p_transfer_id, -p_amount, v_from_after, v_from.last_hash, v_from_hash, v_at),
         (p_to, p_transfer_id, p_amount, v_to_after, v_to.last_hash, v_to_hash, v_at);
  RETURN QUERY SELECT 'posted'::text, p_transfer_id;
END;
$$;

-- The ledger's movements shaped like audit_log rows, for the audit screens to show them alongside
-- the general audit log (which no longer gets a row per transfer): one row per entry, old and new
-- balance, actor, time, reason, and the entry's chain hashes.
CREATE VIEW ledger_audit AS
SELECT e.id, t.street_id, t.actor_account_id,
       CASE WHEN t.reverses_transfer_id IS NULL THEN 'ledger.transfer' ELSE 'ledger.reversal' END AS action,
       'ledger_account'::text AS entity_type, e.account_id AS entity_id,
       e.balance_after - e.delta AS old_value, e.balance_after AS new_value,
       coalesce(t.memo, t.kind) AS reason, e.created_at AS at, e.transfer_id, t.kind, e.delta, e.prev_hash, e.hash
  FROM ledger_entries e JOIN ledger_transfers t ON t.id = e.transfer_id;

-- The street's rules for points, time-bank coins and star eligibility (one row per street; defaults
-- apply when there is none). Time-bank coins are coin-minutes: 60 per verified hour by default.
CREATE TABLE point_rules (
  street_id text PRIMARY KEY REFERENCES streets(id),
  points_per_hour int NOT NULL DEFAULT 10 CHECK (points_per_hour BETWEEN 0 AND 1000),
  focus_group_bonus_per_hour int NOT NULL DEFAULT 5 CHECK (focus_group_bonus_per_hour BETWEEN 0 AND 1000),
  party_community_bonus_per_hour int NOT NULL DEFAULT 10 CHECK (party_community_bonus_per_hour BETWEEN 0 AND 1000),
  coin_minutes_per_hour int NOT NULL DEFAULT 60 CHECK (coin_minutes_per_hour BETWEEN 0 AND 600),
  deposit_cap_hours int NOT NULL DEFAULT 1500 CHECK (deposit_cap_hours BETWEEN 0 AND 100000),
  withdraw_min_age int NOT NULL DEFAULT 60 CHECK (withdraw_min_age BETWEEN 0 AND 120),
  withdrawal_timeout_days int NOT NULL DEFAULT 14 CHECK (withdrawal_timeout_days BETWEEN 1 AND 365),
  correction_deadline_working_days int NOT NULL DEFAULT 10 CHECK (correction_deadline_working_days BETWEEN 1 AND 60),
  star_thresholds_hours int[] NOT NULL DEFAULT '{100,300,600,1000,1500}',
  updated_by_account_id text REFERENCES accounts(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (cardinality(star_thresholds_hours) = 5)
);

-- Service records: who created and decided them, what was credited (points, coins, the part of the
-- coins above the deposit cap; credit_seq numbers each crediting, which names its ledger keys), complaint
-- zeroing and its appeal. A zeroed record keeps status
-- 'verified' with credited_minutes 0; its old value lives in service_record_corrections.
ALTER TABLE service_records DROP CONSTRAINT service_records_credited_minutes_check;
-- 0 after a zeroing; an 导入 record may carry the hours from before the platform in one row.
ALTER TABLE service_records ADD CONSTRAINT service_records_credited_minutes_check
  CHECK (credited_minutes BETWEEN 0 AND 1440 OR (source = 'import' AND credited_minutes > 0));
ALTER TABLE service_records
  ADD COLUMN created_by_account_id text REFERENCES accounts(id),
  ADD COLUMN decided_by_account_id text REFERENCES accounts(id),
  ADD COLUMN decision_reason text,
  ADD COLUMN points_credited int NOT NULL DEFAULT 0,
  ADD COLUMN coins_deposited int NOT NULL DEFAULT 0,
  ADD COLUMN coins_over_cap int NOT NULL DEFAULT 0,
  ADD COLUMN credit_seq int NOT NULL DEFAULT 0,
  ADD COLUMN zeroed_at timestamptz,
  ADD COLUMN version int NOT NULL DEFAULT 1;
CREATE INDEX service_records_queue_idx ON service_records (street_id, status, created_at DESC, id DESC);

-- Corrections (DR-08, requested by the volunteer), complaint zeroing (DR-06, by staff) and appeals
-- against a zeroing (by the volunteer). The old and new credited minutes are kept.
CREATE TABLE service_record_corrections (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  record_id text NOT NULL REFERENCES service_records(id),
  kind text NOT NULL CHECK (kind IN ('correction', 'zeroing', 'appeal')),
  requested_by_account_id text NOT NULL REFERENCES accounts(id),
  old_minutes int NOT NULL,
  requested_minutes int,
  new_minutes int,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected', 'applied')),
  resolution_reason text,
  resolved_by_account_id text REFERENCES accounts(id),
  resolved_at timestamptz,
  due_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'rejected' OR resolution_reason IS NOT NULL)
);
CREATE INDEX service_record_corrections_record_idx ON service_record_corrections (record_id, created_at DESC);
CREATE INDEX service_record_corrections_queue_idx ON service_record_corrections (street_id, status, created_at DESC);
CREATE UNIQUE INDEX service_record_corrections_pending_uq ON service_record_corrections (record_id) WHERE status = 'pending';

-- Registered relations (DR-13): a time-bank transfer goes only to a relative recorded here, living in
-- the same household. Recorded by community staff.
CREATE TABLE family_relations (
  street_id text NOT NULL REFERENCES streets(id),
  person_id text NOT NULL REFERENCES persons(id),
  relative_person_id text NOT NULL REFERENCES persons(id),
  relation text NOT NULL CHECK (relation IN ('spouse', 'parent', 'child', 'grandparent', 'grandchild', 'sibling')),
  recorded_by_account_id text REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, relative_person_id),
  CHECK (person_id <> relative_person_id)
);

-- Time-bank withdrawals (DR-13): the holder's coins are frozen in escrow, a demand is created for the
-- beneficiary, the coins go to the serving volunteer on the recipient's confirmation or back to the
-- holder when nobody confirms before `expires_at`.
CREATE TABLE time_bank_withdrawals (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  holder_person_id text NOT NULL REFERENCES persons(id),
  beneficiary_person_id text NOT NULL REFERENCES persons(id),
  requested_by_account_id text NOT NULL REFERENCES accounts(id),
  minutes int NOT NULL CHECK (minutes BETWEEN 1 AND 6000),
  service_item_id text NOT NULL,
  description text NOT NULL,
  demand_id text REFERENCES demands(id),
  status text NOT NULL DEFAULT 'escrowed' CHECK (status IN ('escrowed', 'released', 'refunded')),
  escrow_transfer_id text NOT NULL REFERENCES ledger_transfers(id),
  settle_transfer_id text REFERENCES ledger_transfers(id),
  serving_volunteer_id text REFERENCES volunteers(id),
  expires_at timestamptz NOT NULL,
  settled_at timestamptz,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX time_bank_withdrawals_holder_idx ON time_bank_withdrawals (holder_person_id, created_at DESC);
CREATE INDEX time_bank_withdrawals_due_idx ON time_bank_withdrawals (status, expires_at);
