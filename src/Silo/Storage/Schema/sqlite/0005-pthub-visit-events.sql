-- PtHub schema, SQLite (embedded mode), step 5: the append-only log of visit events (history, analytics, audit).
-- occurred_at is UTC text in the round-trip format ("O", e.g. 2026-03-01T09:30:00.0000000Z): fixed width, so it
-- sorts and compares in time order. Rows are only ever inserted. Safe to run any number of times.

CREATE TABLE IF NOT EXISTS pthub_visit_events
(
    event_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    clinic_id    TEXT    NOT NULL,
    visit_id     TEXT    NOT NULL,
    seq          INTEGER NOT NULL,
    occurred_at  TEXT    NOT NULL,
    actor        TEXT    NOT NULL,
    command      TEXT    NOT NULL,
    from_status  TEXT    NULL,
    to_status    TEXT    NOT NULL,
    room_id      TEXT    NULL,
    therapist_id TEXT    NULL,
    detail       TEXT    NULL,
    CONSTRAINT uq_pthub_visit_events_visit_seq UNIQUE (visit_id, seq)
);

CREATE INDEX IF NOT EXISTS ix_pthub_visit_events_clinic_time ON pthub_visit_events (clinic_id, occurred_at);
