-- Personal API tokens (issue 29): a customer or a member of staff creates one in their
-- account for a script, an app or a partner that calls the REST API (/api/v1) without a
-- browser session. The token is shown once; only its SHA-256 digest is kept, like the
-- links sent by mail (one_time_token), so a stolen backup opens nothing.
CREATE TABLE api_token (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    token_hash    char(64) NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    -- READ: reads only; READ_WRITE: also the writes the account may make.
    scope         text NOT NULL CHECK (scope IN ('READ', 'READ_WRITE')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    -- Every token expires, at most a year after its creation.
    expires_at    timestamptz NOT NULL,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    CHECK (expires_at > created_at AND expires_at <= created_at + interval '366 days')
);
CREATE INDEX api_token_account_idx ON api_token (account_id);
