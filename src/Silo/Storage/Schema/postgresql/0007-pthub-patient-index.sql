-- PtHub schema, PostgreSQL, step 7: the patient search index, beside the grain state it is derived from.
-- Written by PatientGrain (pthub_patient_index, pthub_patient_words) and VisitGrain (pthub_patient_visits) with
-- idempotent upserts; the grains stay the truth, so every row can be written again. Names are folded (accents
-- dropped, lower case); a search is a prefix range on (clinic_id, word). The searched columns use the "C" collation,
-- so a range [prefix, next) is a byte-order range whatever the database's locale (as SQLite's BINARY).
-- Safe to run any number of times.

CREATE TABLE IF NOT EXISTS pthub_patient_index
(
    clinic_id      text NOT NULL,
    patient_id     text NOT NULL,
    first_name     text NOT NULL,
    last_name      text NOT NULL,
    first_folded   text COLLATE "C" NOT NULL,
    last_folded    text COLLATE "C" NOT NULL,
    birth_date     date NOT NULL,
    phone_digits   text COLLATE "C" NOT NULL,
    phone_reversed text COLLATE "C" NOT NULL,
    CONSTRAINT pk_pthub_patient_index PRIMARY KEY (clinic_id, patient_id)
);

CREATE INDEX IF NOT EXISTS ix_pthub_patient_index_birth ON pthub_patient_index (clinic_id, birth_date);
CREATE INDEX IF NOT EXISTS ix_pthub_patient_index_phone ON pthub_patient_index (clinic_id, phone_reversed);

CREATE TABLE IF NOT EXISTS pthub_patient_words
(
    clinic_id  text NOT NULL,
    word       text COLLATE "C" NOT NULL,
    patient_id text NOT NULL,
    CONSTRAINT pk_pthub_patient_words PRIMARY KEY (clinic_id, word, patient_id)
);

CREATE INDEX IF NOT EXISTS ix_pthub_patient_words_patient ON pthub_patient_words (clinic_id, patient_id);

CREATE TABLE IF NOT EXISTS pthub_patient_visits
(
    visit_id   text NOT NULL,
    clinic_id  text NOT NULL,
    patient_id text NOT NULL,
    visit_date date NOT NULL,
    CONSTRAINT pk_pthub_patient_visits PRIMARY KEY (visit_id)
);

CREATE INDEX IF NOT EXISTS ix_pthub_patient_visits_patient ON pthub_patient_visits (clinic_id, patient_id, visit_date);
