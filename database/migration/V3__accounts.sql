-- Accounts: customers and staff, their addresses and their one-time tokens.

CREATE TABLE role (
    code  text PRIMARY KEY CHECK (code IN ('CUSTOMER', 'EDITOR', 'ADMIN')),
    label text NOT NULL
);

CREATE TABLE account (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Stored in lower case so that uniqueness ignores case; NULL once anonymised.
    email                 text UNIQUE CHECK (email = lower(email) AND email LIKE '_%@_%' AND length(email) <= 254),
    password_hash         text,
    first_name            text CHECK (length(first_name) BETWEEN 1 AND 100),
    last_name             text CHECK (length(last_name) BETWEEN 1 AND 100),
    phone                 text CHECK (phone ~ '^\+?[0-9 .()-]{6,20}$'),
    role_code             text NOT NULL DEFAULT 'CUSTOMER' REFERENCES role (code),
    preferred_locale      text NOT NULL DEFAULT 'fr' CHECK (preferred_locale IN ('fr', 'en')),
    enabled               boolean NOT NULL DEFAULT true,
    email_verified_at     timestamptz,
    -- The second factor's secret, encrypted (AES-256-GCM) with the application's key, and
    -- the last 30-second step used, so that a code is accepted only once.
    totp_secret           text,
    totp_last_step        bigint,
    mfa_enabled_at        timestamptz,
    password_changed_at   timestamptz,
    last_login_at         timestamptz,
    anonymised_at         timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    version               integer NOT NULL DEFAULT 0,
    -- An active account can always be reached and log in; an anonymised one keeps no
    -- personal data at all (GDPR art. 17, orders are kept for accounting).
    CONSTRAINT account_active_has_identity
        CHECK (anonymised_at IS NOT NULL OR (email IS NOT NULL AND password_hash IS NOT NULL)),
    CONSTRAINT account_anonymised_has_no_personal_data
        CHECK (anonymised_at IS NULL OR (email IS NULL AND password_hash IS NULL AND first_name IS NULL
                                         AND last_name IS NULL AND phone IS NULL AND totp_secret IS NULL
                                         AND NOT enabled))
);
CREATE INDEX account_role_idx ON account (role_code);
CREATE TRIGGER account_updated_at BEFORE UPDATE ON account
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE address (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    label       text NOT NULL CHECK (length(label) BETWEEN 1 AND 50),
    first_name  text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
    last_name   text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
    line1       text NOT NULL CHECK (length(line1) BETWEEN 1 AND 200),
    line2       text CHECK (length(line2) <= 200),
    postal_code text NOT NULL,
    city        text NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
    country     char(2) NOT NULL DEFAULT 'FR' CHECK (country IN ('FR', 'BE', 'LU', 'MC')),
    phone       text CHECK (phone ~ '^\+?[0-9 .()-]{6,20}$'),
    is_default  boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     integer NOT NULL DEFAULT 0,
    CONSTRAINT address_postal_code_format CHECK (
        (country IN ('FR', 'MC') AND postal_code ~ '^[0-9]{5}$')
        OR (country IN ('BE', 'LU') AND postal_code ~ '^[0-9]{4}$'))
);
CREATE INDEX address_account_idx ON address (account_id);
-- At most one default address per account.
CREATE UNIQUE INDEX address_one_default_per_account ON address (account_id) WHERE is_default;
CREATE TRIGGER address_updated_at BEFORE UPDATE ON address
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Single-use tokens sent by email. Only a SHA-256 hash is stored: a stolen backup does
-- not give working links.
CREATE TABLE one_time_token (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    purpose     text NOT NULL CHECK (purpose IN ('EMAIL_VERIFICATION', 'PASSWORD_RESET')),
    token_hash  char(64) NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    CHECK (expires_at > created_at),
    CHECK (used_at IS NULL OR used_at >= created_at)
);
CREATE INDEX one_time_token_account_idx ON one_time_token (account_id, purpose);

-- Failed logins, per e-mail address and per IP address, whether the account exists or
-- not: the growing delays apply alike to unknown addresses, so that they reveal nothing.
CREATE TABLE login_throttle (
    subject          text PRIMARY KEY CHECK (subject ~ '^(email|ip):.' AND length(subject) <= 310),
    failures         integer NOT NULL CHECK (failures > 0),
    window_started_at timestamptz NOT NULL,
    last_failure_at  timestamptz NOT NULL,
    blocked_until    timestamptz
);
CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at);

-- Recovery codes of the second factor, stored as SHA-256 hashes (they are random and
-- long: a slow hash adds nothing).
CREATE TABLE mfa_recovery_code (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash   text NOT NULL,
    used_at     timestamptz
);
CREATE INDEX mfa_recovery_code_account_idx ON mfa_recovery_code (account_id);
