-- A promotion code may be limited per customer: BIENVENUE10, the welcome code, is worth
-- once per customer. A customer is their account when signed in, else the e-mail address of
-- the order (lower-cased, as customer_order stores it); cancelled orders do not count.
-- NULL: no limit per customer (the total limit, max_uses, still applies).
--
-- The rule spans rows of customer_order, so no CHECK can hold it: the shop enforces it in
-- the order's transaction, after the UPDATE that counts the use has locked the code's row
-- (fr.dwwm.comptoir.order.Orders.reserve), so that two simultaneous orders of one customer
-- are counted one after the other.
ALTER TABLE promo_code ADD COLUMN per_customer_limit integer CHECK (per_customer_limit > 0);

-- The welcome code of the demo data, where the demo is already loaded. In a new database
-- the repeatable demo scripts run after this migration and insert it with its limit.
UPDATE promo_code SET per_customer_limit = 1 WHERE code = 'BIENVENUE10';
