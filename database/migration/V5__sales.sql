-- Sales: carts, shipping methods, promo codes, orders with their lines (snapshots),
-- status history, payments and invoices.

CREATE TABLE cart (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- NULL for a guest (the cart id is then kept in the session); a customer has at most
    -- one open cart, merged with the guest cart at login.
    account_id      bigint REFERENCES account (id) ON DELETE CASCADE,
    checked_out_at  timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX cart_one_open_per_account ON cart (account_id) WHERE checked_out_at IS NULL;
CREATE INDEX cart_updated_idx ON cart (updated_at);
CREATE TRIGGER cart_updated_at BEFORE UPDATE ON cart
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE cart_line (
    cart_id     bigint NOT NULL REFERENCES cart (id) ON DELETE CASCADE,
    product_id  bigint NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    quantity    integer NOT NULL CHECK (quantity > 0 AND quantity <= 99),
    added_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cart_id, product_id)
);
CREATE INDEX cart_line_product_idx ON cart_line (product_id);

CREATE TABLE shipping_method (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                  text NOT NULL UNIQUE CHECK (code ~ '^[A-Z_]+$'),
    name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    description           text NOT NULL CHECK (length(description) <= 300),
    price_cents           integer NOT NULL CHECK (price_cents >= 0),
    -- Free shipping from this basket amount (incl. VAT); NULL: never free.
    free_from_cents       integer CHECK (free_from_cents >= 0),
    min_days              integer NOT NULL CHECK (min_days >= 0),
    max_days              integer NOT NULL,
    position              integer NOT NULL DEFAULT 0,
    active                boolean NOT NULL DEFAULT true,
    version               integer NOT NULL DEFAULT 0,
    CHECK (max_days >= min_days)
);

CREATE TABLE promo_code (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                  text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]{3,20}$'),
    kind                  text NOT NULL CHECK (kind IN ('PERCENT', 'FIXED')),
    -- Per cent (1-100) for PERCENT, euro cents for FIXED.
    amount                integer NOT NULL,
    starts_at             timestamptz NOT NULL,
    ends_at               timestamptz NOT NULL,
    minimum_basket_cents  integer NOT NULL DEFAULT 0 CHECK (minimum_basket_cents >= 0),
    max_uses              integer CHECK (max_uses > 0),
    uses                  integer NOT NULL DEFAULT 0,
    active                boolean NOT NULL DEFAULT true,
    created_at            timestamptz NOT NULL DEFAULT now(),
    version               integer NOT NULL DEFAULT 0,
    CHECK ((kind = 'PERCENT' AND amount BETWEEN 1 AND 100) OR (kind = 'FIXED' AND amount > 0)),
    CHECK (ends_at > starts_at),
    -- A code can never be used more often than allowed, even by two simultaneous orders.
    CONSTRAINT promo_code_usage_limit CHECK (uses >= 0 AND (max_uses IS NULL OR uses <= max_uses))
);

-- Numbers the order references (CPT-2026-000042). Gaps are harmless here, unlike
-- invoice numbers.
CREATE SEQUENCE customer_order_number_seq;

CREATE TABLE customer_order (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference            text NOT NULL UNIQUE CHECK (reference ~ '^[A-Z]{3}-[0-9]{4}-[0-9]{6}$'),
    -- The same key sent twice (double click, resubmitted form) creates one order.
    idempotency_key      uuid NOT NULL UNIQUE,
    -- NULL for a guest order or once the customer deleted the account: the order stays
    -- for accounting, detached from the person.
    account_id           bigint REFERENCES account (id) ON DELETE SET NULL,
    email                text CHECK (email = lower(email) AND email LIKE '_%@_%'),
    locale               text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
    status               text NOT NULL CHECK (status IN ('AWAITING_PAYMENT', 'PAID', 'PREPARING', 'SHIPPED',
                                                          'DELIVERED', 'CANCELLED', 'REFUNDED')),
    -- Snapshots of the addresses at the time of the order.
    ship_first_name      text,
    ship_last_name       text,
    ship_line1           text,
    ship_line2           text,
    ship_postal_code     text,
    ship_city            text,
    ship_country         char(2),
    ship_phone           text,
    bill_first_name      text,
    bill_last_name       text,
    bill_line1           text,
    bill_line2           text,
    bill_postal_code     text,
    bill_city            text,
    bill_country         char(2),
    shipping_method_id   bigint NOT NULL REFERENCES shipping_method (id) ON DELETE RESTRICT,
    shipping_method_name text NOT NULL,
    promo_code_id        bigint REFERENCES promo_code (id) ON DELETE SET NULL,
    promo_code           text,
    -- Amounts in euro cents, VAT included; the database checks the arithmetic.
    items_total_cents    integer NOT NULL CHECK (items_total_cents >= 0),
    discount_cents       integer NOT NULL DEFAULT 0 CHECK (discount_cents >= 0 AND discount_cents <= items_total_cents),
    shipping_cents       integer NOT NULL CHECK (shipping_cents >= 0),
    total_cents          integer NOT NULL,
    tracking_number      text CHECK (length(tracking_number) BETWEEN 4 AND 40),
    terms_accepted_at    timestamptz NOT NULL,
    placed_at            timestamptz NOT NULL DEFAULT now(),
    paid_at              timestamptz,
    shipped_at           timestamptz,
    delivered_at         timestamptz,
    cancelled_at         timestamptz,
    refunded_at          timestamptz,
    anonymised_at        timestamptz,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              integer NOT NULL DEFAULT 0,
    CONSTRAINT customer_order_total CHECK (total_cents = items_total_cents - discount_cents + shipping_cents),
    CONSTRAINT customer_order_shipped_has_tracking
        CHECK (status NOT IN ('SHIPPED', 'DELIVERED') OR tracking_number IS NOT NULL),
    CONSTRAINT customer_order_has_contact CHECK (anonymised_at IS NOT NULL OR email IS NOT NULL),
    CONSTRAINT customer_order_countries CHECK (ship_country IN ('FR', 'BE', 'LU', 'MC')
                                               AND bill_country IN ('FR', 'BE', 'LU', 'MC')),
    -- Once the customer's data is erased, the order keeps amounts and products only.
    CONSTRAINT customer_order_anonymised_has_no_personal_data
        CHECK (anonymised_at IS NULL OR (email IS NULL AND ship_first_name IS NULL AND ship_last_name IS NULL
                                         AND ship_line1 IS NULL AND ship_line2 IS NULL AND ship_phone IS NULL
                                         AND bill_first_name IS NULL AND bill_last_name IS NULL
                                         AND bill_line1 IS NULL AND bill_line2 IS NULL))
);
CREATE INDEX customer_order_account_idx ON customer_order (account_id, placed_at DESC);
CREATE INDEX customer_order_status_idx ON customer_order (status, placed_at DESC);
CREATE INDEX customer_order_placed_idx ON customer_order (placed_at);
CREATE INDEX customer_order_shipping_method_idx ON customer_order (shipping_method_id);
CREATE INDEX customer_order_promo_code_idx ON customer_order (promo_code_id);
CREATE TRIGGER customer_order_updated_at BEFORE UPDATE ON customer_order
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE stock_movement
    ADD CONSTRAINT stock_movement_order_fk FOREIGN KEY (order_id) REFERENCES customer_order (id) ON DELETE SET NULL;
