-- A stock adjustment sent through the REST API (issue 29) may carry an Idempotency-Key: the
-- same request sent twice (a time-out, then a retry) adjusts the stock once. The key is
-- kept with the movement it made, unique, so that two requests with one key cannot both
-- write, whatever their timing.
ALTER TABLE stock_movement ADD COLUMN idempotency_key uuid UNIQUE;
