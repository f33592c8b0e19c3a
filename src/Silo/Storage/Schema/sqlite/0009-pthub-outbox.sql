-- PtHub schema, SQLite (embedded mode), step 9: the durable outbox of patient messages.
-- A message is stored here before anything is sent (pthub_outbox, key: its idempotency key, so planning the same
-- reminder twice stores it once). The sender claims due rows by setting a lease (lease_owner, lease_until) in one
-- UPDATE under the node's write gate (the embedded mode has one node, one writer); a lease that runs out (the node
-- died between sending and recording) makes the row due again, and the retry carries the same idempotency key.
-- Every attempt is a row of pthub_outbox_attempts. Times are Unix milliseconds (UTC). Safe to run any number of times.

CREATE TABLE IF NOT EXISTS pthub_outbox
(
    message_key     TEXT    NOT NULL PRIMARY KEY,
    clinic_id       TEXT    NOT NULL,
    patient_id      TEXT    NOT NULL,
    visit_id        TEXT,
    channel         TEXT    NOT NULL,
    template        TEXT    NOT NULL,
    merge_data      TEXT    NOT NULL,
    due_at          INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_owner     TEXT,
    lease_until     INTEGER,
    last_error      TEXT,
    recipient       TEXT,
    created_at      INTEGER NOT NULL,
    finished_at     INTEGER,
    caused_by       TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_pthub_outbox_due ON pthub_outbox (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS ix_pthub_outbox_clinic ON pthub_outbox (clinic_id, status, due_at);
CREATE INDEX IF NOT EXISTS ix_pthub_outbox_patient ON pthub_outbox (clinic_id, patient_id, due_at);
CREATE INDEX IF NOT EXISTS ix_pthub_outbox_visit ON pthub_outbox (visit_id, status);

CREATE TABLE IF NOT EXISTS pthub_outbox_attempts
(
    message_key TEXT    NOT NULL,
    attempt     INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    node        TEXT    NOT NULL,
    outcome     TEXT    NOT NULL,
    detail      TEXT,
    PRIMARY KEY (message_key, attempt)
);
