-- PtHub schema, SQLite (embedded mode), step 1: the table of named queries that the Orleans ADO.NET grain storage
-- loads at start-up. SQLite is used for grain state only: the embedded mode uses localhost clustering, and Orleans
-- has no SQLite clustering or reminder support. Safe to run any number of times.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
