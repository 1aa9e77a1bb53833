-- A customer or staff member may change the e-mail address they sign in with (RG70): the
-- new address is proved by a one-time link sent to it, opened while signed in to the same
-- account. Until then the address asked for waits in the token's row, and nowhere else;
-- it goes with the token when the retention job deletes it, a day after its expiry.
ALTER TABLE one_time_token DROP CONSTRAINT one_time_token_purpose_check;
ALTER TABLE one_time_token ADD CONSTRAINT one_time_token_purpose_check
    CHECK (purpose IN ('EMAIL_VERIFICATION', 'PASSWORD_RESET', 'INVITATION', 'EMAIL_CHANGE'));
ALTER TABLE one_time_token
    ADD COLUMN new_email text
        CHECK (new_email = lower(new_email) AND new_email LIKE '_%@_%' AND length(new_email) <= 254),
    ADD CONSTRAINT one_time_token_new_email_for_email_change
        CHECK ((purpose = 'EMAIL_CHANGE') = (new_email IS NOT NULL));

-- The addresses an account proved before its current one (RG70): what its owner did as a
-- guest with them (an order) is still theirs, in their data export, at the erasure of
-- their account and in the inactivity purge (C24). Deleted with the account's other
-- personal data when it is erased.
CREATE TABLE account_former_email (
    account_id  bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    email       text NOT NULL CHECK (email = lower(email) AND email LIKE '_%@_%' AND length(email) <= 254),
    replaced_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, email)
);
