-- PtHub schema, SQLite (embedded mode), step 3: Orleans grain state (AddAdoNetGrainStorage with
-- Invariant "System.Data.SQLite", which Orleans maps to the Microsoft.Data.Sqlite factory).
--
-- Same contract as the PostgreSQL script: parameters @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
-- @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion and @PayloadBinary; reads use the
-- columns PayloadBinary and Version; writes return NewGrainStateVersion, and no row means the write lost a race.
-- The provider reads every result set of a command, so a query may consist of several statements.
-- SQLite runs one writer at a time, so each single statement below is atomic on its own.
-- Safe to run any number of times.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdExtensionString TEXT    NULL,
    ServiceId              TEXT    NOT NULL,
    PayloadBinary          BLOB    NULL,
    ModifiedOn             TEXT    NOT NULL,
    Version                INTEGER NULL
);

CREATE INDEX IF NOT EXISTS IX_OrleansStorage ON OrleansStorage (GrainIdHash, GrainTypeHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
-- Exactly one of the two statements can act: the UPDATE when the caller passes the version it read, the INSERT
-- (guarded against an existing row) when the grain was never stored.
('WriteToStorageKey', '
UPDATE OrleansStorage
   SET PayloadBinary = @PayloadBinary,
       ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''),
       Version = Version + 1
 WHERE @GrainStateVersion IS NOT NULL
   AND GrainIdHash = @GrainIdHash
   AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0
   AND GrainIdN1 = @GrainIdN1
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS @GrainIdExtensionString
   AND ServiceId = @ServiceId
   AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;

INSERT INTO OrleansStorage
    (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId,
     PayloadBinary, ModifiedOn, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId,
       @PayloadBinary, strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''), 1
 WHERE @GrainStateVersion IS NULL
   AND NOT EXISTS (
        SELECT 1
          FROM OrleansStorage
         WHERE GrainIdHash = @GrainIdHash
           AND GrainTypeHash = @GrainTypeHash
           AND GrainIdN0 = @GrainIdN0
           AND GrainIdN1 = @GrainIdN1
           AND GrainTypeString = @GrainTypeString
           AND GrainIdExtensionString IS @GrainIdExtensionString
           AND ServiceId = @ServiceId)
RETURNING Version AS NewGrainStateVersion;
'),

('ReadFromStorageKey', '
SELECT PayloadBinary, Version
  FROM OrleansStorage
 WHERE GrainIdHash = @GrainIdHash
   AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0
   AND GrainIdN1 = @GrainIdN1
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS @GrainIdExtensionString
   AND ServiceId = @ServiceId
 LIMIT 1;
'),

('ClearStorageKey', '
UPDATE OrleansStorage
   SET PayloadBinary = NULL,
       ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''),
       Version = Version + 1
 WHERE GrainIdHash = @GrainIdHash
   AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0
   AND GrainIdN1 = @GrainIdN1
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS @GrainIdExtensionString
   AND ServiceId = @ServiceId
   AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
'),

('DeleteStorageKey', '
DELETE FROM OrleansStorage
 WHERE GrainIdHash = @GrainIdHash
   AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0
   AND GrainIdN1 = @GrainIdN1
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS @GrainIdExtensionString
   AND ServiceId = @ServiceId
   AND Version = @GrainStateVersion
RETURNING Version + 1 AS NewGrainStateVersion;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
