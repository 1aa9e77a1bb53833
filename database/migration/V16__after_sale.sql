-- After the sale: return requests (the consumer's right of withdrawal, Code de la
-- consommation art. L221-18), refunds of all or part of an order through the payment
-- provider, and the credit notes (« factures d'avoir ») that document them.
--
-- The money rules the database holds itself, whatever the application does:
--   * an order is never refunded beyond what its invoice says (refund_within_invoice);
--   * credit notes never add up to more than the invoice they cite (credit_note_within_invoice);
--   * credit notes are numbered per year without gaps, and never changed nor deleted.

-- Goods come back to the stock with their own reason when a return is received.
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_reason_check;
ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_reason_check
    CHECK (reason IN ('ORDER', 'CANCELLATION', 'REFUND', 'RETURN', 'ADJUSTMENT', 'INVENTORY', 'IMPORT'));

-- A customer's request to send back some of the goods of a delivered order. Its own state
-- machine: REQUESTED → ACCEPTED → RECEIVED → REFUNDED, or REQUESTED → REFUSED.
CREATE TABLE return_request (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id      bigint NOT NULL REFERENCES customer_order (id) ON DELETE RESTRICT,
    status        text NOT NULL CHECK (status IN ('REQUESTED', 'ACCEPTED', 'REFUSED', 'RECEIVED', 'REFUNDED')),
    -- Why, in the customer's words (a withdrawal needs no reason; the form asks for one
    -- and accepts « changement d'avis »).
    reason        text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    -- What staff answered, shown to the customer when refused.
    staff_note    text CHECK (length(staff_note) <= 500),
    requested_at  timestamptz NOT NULL,
    decided_at    timestamptz,
    decided_by    bigint REFERENCES account (id) ON DELETE SET NULL,
    received_at   timestamptz,
    refunded_at   timestamptz,
    CHECK ((status = 'REQUESTED') = (decided_at IS NULL)),
    CHECK (status NOT IN ('RECEIVED', 'REFUNDED') OR received_at IS NOT NULL)
);
-- One request at a time per order: a second one waits until the first is settled.
CREATE UNIQUE INDEX return_request_one_open_per_order ON return_request (order_id)
    WHERE status IN ('REQUESTED', 'ACCEPTED', 'RECEIVED');
CREATE INDEX return_request_status_idx ON return_request (status, requested_at);
CREATE INDEX return_request_account_idx ON return_request (decided_by);

CREATE TABLE return_line (
    return_id     bigint NOT NULL REFERENCES return_request (id) ON DELETE CASCADE,
    order_line_id bigint NOT NULL REFERENCES order_line (id) ON DELETE RESTRICT,
    quantity      integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (return_id, order_line_id)
);
CREATE INDEX return_line_order_line_idx ON return_line (order_line_id);

-- A refund asked of the payment provider. Written PENDING before the provider is called
-- (outside any transaction), settled afterwards; a refund whose answer was lost stays
-- PENDING until the reconciliation asks the provider by its idempotency key.
CREATE TABLE refund (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id           bigint NOT NULL REFERENCES customer_order (id) ON DELETE RESTRICT,
    payment_id         bigint NOT NULL REFERENCES payment (id) ON DELETE RESTRICT,
    return_id          bigint REFERENCES return_request (id) ON DELETE SET NULL,
    -- Sent to the provider with the refund: the same key twice refunds once.
    idempotency_key    uuid NOT NULL UNIQUE,
    -- What is refunded, VAT included: goods (their share of the order's discount
    -- deducted), delivery, and a free amount (a goodwill gesture, a damaged item kept).
    lines_cents        integer NOT NULL CHECK (lines_cents >= 0),
    discount_cents     integer NOT NULL CHECK (discount_cents >= 0 AND discount_cents <= lines_cents),
    shipping_cents     integer NOT NULL CHECK (shipping_cents >= 0),
    extra_cents        integer NOT NULL CHECK (extra_cents >= 0),
    amount_cents       integer NOT NULL CHECK (amount_cents > 0),
    status             text NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    provider_reference text UNIQUE,
    failure_reason     text CHECK (length(failure_reason) <= 200),
    note               text CHECK (length(note) <= 500),
    requested_by       bigint REFERENCES account (id) ON DELETE SET NULL,
    requested_at       timestamptz NOT NULL,
    settled_at         timestamptz,
    CONSTRAINT refund_amount CHECK (amount_cents = lines_cents - discount_cents + shipping_cents + extra_cents),
    CHECK ((status = 'PENDING') = (settled_at IS NULL)),
    CHECK (status <> 'SUCCEEDED' OR provider_reference IS NOT NULL)
);
CREATE INDEX refund_order_idx ON refund (order_id);
CREATE INDEX refund_payment_idx ON refund (payment_id);
CREATE INDEX refund_return_idx ON refund (return_id);
CREATE INDEX refund_account_idx ON refund (requested_by);
CREATE INDEX refund_pending_idx ON refund (requested_at) WHERE status = 'PENDING';

CREATE TABLE refund_line (
    refund_id     bigint NOT NULL REFERENCES refund (id) ON DELETE CASCADE,
    order_line_id bigint NOT NULL REFERENCES order_line (id) ON DELETE RESTRICT,
    quantity      integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (refund_id, order_line_id)
);
CREATE INDEX refund_line_order_line_idx ON refund_line (order_line_id);

-- Numbered like the invoices, in a sequence of their own (AV-2026-000001).
CREATE TABLE credit_note_counter (
    year        integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),
    last_number integer NOT NULL CHECK (last_number >= 0)
);

