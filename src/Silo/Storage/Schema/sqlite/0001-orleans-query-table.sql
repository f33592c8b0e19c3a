-- PtHub schema, SQLite (embedded mode), step 1: the table of named queries that the Orleans ADO.NET grain storage
-- loads at start-up. SQLite holds grain state (0003) and reminders (0014); the embedded mode uses localhost
-- clustering. Safe to run any number of times.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
