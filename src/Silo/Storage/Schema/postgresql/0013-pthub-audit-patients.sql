-- PtHub schema, PostgreSQL, step 13: the patients a bulk read disclosed (a board, an export, a feed).
-- One row per patient of an audit entry (pthub_audit's chain and seq); the entry's hash covers the list (format
-- "pthub-audit/2", see AuditHash), so a row added here or removed shows when the chains are verified. A side table
-- rather than a column: the index on patient_id is what makes "who saw this patient's data" find bulk reads.
-- Safe to run any number of times.

CREATE TABLE IF NOT EXISTS pthub_audit_patients
(
    chain      text   NOT NULL,
    seq        bigint NOT NULL,
    patient_id text   NOT NULL,
    CONSTRAINT pk_pthub_audit_patients PRIMARY KEY (chain, seq, patient_id)
);

CREATE INDEX IF NOT EXISTS ix_pthub_audit_patients_patient ON pthub_audit_patients (patient_id, chain, seq);

-- Append-only like pthub_audit (its function refuses the change; created in step 6).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'pthub_audit_patients'::regclass AND tgname = 'trg_pthub_audit_patients_no_change') THEN
        CREATE TRIGGER trg_pthub_audit_patients_no_change BEFORE UPDATE OR DELETE ON pthub_audit_patients
            FOR EACH ROW EXECUTE FUNCTION pthub_audit_refuse_change();
    ELSIF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'pthub_audit_patients'::regclass AND tgname = 'trg_pthub_audit_patients_no_change' AND tgenabled = 'D') THEN
        ALTER TABLE pthub_audit_patients ENABLE TRIGGER trg_pthub_audit_patients_no_change;
    END IF;

    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'pthub_audit_patients'::regclass AND tgname = 'trg_pthub_audit_patients_no_truncate') THEN
        CREATE TRIGGER trg_pthub_audit_patients_no_truncate BEFORE TRUNCATE ON pthub_audit_patients
            FOR EACH STATEMENT EXECUTE FUNCTION pthub_audit_refuse_change();
    END IF;
END;
$$;