CREATE TABLE credit_note (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    refund_id   bigint NOT NULL UNIQUE REFERENCES refund (id) ON DELETE RESTRICT,
    -- The invoice it corrects, cited on the credit note (CGI art. 242 nonies A).
    invoice_id  bigint NOT NULL REFERENCES invoice (id) ON DELETE RESTRICT,
    year        integer NOT NULL REFERENCES credit_note_counter (year),
    number      integer NOT NULL CHECK (number > 0),
    total_cents integer NOT NULL CHECK (total_cents > 0),
    issued_at   timestamptz NOT NULL,
    UNIQUE (year, number)
);
CREATE INDEX credit_note_invoice_idx ON credit_note (invoice_id);

-- Like an invoice, a credit note once issued is never changed nor deleted.
REVOKE UPDATE, DELETE, TRUNCATE ON credit_note FROM ${application_role};

-- The ceilings. Each locks the invoice's row first (SECURITY DEFINER: the application may
-- not lock an invoice itself, having no UPDATE on it), so two refunds of the same order
-- inserted at the same time are added up one after the other, never both against the
-- same remainder.
CREATE FUNCTION refund_within_invoice() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    invoiced integer;
    refunded integer;
BEGIN
    SELECT total_cents INTO invoiced FROM invoice WHERE order_id = NEW.order_id FOR UPDATE;
    IF invoiced IS NULL THEN
        RAISE EXCEPTION 'order % has no invoice to refund', NEW.order_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'refund_within_invoice';
    END IF;
    SELECT coalesce(sum(amount_cents), 0) INTO refunded
    FROM refund WHERE order_id = NEW.order_id AND status <> 'FAILED' AND id <> NEW.id;
    IF NEW.status <> 'FAILED' AND refunded + NEW.amount_cents > invoiced THEN
        RAISE EXCEPTION 'refunds of order % would exceed its invoice (% + % > %)',
            NEW.order_id, refunded, NEW.amount_cents, invoiced
            USING ERRCODE = 'check_violation', CONSTRAINT = 'refund_within_invoice';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER refund_within_invoice BEFORE INSERT OR UPDATE OF amount_cents, status ON refund
    FOR EACH ROW EXECUTE FUNCTION refund_within_invoice();

CREATE FUNCTION credit_note_within_invoice() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    invoiced integer;
    credited integer;
BEGIN
    SELECT total_cents INTO invoiced FROM invoice WHERE id = NEW.invoice_id FOR UPDATE;
    SELECT coalesce(sum(total_cents), 0) INTO credited FROM credit_note WHERE invoice_id = NEW.invoice_id;
    IF credited + NEW.total_cents > invoiced THEN
        RAISE EXCEPTION 'credit notes of invoice % would exceed it (% + % > %)',
            NEW.invoice_id, credited, NEW.total_cents, invoiced
            USING ERRCODE = 'check_violation', CONSTRAINT = 'credit_note_within_invoice';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER credit_note_within_invoice BEFORE INSERT ON credit_note
    FOR EACH ROW EXECUTE FUNCTION credit_note_within_invoice();
REVOKE ALL ON FUNCTION refund_within_invoice(), credit_note_within_invoice() FROM PUBLIC;

-- Live data: payments refunded before this version (whole orders, inside the order's
-- transaction) become refunds settled at the time the order was refunded or cancelled.
-- They have no credit note: none was issued then, and one issued now would carry
-- today's date for a refund made earlier.
INSERT INTO refund (order_id, payment_id, idempotency_key, lines_cents, discount_cents, shipping_cents,
                    extra_cents, amount_cents, status, provider_reference, note, requested_at, settled_at)
SELECT p.order_id, p.id, gen_random_uuid(), 0, 0, 0, p.amount_cents, p.amount_cents, 'SUCCEEDED',
       'before-v16-' || p.id, 'remboursement antérieur aux avoirs',
       coalesce(o.refunded_at, o.cancelled_at, o.updated_at), coalesce(o.refunded_at, o.cancelled_at, o.updated_at)
FROM payment p
JOIN customer_order o ON o.id = p.order_id
WHERE p.status = 'REFUNDED' AND EXISTS (SELECT 1 FROM invoice i WHERE i.order_id = p.order_id);
