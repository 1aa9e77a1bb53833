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
