-- When the shop last warned a customer by mail that their unused account would be erased
-- (InactiveAccounts): the account is erased only 30 days after a warning sent since its
-- last contact; a login in between keeps it, and a later warning starts again.
ALTER TABLE account ADD COLUMN inactivity_warned_at timestamptz;
GRANT UPDATE (inactivity_warned_at) ON account TO ${application_role};
