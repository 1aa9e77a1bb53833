-- Passkeys (WebAuthn, issue 28): an account may register public keys held by its devices
-- (phone, computer, security key) and sign in with them, without a password. Spring
-- Security's WebAuthn support checks the signatures; these tables keep what it needs, owned
-- by the account feature (fr.dwwm.comptoir.account.PasskeyCredentials and PasskeyUsers).

-- The WebAuthn « user handle » of an account: 32 random bytes the authenticator stores
-- with the key. Never the account's id nor its e-mail address, which the authenticator
-- would keep and show to anyone holding the device (W3C WebAuthn, § 14.6.1).
CREATE TABLE passkey_user (
    account_id   bigint PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    user_handle  bytea NOT NULL UNIQUE CHECK (octet_length(user_handle) BETWEEN 16 AND 64)
);

-- One row per registered passkey: its public key (COSE), the signature counter that
-- reveals a cloned authenticator, the flags the authenticator declared, and the name the
-- person gave it. The private key never leaves the device.
CREATE TABLE passkey (
    credential_id                 bytea PRIMARY KEY CHECK (octet_length(credential_id) BETWEEN 16 AND 1023),
    account_id                    bigint NOT NULL REFERENCES passkey_user (account_id) ON DELETE CASCADE,
    label                         text NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
    public_key                    bytea NOT NULL,
    signature_count               bigint NOT NULL CHECK (signature_count >= 0),
    uv_initialized                boolean NOT NULL,
    backup_eligible               boolean NOT NULL,
    backup_state                  boolean NOT NULL,
    transports                    text[] NOT NULL DEFAULT '{}',
    attestation_object            bytea,
    attestation_client_data_json  bytea,
    created_at                    timestamptz NOT NULL DEFAULT now(),
    last_used_at                  timestamptz
);
CREATE INDEX passkey_account_idx ON passkey (account_id);
