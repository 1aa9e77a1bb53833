-- Staff are invited, never given a password (issue 28): an invitation is a one-time link,
-- like a password reset, where the person chooses their password before enrolling their
-- second factor. The first administrator of a fresh production database gets one from a
-- command (FirstAdministrator), the others from an administrator in the back office.
ALTER TABLE one_time_token DROP CONSTRAINT one_time_token_purpose_check;
ALTER TABLE one_time_token ADD CONSTRAINT one_time_token_purpose_check
    CHECK (purpose IN ('EMAIL_VERIFICATION', 'PASSWORD_RESET', 'INVITATION'));
