-- Rate-limit counters (RateLimitFilter), in the database so that every instance of the
-- shop enforces one limit: with counters in each JVM, two instances doubled every limit.
-- One row per rule and client (an IP address, or the SHA-256 digest of an API token),
-- counting the requests of a fixed window; the filter moves it in one upsert.
--
-- UNLOGGED: written on every limited request, never worth a write-ahead log entry. After a
-- crash PostgreSQL empties the table and the limits start again from zero, which costs an
-- attacker's window at most; a standby does not have them either. The login throttle
-- (login_throttle, V3) stays logged: its day-long blocks must survive a restart.
CREATE UNLOGGED TABLE rate_limit_counter (
    counter_key       text PRIMARY KEY CHECK (counter_key ~ '^[a-z0-9-]+\|.' AND length(counter_key) <= 200),
    requests          integer NOT NULL CHECK (requests > 0),
    window_started_at timestamptz NOT NULL
);
-- For the hourly purge of finished windows.
CREATE INDEX rate_limit_counter_window_idx ON rate_limit_counter (window_started_at);
-- The application role reads, counts and purges them: the default privileges of
-- roles.sql give it SELECT, INSERT, UPDATE and DELETE, nothing more is needed.
