-- An order remembers the cart it came from. When the database is out of reach at the
-- moment the card provider answers, the payment is confirmed later by the reconciliation
-- (PaymentReconciliation, docs/fiabilite.md), which must then close that cart as the
-- checkout would have. ON DELETE SET NULL: purging old carts never touches an order.
ALTER TABLE customer_order ADD COLUMN cart_id bigint REFERENCES cart (id) ON DELETE SET NULL;
CREATE INDEX customer_order_cart_idx ON customer_order (cart_id);

-- The orders still waiting for their payment's answer, read by the reconciliation every
-- minute: a partial index holds only them, a handful of rows whatever the history.
CREATE INDEX customer_order_awaiting_payment_idx ON customer_order (placed_at)
    WHERE status = 'AWAITING_PAYMENT';
