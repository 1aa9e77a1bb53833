-- A customer may keep a billing address in their address book, apart from the address
-- they are delivered to (issue 27): one of their saved addresses is marked « adresse de
-- facturation », and the checkout offers it, pre-filled, for the invoice. At most one per
-- account, like the default delivery address.
ALTER TABLE address ADD COLUMN is_default_billing boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX address_one_default_billing_per_account ON address (account_id) WHERE is_default_billing;
