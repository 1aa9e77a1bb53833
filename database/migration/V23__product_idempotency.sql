-- A product created through the REST API (issue 29) may carry an Idempotency-Key, like a
-- stock adjustment (V22): the same creation sent twice (a time-out, then a retry) makes
-- one product. The key is kept with the product it made, unique, so that two requests
-- with one key cannot both insert, whatever their timing. Products made in the back
-- office's form have none.
ALTER TABLE product ADD COLUMN idempotency_key uuid UNIQUE;
-- The application writes the key when it creates a product (V15 grants INSERT column by
-- column) and never changes it afterwards (no UPDATE on this column).
GRANT INSERT (idempotency_key) ON product TO ${application_role};
