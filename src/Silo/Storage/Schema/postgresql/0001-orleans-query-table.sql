-- PtHub schema, PostgreSQL, step 1: the table of named queries that the Orleans ADO.NET providers load at start-up.
-- Orleans reads it with "SELECT QueryKey, QueryText FROM OrleansQuery" (unquoted, so the names fold to lower case).
-- Safe to run any number of times.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
);
