-- Until now account.last_login_at was never written: logins were only in the audit log,
-- which keeps six months. The shop now writes it at each login (InactiveAccounts) and
-- erases customers' accounts unused for three years. An account whose last login is not
-- known any more is given the date of this migration, so that nobody is erased because
-- of a date the shop forgot: at worst an account is kept three years longer.
UPDATE account a
SET last_login_at = coalesce((SELECT max(l.occurred_at) FROM audit_log l
                              WHERE l.actor_account_id = a.id AND l.action = 'LOGIN' AND l.outcome = 'SUCCESS'),
                             now())
WHERE a.last_login_at IS NULL AND a.anonymised_at IS NULL;
