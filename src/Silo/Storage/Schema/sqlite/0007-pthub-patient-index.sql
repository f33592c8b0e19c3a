-- PtHub schema, SQLite (embedded mode), step 7: the patient search index, beside the grain state it is derived from.
-- Written by PatientGrain (pthub_patient_index, pthub_patient_words) and VisitGrain (pthub_patient_visits) with
-- idempotent upserts; the grains stay the truth, so every row can be written again. Names are folded (accents
-- dropped, lower case); a search is a prefix range on (clinic_id, word), so it reads one clinic's few matching rows.
-- Safe to run any number of times.

CREATE TABLE IF NOT EXISTS pthub_patient_index
(
    clinic_id      TEXT NOT NULL,
    patient_id     TEXT NOT NULL,
    first_name     TEXT NOT NULL,
    last_name      TEXT NOT NULL,
    first_folded   TEXT NOT NULL,
    last_folded    TEXT NOT NULL,
    birth_date     TEXT NOT NULL,
    phone_digits   TEXT NOT NULL,
    phone_reversed TEXT NOT NULL,
    PRIMARY KEY (clinic_id, patient_id)
);

CREATE INDEX IF NOT EXISTS ix_pthub_patient_index_birth ON pthub_patient_index (clinic_id, birth_date);
CREATE INDEX IF NOT EXISTS ix_pthub_patient_index_phone ON pthub_patient_index (clinic_id, phone_reversed);

CREATE TABLE IF NOT EXISTS pthub_patient_words
(
    clinic_id  TEXT NOT NULL,
    word       TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    PRIMARY KEY (clinic_id, word, patient_id)
);

CREATE INDEX IF NOT EXISTS ix_pthub_patient_words_patient ON pthub_patient_words (clinic_id, patient_id);

CREATE TABLE IF NOT EXISTS pthub_patient_visits
(
    visit_id   TEXT NOT NULL PRIMARY KEY,
    clinic_id  TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    visit_date TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_pthub_patient_visits_patient ON pthub_patient_visits (clinic_id, patient_id, visit_date);
