-- PtHub schema, PostgreSQL, step 5: the append-only log of visit events (history, analytics, audit).
-- Rows are only ever inserted. (visit_id, seq) is unique so a visit can safely re-send events it is unsure of.
-- Safe to run any number of times.

CREATE TABLE IF NOT EXISTS pthub_visit_events
(
    event_id     bigserial   NOT NULL,
    clinic_id    text        NOT NULL,
    visit_id     text        NOT NULL,
    seq          integer     NOT NULL,
    occurred_at  timestamptz NOT NULL,
    actor        text        NOT NULL,
    command      text        NOT NULL,
    from_status  text        NULL,
    to_status    text        NOT NULL,
    room_id      text        NULL,
    therapist_id text        NULL,
    detail       text        NULL,
    CONSTRAINT pk_pthub_visit_events PRIMARY KEY (event_id),
    CONSTRAINT uq_pthub_visit_events_visit_seq UNIQUE (visit_id, seq)
);

CREATE INDEX IF NOT EXISTS ix_pthub_visit_events_clinic_time ON pthub_visit_events (clinic_id, occurred_at);