CREATE INDEX stock_movement_order_idx ON stock_movement (order_id);

CREATE TABLE order_line (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id         bigint NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    -- The product may disappear from the catalog; the line keeps its snapshot.
    product_id       bigint REFERENCES product (id) ON DELETE SET NULL,
    product_name     text NOT NULL,
    product_sku      text NOT NULL,
    unit_price_cents integer NOT NULL CHECK (unit_price_cents >= 0),
    vat_rate         numeric(4, 2) NOT NULL CHECK (vat_rate IN (2.10, 5.50, 10.00, 20.00)),
    quantity         integer NOT NULL CHECK (quantity > 0),
    line_total_cents integer NOT NULL,
    CONSTRAINT order_line_total CHECK (line_total_cents = unit_price_cents * quantity),
    UNIQUE (order_id, product_sku)
);
CREATE INDEX order_line_product_idx ON order_line (product_id);

CREATE TABLE order_status_change (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     bigint NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    from_status  text CHECK (from_status IN ('AWAITING_PAYMENT', 'PAID', 'PREPARING', 'SHIPPED', 'DELIVERED',
                                             'CANCELLED', 'REFUNDED')),
    to_status    text NOT NULL CHECK (to_status IN ('AWAITING_PAYMENT', 'PAID', 'PREPARING', 'SHIPPED', 'DELIVERED',
                                                    'CANCELLED', 'REFUNDED')),
    changed_at   timestamptz NOT NULL DEFAULT now(),
    changed_by   bigint REFERENCES account (id) ON DELETE SET NULL,
    note         text CHECK (length(note) <= 500)
);
CREATE INDEX order_status_change_order_idx ON order_status_change (order_id, changed_at);
CREATE INDEX order_status_change_account_idx ON order_status_change (changed_by);

-- Never a card number or a security code (CNIL 2018-303): only what the payment provider
-- returns and the last four digits to show the customer.
CREATE TABLE payment (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id            bigint NOT NULL REFERENCES customer_order (id) ON DELETE RESTRICT,
    provider            text NOT NULL CHECK (length(provider) BETWEEN 1 AND 40),
    provider_reference  text UNIQUE,
    card_last4          char(4) CHECK (card_last4 ~ '^[0-9]{4}$'),
    card_brand          text,
    amount_cents        integer NOT NULL CHECK (amount_cents > 0),
    status              text NOT NULL CHECK (status IN ('SUCCEEDED', 'REFUSED', 'REFUNDED')),
    failure_reason      text,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_order_idx ON payment (order_id);

-- French invoices are numbered in one continuous sequence per year, without gaps: the
-- counter row is locked and incremented in the transaction that creates the invoice, so a
-- rolled-back order gives its number back.
CREATE TABLE invoice_counter (
    year        integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),
    last_number integer NOT NULL CHECK (last_number >= 0)
);

CREATE TABLE invoice (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    bigint NOT NULL UNIQUE REFERENCES customer_order (id) ON DELETE RESTRICT,
    year        integer NOT NULL REFERENCES invoice_counter (year),
    number      integer NOT NULL CHECK (number > 0),
    -- The amount invoiced, VAT included, kept with the invoice itself.
    total_cents integer NOT NULL CHECK (total_cents >= 0),
    issued_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (year, number)
);
CREATE INDEX invoice_year_idx ON invoice (year);

-- An invoice, once issued, is never changed nor deleted (French commercial law): the
-- application may only create and read them. A refund is recorded on the order and its
-- payment, not by editing the invoice.
REVOKE UPDATE, DELETE, TRUNCATE ON invoice FROM ${application_role};
