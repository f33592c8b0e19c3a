-- PtHub schema, SQLite (embedded mode), step 8: the KPI roll-ups (issue 15).
-- pthub_kpi_visits: each visit's KPI facts after its latest event, written in the transaction that appends the
-- event. pthub_kpi_days (a row per clinic, day and therapist: counts and sums only) and pthub_kpi_waits (the
-- day's waits in whole minutes, for medians and percentiles) are derived from the facts of one clinic-day at a
-- time, in the same transaction, so they can always be rebuilt from pthub_kpi_visits (rebuild-kpis).
-- Days are clinic-local 'yyyy-MM-dd'; times are UTC milliseconds; money is in cents. Safe to run any number of times.

CREATE TABLE IF NOT EXISTS pthub_kpi_visits
(
    visit_id          TEXT    NOT NULL PRIMARY KEY,
    clinic_id         TEXT    NOT NULL,
    day               TEXT    NOT NULL,
    patient_id        TEXT    NOT NULL,
    therapist_id      TEXT    NOT NULL,
    visit_type        TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    walk_in           INTEGER NOT NULL,
    late_cancel       INTEGER NOT NULL,
    scheduled_start   INTEGER NOT NULL,
    arrived_at        INTEGER NULL,
    started_at        INTEGER NULL,
    finished_at       INTEGER NULL,
    quoted_wait       INTEGER NULL,
    units             INTEGER NOT NULL,
    allowed_cents     INTEGER NOT NULL,
    copay_cents       INTEGER NULL,
    through_seq       INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_pthub_kpi_visits_clinic_day ON pthub_kpi_visits (clinic_id, day);

CREATE TABLE IF NOT EXISTS pthub_kpi_days
(
    clinic_id           TEXT    NOT NULL,
    day                 TEXT    NOT NULL,
    therapist_id        TEXT    NOT NULL,
    scheduled           INTEGER NOT NULL,
    arrived             INTEGER NOT NULL,
    attended            INTEGER NOT NULL,
    cancelled           INTEGER NOT NULL,
    late_cancelled      INTEGER NOT NULL,
    no_shows            INTEGER NOT NULL,
    left_unseen         INTEGER NOT NULL,
    initial_evaluations INTEGER NOT NULL,
    walk_ins            INTEGER NOT NULL,
    waits_measured      INTEGER NOT NULL,
    wait_seconds        INTEGER NOT NULL,
    seen_within_15      INTEGER NOT NULL,
    on_time_eligible    INTEGER NOT NULL,
    on_time_starts      INTEGER NOT NULL,
    quotes              INTEGER NOT NULL,
    quote_error_seconds INTEGER NOT NULL,
    units               INTEGER NOT NULL,
    billed_visits       INTEGER NOT NULL,
    allowed_cents       INTEGER NOT NULL,
    copays_collected    INTEGER NOT NULL,
    copay_cents         INTEGER NOT NULL,
    treating_seconds    INTEGER NOT NULL,
    PRIMARY KEY (clinic_id, day, therapist_id)
);

CREATE TABLE IF NOT EXISTS pthub_kpi_waits
(
    clinic_id    TEXT    NOT NULL,
    day          TEXT    NOT NULL,
    therapist_id TEXT    NOT NULL,
    wait_minutes INTEGER NOT NULL,
    visits       INTEGER NOT NULL,
    PRIMARY KEY (clinic_id, day, therapist_id, wait_minutes)
);
