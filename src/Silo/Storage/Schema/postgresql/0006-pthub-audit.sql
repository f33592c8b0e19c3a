-- PtHub schema, PostgreSQL, step 6: the HIPAA audit log (45 CFR 164.312(b)), one hash chain per clinic plus the
-- system chain '_system'. Rows are only ever inserted; each carries the SHA-256 of its fields and of the row before it
-- (AuditHash), so a changed, deleted or reordered row shows when the chains are verified (verify-audit).
-- (chain, seq) is the key: two writers of the same chain cannot both append sequence N, so the chain never forks.
-- Safe to run any number of times.

CREATE TABLE IF NOT EXISTS pthub_audit
(
    chain      text        NOT NULL,
    seq        bigint      NOT NULL,
    at         timestamptz NOT NULL,
    user_id    text        NOT NULL,
    role       text        NOT NULL,
    clinic_id  text        NULL,
    patient_id text        NULL,
    action     text        NOT NULL,
    resource   text        NOT NULL,
    outcome    text        NOT NULL,
    source     text        NOT NULL,
    prev_hash  text        NOT NULL,
    hash       text        NOT NULL,
    CONSTRAINT pk_pthub_audit PRIMARY KEY (chain, seq)
);

-- "Who saw this patient" and "what did this user do", per clinic or across clinics; and date ranges of a clinic.
CREATE INDEX IF NOT EXISTS ix_pthub_audit_patient ON pthub_audit (patient_id, chain, seq) WHERE patient_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_pthub_audit_user ON pthub_audit (user_id, chain, seq);
CREATE INDEX IF NOT EXISTS ix_pthub_audit_chain_time ON pthub_audit (chain, at);

-- Append-only in the database too: UPDATE, DELETE and TRUNCATE are refused for every role, the application's
-- included. A superuser or the table's owner can still get past this (drop or disable the triggers, or
-- SET session_replication_role = replica) and change rows; the hash chain is what makes that visible.
CREATE OR REPLACE FUNCTION pthub_audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'pthub_audit is append-only: % refused', TG_OP;
END;
$$;

-- Created when missing and re-enabled when someone disabled them; left alone otherwise, so a start does not take
-- the table lock that dropping and re-creating a trigger needs while other nodes append.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'pthub_audit'::regclass AND tgname = 'trg_pthub_audit_no_change') THEN
        CREATE TRIGGER trg_pthub_audit_no_change BEFORE UPDATE OR DELETE ON pthub_audit
            FOR EACH ROW EXECUTE FUNCTION pthub_audit_refuse_change();
    ELSIF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'pthub_audit'::regclass AND tgname = 'trg_pthub_audit_no_change' AND tgenabled = 'D') THEN
        ALTER TABLE pthub_audit ENABLE TRIGGER trg_pthub_audit_no_change;
    END IF;

    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'pthub_audit'::regclass AND tgname = 'trg_pthub_audit_no_truncate') THEN
        CREATE TRIGGER trg_pthub_audit_no_truncate BEFORE TRUNCATE ON pthub_audit
            FOR EACH STATEMENT EXECUTE FUNCTION pthub_audit_refuse_change();
    ELSIF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'pthub_audit'::regclass AND tgname = 'trg_pthub_audit_no_truncate' AND tgenabled = 'D') THEN
        ALTER TABLE pthub_audit ENABLE TRIGGER trg_pthub_audit_no_truncate;
    END IF;
END;
$$;
