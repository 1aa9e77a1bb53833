-- A customer's rights cover the orders they placed as a guest with the address they proved
-- (C24): their data export, the erasure of their account and the inactivity purge find them
-- by that address, compared without case (OrderPersonalData). Only guest orders not yet
-- anonymised are ever looked up so.
CREATE INDEX customer_order_guest_email_idx ON customer_order (lower(email))
    WHERE account_id IS NULL AND anonymised_at IS NULL;
