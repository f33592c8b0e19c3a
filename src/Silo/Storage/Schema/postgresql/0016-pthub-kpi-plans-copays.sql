-- PtHub schema, PostgreSQL, step 16: plans of care and the copay due in the KPI roll-ups (issue 15).
-- Beside the tables of steps 8 and 15, so the step stays safe to run any number of times on every database:
-- pthub_kpi_visit_terms holds what a visit's facts say of its plan of care (its id, the therapist it names, its first and
-- last day, its visits a week) and the copay due recorded at arrival, from the same facts and sequence as
-- pthub_kpi_visits (no row, or nulls: no plan, no copay due known); pthub_kpi_day_copays the attended visits' copays
-- due and collected per clinic, day and therapist; pthub_kpi_plan_days a row per clinic, day and plan with the plan's
-- terms, its visits booked (not cancelled) and attended. Both are recomputed with the day's other rows.

CREATE TABLE IF NOT EXISTS pthub_kpi_visit_terms
(
    visit_id          text NOT NULL PRIMARY KEY,
    plan_id           text NULL,
    plan_therapist_id text NULL,
    plan_start        text NULL,
    plan_end          text NULL,
    plan_per_week     bigint NULL,
    copay_due_cents   bigint NULL,
    through_seq       bigint NOT NULL
);

CREATE TABLE IF NOT EXISTS pthub_kpi_day_copays
(
    clinic_id                 text NOT NULL,
    day                       text NOT NULL,
    therapist_id              text NOT NULL,
    copays_due                bigint NOT NULL,
    copay_due_cents           bigint NOT NULL,
    copays_due_collected      bigint NOT NULL,
    copay_due_collected_cents bigint NOT NULL,
    PRIMARY KEY (clinic_id, day, therapist_id)
);

CREATE TABLE IF NOT EXISTS pthub_kpi_plan_days
(
    clinic_id     text NOT NULL,
    day           text NOT NULL,
    plan_id       text NOT NULL,
    therapist_id  text NOT NULL,
    plan_start    text NOT NULL,
    plan_end      text NOT NULL,
    plan_per_week bigint NOT NULL,
    booked        bigint NOT NULL,
    attended      bigint NOT NULL,
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
    clinic_id text NOT NULL,
    day       text NOT NULL,
    PRIMARY KEY (clinic_id, day)
);

CREATE TABLE IF NOT EXISTS pthub_kpi_day_working
(
    clinic_id       text NOT NULL,
    day             text NOT NULL,
    therapist_id    text NOT NULL,
    working_seconds bigint NOT NULL,
    PRIMARY KEY (clinic_id, day, therapist_id)
);
