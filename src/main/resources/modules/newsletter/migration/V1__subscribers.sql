-- Newsletter subscribers (module "newsletter"), in the module's own schema: uninstalling the
-- module drops this schema and every address with it.
--
-- Double opt-in: a sign-up is a PENDING request until the owner of the address opens the link
-- mailed to it; then it is CONFIRMED. The link carries a random token of 32 bytes; only its
-- SHA-256 hash is stored, so reading this table does not allow confirming or cancelling anyone.

CREATE TABLE subscriber (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Stored trimmed and in lower case, so that one address is one row.
    email        text NOT NULL UNIQUE
                 CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email) AND email LIKE '_%@_%'),
    status       text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'CONFIRMED')),
    token_hash   bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    -- When the sign-up was requested, or last requested again (a new link then replaces the
    -- old one): the 7 days of the link and the 10 minutes between two mails count from it.
    created_at   timestamptz NOT NULL,
    confirmed_at timestamptz,
    -- The consent sentence the visitor saw next to the button: the proof of what they agreed to.
    consent_text text NOT NULL CHECK (length(consent_text) BETWEEN 1 AND 1000),
    -- The visitor's language (fr, en), for the mails.
    locale       text NOT NULL CHECK (locale ~ '^[a-z]{2,3}$'),
    CHECK ((status = 'CONFIRMED') = (confirmed_at IS NOT NULL))
);

-- The daily purge of requests never confirmed.
CREATE INDEX subscriber_pending_idx ON subscriber (created_at) WHERE status = 'PENDING';
