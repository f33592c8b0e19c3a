-- PtHub schema, SQLite (embedded mode), step 15: space occupancy in the KPI roll-ups (issue 15, space utilization).
-- Beside the tables of step 8 rather than new columns of them, so the step stays safe to run any number of times on
-- every database: pthub_kpi_visit_stays holds each visit's seconds in a treatment space (its closed stays, from the
-- same facts and sequence as pthub_kpi_visits), pthub_kpi_day_spaces their sum per clinic, day and therapist,
-- recomputed with the day's other rows. A visit or day without a row here occupied no space.

CREATE TABLE IF NOT EXISTS pthub_kpi_visit_stays
(
    visit_id     TEXT NOT NULL PRIMARY KEY,
    stay_seconds INTEGER NOT NULL,
    through_seq  INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS pthub_kpi_day_spaces
(
    clinic_id        TEXT NOT NULL,
    day              TEXT NOT NULL,
    therapist_id     TEXT NOT NULL,
    occupied_seconds INTEGER NOT NULL,
    PRIMARY KEY (clinic_id, day, therapist_id)
);
