-- PtHub schema, SQLite (embedded mode), step 16: plans of care and the copay due in the KPI roll-ups (issue 15).
-- Beside the tables of steps 8 and 15, so the step stays safe to run any number of times on every database:
-- pthub_kpi_visit_terms holds what a visit's facts say of its plan of care (its id, the therapist it names, its first and
-- last day, its visits a week) and the copay due recorded at arrival, from the same facts and sequence as
-- pthub_kpi_visits (no row, or nulls: no plan, no copay due known); pthub_kpi_day_copays the attended visits' copays
-- due and collected per clinic, day and therapist; pthub_kpi_plan_days a row per clinic, day and plan with the plan's
-- terms, its visits booked (not cancelled) and attended. Both are recomputed with the day's other rows.

CREATE TABLE IF NOT EXISTS pthub_kpi_visit_terms
(
    visit_id          TEXT NOT NULL PRIMARY KEY,
    plan_id           TEXT NULL,
    plan_therapist_id TEXT NULL,
    plan_start        TEXT NULL,
    plan_end          TEXT NULL,
    plan_per_week     INTEGER NULL,
    copay_due_cents   INTEGER NULL,
    through_seq       INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS pthub_kpi_day_copays
(
    clinic_id                 TEXT NOT NULL,
    day                       TEXT NOT NULL,
    therapist_id              TEXT NOT NULL,
    copays_due                INTEGER NOT NULL,
    copay_due_cents           INTEGER NOT NULL,
    copays_due_collected      INTEGER NOT NULL,
    copay_due_collected_cents INTEGER NOT NULL,
    PRIMARY KEY (clinic_id, day, therapist_id)
);

CREATE TABLE IF NOT EXISTS pthub_kpi_plan_days
(
    clinic_id     TEXT NOT NULL,
    day           TEXT NOT NULL,
    plan_id       TEXT NOT NULL,
    therapist_id  TEXT NOT NULL,
    plan_start    TEXT NOT NULL,
    plan_end      TEXT NOT NULL,
    plan_per_week INTEGER NOT NULL,
    booked        INTEGER NOT NULL,
    attended      INTEGER NOT NULL,
    PRIMARY KEY (clinic_id, day, plan_id)
);

-- A range's plans are those of its clinics ending on or after its first day and starting by its last.
CREATE INDEX IF NOT EXISTS ix_pthub_kpi_plan_days_clinic_end ON pthub_kpi_plan_days (clinic_id, plan_end, plan_start);

-- Working time frozen once a day is past (KpiWorkingTime): before a clinic's configuration changes, each past day of its
-- roll-up not yet frozen gets a row in pthub_kpi_working_days and its therapists' working seconds under the hours then in
-- force in pthub_kpi_day_working, so a later change of hours no longer re-states those days. Configuration, not events:
-- a rebuild leaves these tables be.
CREATE TABLE IF NOT EXISTS pthub_kpi_working_days
(
    clinic_id TEXT NOT NULL,
    day       TEXT NOT NULL,
    PRIMARY KEY (clinic_id, day)
);

CREATE TABLE IF NOT EXISTS pthub_kpi_day_working
(
    clinic_id       TEXT NOT NULL,
    day             TEXT NOT NULL,
    therapist_id    TEXT NOT NULL,
    working_seconds INTEGER NOT NULL,
    PRIMARY KEY (clinic_id, day, therapist_id)
);
