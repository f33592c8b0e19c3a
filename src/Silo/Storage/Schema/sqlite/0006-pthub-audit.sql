-- PtHub schema, SQLite (embedded mode), step 6: the HIPAA audit log (45 CFR 164.312(b)), one hash chain per clinic
-- plus the system chain '_system'. Rows are only ever inserted; each carries the SHA-256 of its fields and of the row
-- before it (AuditHash), so a changed, deleted or reordered row shows when the chains are verified (verify-audit).
-- at is UTC text in the round-trip format ("O", whole microseconds): fixed width, so it sorts in time order.
-- Safe to run any number of times.

CREATE TABLE IF NOT EXISTS pthub_audit
(
    chain      TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    at         TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    role       TEXT    NOT NULL,
    clinic_id  TEXT    NULL,
    patient_id TEXT    NULL,
    action     TEXT    NOT NULL,
    resource   TEXT    NOT NULL,
    outcome    TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    prev_hash  TEXT    NOT NULL,
    hash       TEXT    NOT NULL,
    CONSTRAINT pk_pthub_audit PRIMARY KEY (chain, seq)
) WITHOUT ROWID;

-- "Who saw this patient" and "what did this user do", per clinic or across clinics; and date ranges of a clinic.
CREATE INDEX IF NOT EXISTS ix_pthub_audit_patient ON pthub_audit (patient_id, chain, seq) WHERE patient_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_pthub_audit_user ON pthub_audit (user_id, chain, seq);
CREATE INDEX IF NOT EXISTS ix_pthub_audit_chain_time ON pthub_audit (chain, at);

-- Refuse changes through SQL, so no code path (or slip at a console) can rewrite the log. Whoever can write the file
-- can still drop these; the hash chain is what shows it.
CREATE TRIGGER IF NOT EXISTS trg_pthub_audit_no_update BEFORE UPDATE ON pthub_audit
BEGIN
    SELECT RAISE(ABORT, 'pthub_audit is append-only: UPDATE refused');
END;

CREATE TRIGGER IF NOT EXISTS trg_pthub_audit_no_delete BEFORE DELETE ON pthub_audit
BEGIN
    SELECT RAISE(ABORT, 'pthub_audit is append-only: DELETE refused');
END;
