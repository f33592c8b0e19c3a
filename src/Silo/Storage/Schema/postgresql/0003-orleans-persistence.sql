-- PtHub schema, PostgreSQL, step 3: Orleans grain state (AddAdoNetGrainStorage, Invariant "Npgsql").
--
-- Contract (Orleans.Persistence.AdoNet 10.4): parameters @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
-- @GrainTypeString, @GrainIdExtensionString (NULL when the key has no string part), @ServiceId, @GrainStateVersion
-- (NULL when the grain has never been stored) and @PayloadBinary. Reads use the columns PayloadBinary and Version;
-- writes return one row with column NewGrainStateVersion. A version that is NULL or unchanged tells the provider
-- the write lost a race (InconsistentStateException). ClearStorageKey and DeleteStorageKey return the new version
-- in their first column, or no row on a version mismatch.
--
-- A grain is found by its two hashes through a narrow index; the clear-text columns settle hash collisions.
-- Safe to run any number of times.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea        NULL,
    ModifiedOn             timestamptz  NOT NULL,
    Version                integer      NULL
);

CREATE INDEX IF NOT EXISTS IX_OrleansStorage ON OrleansStorage (GrainIdHash, GrainTypeHash);

-- Inserts the first state of a grain (p_version NULL) or replaces the state whose version the caller read.
-- Returns the new version, or NULL when nothing was written.
CREATE OR REPLACE FUNCTION pthub_storage_write(
    p_grain_id_hash     integer,
    p_grain_id_n0       bigint,
    p_grain_id_n1       bigint,
    p_grain_type_hash   integer,
    p_grain_type_string text,
    p_grain_id_ext      text,
    p_service_id        text,
    p_version           integer,
    p_payload           bytea)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    new_version integer;
BEGIN
    IF p_version IS NOT NULL THEN
        UPDATE OrleansStorage
           SET PayloadBinary = p_payload,
               ModifiedOn = now(),
               Version = Version + 1
         WHERE GrainIdHash = p_grain_id_hash
           AND GrainTypeHash = p_grain_type_hash
           AND GrainIdN0 = p_grain_id_n0
           AND GrainIdN1 = p_grain_id_n1
           AND GrainTypeString = p_grain_type_string
           AND GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_ext
           AND ServiceId = p_service_id
           AND Version = p_version
        RETURNING Version INTO new_version;
        RETURN new_version;
    END IF;

    -- First write. Two activations of one grain (only possible during a membership split) could both get here;
    -- a transaction-scoped lock on the grain's two hashes lets exactly one of them insert.
    PERFORM pg_advisory_xact_lock(p_grain_id_hash, p_grain_type_hash);

    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId,
         PayloadBinary, ModifiedOn, Version)
    SELECT p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type_string, p_grain_id_ext,
           p_service_id, p_payload, now(), 1
     WHERE NOT EXISTS (
            SELECT 1
              FROM OrleansStorage
             WHERE GrainIdHash = p_grain_id_hash
               AND GrainTypeHash = p_grain_type_hash
               AND GrainIdN0 = p_grain_id_n0
               AND GrainIdN1 = p_grain_id_n1
               AND GrainTypeString = p_grain_type_string
               AND GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_ext
               AND ServiceId = p_service_id)
    RETURNING Version INTO new_version;
    RETURN new_version;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', $q$
SELECT pthub_storage_write(
    @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
    @ServiceId, @GrainStateVersion, @PayloadBinary) AS NewGrainStateVersion;
$q$),

('ReadFromStorageKey', $q$
SELECT PayloadBinary, Version
  FROM OrleansStorage
 WHERE GrainIdHash = @GrainIdHash
   AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0
   AND GrainIdN1 = @GrainIdN1
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
   AND ServiceId = @ServiceId
 LIMIT 1;
$q$),

-- Keeps the row (payload NULL) and bumps the version, so a later write continues from the returned version.
('ClearStorageKey', $q$
UPDATE OrleansStorage
   SET PayloadBinary = NULL,
       ModifiedOn = now(),
       Version = Version + 1
 WHERE GrainIdHash = @GrainIdHash
   AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0
   AND GrainIdN1 = @GrainIdN1
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
   AND ServiceId = @ServiceId
   AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
$q$),

-- Used instead of ClearStorageKey when the provider is configured with DeleteStateOnClear = true.
('DeleteStorageKey', $q$
DELETE FROM OrleansStorage
 WHERE GrainIdHash = @GrainIdHash
   AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0
   AND GrainIdN1 = @GrainIdN1
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
   AND ServiceId = @ServiceId
   AND Version = @GrainStateVersion
RETURNING Version + 1 AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
