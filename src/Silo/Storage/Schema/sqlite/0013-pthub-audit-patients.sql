-- PtHub schema, SQLite (embedded mode), step 13: the patients a bulk read disclosed (a board, an export, a feed).
-- One row per patient of an audit entry (pthub_audit's chain and seq); the entry's hash covers the list (format
-- "pthub-audit/2", see AuditHash), so a row added here or removed shows when the chains are verified. A side table
-- rather than a column: the index on patient_id is what makes "who saw this patient's data" find bulk reads.
-- Safe to run any number of times.

CREATE TABLE IF NOT EXISTS pthub_audit_patients
(
    chain      TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    patient_id TEXT    NOT NULL,
    CONSTRAINT pk_pthub_audit_patients PRIMARY KEY (chain, seq, patient_id)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS ix_pthub_audit_patients_patient ON pthub_audit_patients (patient_id, chain, seq);

CREATE TRIGGER IF NOT EXISTS trg_pthub_audit_patients_no_update BEFORE UPDATE ON pthub_audit_patients
BEGIN
    SELECT RAISE(ABORT, 'pthub_audit_patients is append-only: UPDATE refused');
END;

CREATE TRIGGER IF NOT EXISTS trg_pthub_audit_patients_no_delete BEFORE DELETE ON pthub_audit_patients
BEGIN
    SELECT RAISE(ABORT, 'pthub_audit_patients is append-only: DELETE refused');
END;
