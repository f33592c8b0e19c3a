-- PtHub schema, SQLite (embedded mode), step 14: Orleans reminders (UseAdoNetReminderService with Invariant
-- "System.Data.SQLite"), so the embedded node keeps each clinic's reminder across restarts as a cluster does in
-- PostgreSQL (postgresql/0004-orleans-reminders.sql has the same contract): parameters @ServiceId, @GrainId,
-- @ReminderName, @StartTime, @Period (milliseconds), @GrainHash, @BeginHash, @EndHash (uint hashes sent as signed
-- int) and @Version (the etag); reads use the columns GrainId, ReminderName, StartTime, Period and Version.
-- SQLite runs one writer at a time, so each statement is atomic on its own. Safe to run any number of times.

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    TEXT    NOT NULL,
    GrainId      TEXT    NOT NULL,
    ReminderName TEXT    NOT NULL,
    StartTime    TEXT    NOT NULL,
    Period       INTEGER NOT NULL,
    GrainHash    INTEGER NOT NULL,
    Version      INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

CREATE INDEX IF NOT EXISTS IX_OrleansRemindersTable_GrainHash ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
-- Creates the reminder with version 0 or replaces its schedule and bumps the version; returns the new version.
('UpsertReminderRowKey', '
INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
   SET StartTime = excluded.StartTime,
       Period = excluded.Period,
       GrainHash = excluded.GrainHash,
       Version = Version + 1
RETURNING Version;
'),

('ReadReminderRowsKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND GrainId = @GrainId;
'),

('ReadReminderRowKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND GrainId = @GrainId
   AND ReminderName = @ReminderName;
'),

-- Range (BeginHash, EndHash] that does not wrap around.
('ReadRangeRows1Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND GrainHash > @BeginHash
   AND GrainHash <= @EndHash;
'),

-- Range that wraps around the end of the hash ring.
('ReadRangeRows2Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
'),

-- One row: the number of reminders removed (0 when the etag no longer matches).
('DeleteReminderRowKey', '
DELETE FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND GrainId = @GrainId
   AND ReminderName = @ReminderName
   AND Version = @Version;
SELECT changes();
'),

('DeleteReminderRowsKey', '
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
