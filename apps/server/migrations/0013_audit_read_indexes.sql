-- 0013 the audit-log screen reads newest first: the street's audit rows by time, and the ledger's
-- movements (view ledger_audit, ordered by the entry's created_at) by time, so a page is an index walk
-- instead of a sort of the street's whole history. Forward-only. Valid on PostgreSQL 15 and PGlite.
CREATE INDEX audit_log_street_at_idx ON audit_log (street_id, at DESC, id DESC);
CREATE INDEX ledger_entries_created_idx ON ledger_entries (created_at DESC, id DESC);
