-- PtHub schema, PostgreSQL, step 8: the KPI roll-ups (issue 15).
-- pthub_kpi_visits: each visit's KPI facts after its latest event, written in the transaction that appends the
-- event. pthub_kpi_days (a row per clinic, day and therapist: counts and sums only) and pthub_kpi_waits (the
-- day's waits in whole minutes, for medians and percentiles) are derived from the facts of one clinic-day at a
-- time, in the same transaction, so they can always be rebuilt from pthub_kpi_visits (rebuild-kpis).
-- Days are clinic-local 'yyyy-MM-dd'; times are UTC milliseconds; money is in cents. Safe to run any number of times.

CREATE TABLE IF NOT EXISTS pthub_kpi_visits
(
    visit_id          text    NOT NULL PRIMARY KEY,
    clinic_id         text    NOT NULL,
    day               text    NOT NULL,
    patient_id        text    NOT NULL,
    therapist_id      text    NOT NULL,
    visit_type        text    NOT NULL,
    status            text    NOT NULL,
    walk_in           bigint  NOT NULL,
    late_cancel       bigint  NOT NULL,
    scheduled_start   bigint  NOT NULL,
    arrived_at        bigint  NULL,
    started_at        bigint  NULL,
    finished_at       bigint  NULL,
    quoted_wait       bigint  NULL,
    units             bigint  NOT NULL,
    allowed_cents     bigint  NOT NULL,
    copay_cents       bigint  NULL,
    through_seq       bigint  NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_pthub_kpi_visits_clinic_day ON pthub_kpi_visits (clinic_id, day);

CREATE TABLE IF NOT EXISTS pthub_kpi_days
(
    clinic_id           text    NOT NULL,
    day                 text    NOT NULL,
    therapist_id        text    NOT NULL,
    scheduled           bigint  NOT NULL,
    arrived             bigint  NOT NULL,
    attended            bigint  NOT NULL,
    cancelled           bigint  NOT NULL,
    late_cancelled      bigint  NOT NULL,
    no_shows            bigint  NOT NULL,
    left_unseen         bigint  NOT NULL,
    initial_evaluations bigint  NOT NULL,
    walk_ins            bigint  NOT NULL,
    waits_measured      bigint  NOT NULL,
    wait_seconds        bigint  NOT NULL,
    seen_within_15      bigint  NOT NULL,
    on_time_eligible    bigint  NOT NULL,
    on_time_starts      bigint  NOT NULL,
    quotes              bigint  NOT NULL,
    quote_error_seconds bigint  NOT NULL,
    units               bigint  NOT NULL,
    billed_visits       bigint  NOT NULL,
    allowed_cents       bigint  NOT NULL,
    copays_collected    bigint  NOT NULL,
    copay_cents         bigint  NOT NULL,
    treating_seconds    bigint  NOT NULL,
    PRIMARY KEY (clinic_id, day, therapist_id)
);

CREATE TABLE IF NOT EXISTS pthub_kpi_waits
(
    clinic_id    text    NOT NULL,
    day          text    NOT NULL,
    therapist_id text    NOT NULL,
    wait_minutes bigint  NOT NULL,
    visits       bigint  NOT NULL,
    PRIMARY KEY (clinic_id, day, therapist_id, wait_minutes)
);
