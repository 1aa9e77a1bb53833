-- Operations: the audit log, the outbox of e-mails to send, and the HTTP sessions shared
-- by every instance of the shop (Spring Session JDBC).

-- Who did what, when, from where, with which outcome (ANSSI PA-012, OWASP ASVS 16).
-- The actor is kept as a bare identifier without foreign key: the entry outlives the
-- account and is never rewritten.
CREATE TABLE audit_log (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      timestamptz NOT NULL DEFAULT now(),
    action           text NOT NULL CHECK (action ~ '^[A-Z][A-Z_]{2,49}$'),
    outcome          text NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
    actor_account_id bigint,
    ip               inet,
    target           text CHECK (length(target) <= 200),
    details          jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object')
);
CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_account_id, occurred_at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, occurred_at DESC);

-- The application may add entries and read them, never change or delete them: even a
-- successful SQL injection could not erase its traces.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${application_role};

-- Entries are kept between 6 and 12 months (CNIL 2021-122); the only way to delete them
-- is this function, which runs with its owner's rights and never deletes anything younger
-- than six months.
CREATE FUNCTION purge_audit_log(older_than interval) RETURNS integer
    LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp
BEGIN ATOMIC
    WITH deleted AS (
        DELETE FROM audit_log
        WHERE occurred_at < now() - greatest(older_than, interval '6 months')
        RETURNING 1)
    SELECT count(*)::integer FROM deleted;
END;
REVOKE ALL ON FUNCTION purge_audit_log(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION purge_audit_log(interval) TO ${application_role};

-- E-mails are written here in the transaction that causes them (order placed, password
-- reset...) and sent by a scheduled job: a mail server outage delays them, never loses them.
CREATE TABLE mail_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient       text NOT NULL CHECK (recipient LIKE '_%@_%'),
    subject         text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    body_html       text NOT NULL,
    body_text       text NOT NULL,
    attachment_name text,
    attachment      bytea,
    status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CHECK ((attachment IS NULL) = (attachment_name IS NULL)),
    CHECK (status <> 'SENT' OR sent_at IS NOT NULL)
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';

-- Spring Session JDBC (schema-postgresql.sql of spring-session-jdbc), created here because
-- the application role may not create tables.
CREATE TABLE spring_session (
    primary_id            char(36) NOT NULL,
    session_id            varchar(64) NOT NULL,
    creation_time         bigint NOT NULL,
    last_access_time      bigint NOT NULL,
    max_inactive_interval integer NOT NULL,
    expiry_time           bigint NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36) NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
