-- An address can leave an account, pass to another and come back (RG70): each time an
-- account leaves an address is a row of its own, kept while the account has the address
-- again. The period in which a guest order placed with the address belongs to an
-- account is bounded by these times (C24): with one row per account and address, the
-- row deleted when the address came back let the account that had it in between claim
-- the guest orders of the first period, and the first account lose them.
ALTER TABLE account_former_email DROP CONSTRAINT account_former_email_pkey;
ALTER TABLE account_former_email ADD PRIMARY KEY (account_id, email, replaced_at);

-- The periods are read by address (who else left it, and when).
CREATE INDEX account_former_email_email_idx ON account_former_email (email, replaced_at);
