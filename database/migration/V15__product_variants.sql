-- Variants (« déclinaisons »): a product is sold in one or several variants, each a
-- combination of option values (Contenance 250 g; Taille 160 × 250 cm; Émail Céladon) with
-- its own reference, price, stock, weight, pictures and active flag. A product without
-- options has exactly one variant, with no option value.
--
-- Live data: every existing product becomes a product with one variant carrying its
-- reference, price, stock and weight; its pictures stay shared by all its variants; cart
-- lines, order lines and the stock history now point to that variant. Nothing is lost and
-- a visitor sees the same pages (VariantMigrationTests compares before and after).

-- What a product may vary by: a vocabulary shared by the whole catalogue.
CREATE TABLE option_type (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 50),
    -- The schema.org property search engines know it by (ProductGroup.variesBy), if any.
    schema_property text CHECK (schema_property IN ('size', 'color', 'material', 'pattern')),
    position        integer NOT NULL DEFAULT 0
);

CREATE TABLE option_value (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    option_type_id bigint NOT NULL REFERENCES option_type (id) ON DELETE RESTRICT,
    label          text NOT NULL CHECK (length(label) BETWEEN 1 AND 50),
    position       integer NOT NULL DEFAULT 0,
    UNIQUE (option_type_id, label),
    -- Target of variant_option_value's foreign key: a value with the type it belongs to.
    UNIQUE (id, option_type_id)
);

CREATE TABLE product_variant (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- A variant with a stock history is never deleted (stock_movement, RESTRICT): it is
    -- deactivated. Deleting a product that never sold takes its variants with it.
    product_id    bigint NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    sku           text NOT NULL UNIQUE CHECK (sku ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$' AND length(sku) <= 32),
    -- Unit price including VAT, in euro cents (the VAT rate is the product's).
    price_cents   integer NOT NULL CHECK (price_cents >= 0),
    stock         integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
    weight_grams  integer CHECK (weight_grams > 0),
    active        boolean NOT NULL DEFAULT true,
    position      integer NOT NULL DEFAULT 0,
    -- The variant's option values as their ids in ascending order ('7-12'), '' for the one
    -- variant of a product without options. Written by a trigger on variant_option_value,
    -- never by the application: two variants of one product never have the same
    -- combination. Deferred, since the values of a new variant arrive one row at a time.
    combination   text NOT NULL DEFAULT '' CHECK (combination ~ '^([0-9]+(-[0-9]+)*)?$'),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       integer NOT NULL DEFAULT 0,
    CONSTRAINT product_variant_one_per_combination UNIQUE (product_id, combination) DEFERRABLE INITIALLY DEFERRED,
    -- Target of product_image's foreign key: a variant with the product it belongs to.
    UNIQUE (id, product_id)
);
CREATE INDEX product_variant_product_idx ON product_variant (product_id, position, id);
CREATE TRIGGER product_variant_updated_at BEFORE UPDATE ON product_variant
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- The association between a variant and its option values, one value per option type: the
-- primary key forbids « 250 g » and « 450 g » on the same jar, the composite foreign key a
-- value filed under another type than the one it claims.
CREATE TABLE variant_option_value (
    variant_id      bigint NOT NULL REFERENCES product_variant (id) ON DELETE CASCADE,
    option_type_id  bigint NOT NULL,
    option_value_id bigint NOT NULL,
    PRIMARY KEY (variant_id, option_type_id),
    FOREIGN KEY (option_value_id, option_type_id) REFERENCES option_value (id, option_type_id) ON DELETE RESTRICT
);
CREATE INDEX variant_option_value_value_idx ON variant_option_value (option_value_id);

CREATE FUNCTION variant_combination() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    changed bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.variant_id ELSE NEW.variant_id END;
BEGIN
    UPDATE product_variant
    SET combination = coalesce((SELECT string_agg(option_value_id::text, '-' ORDER BY option_value_id)
                                FROM variant_option_value WHERE variant_id = changed), '')
    WHERE id = changed;
    RETURN NULL;
END;
$$;
CREATE TRIGGER variant_option_value_combination AFTER INSERT OR UPDATE OR DELETE ON variant_option_value
    FOR EACH ROW EXECUTE FUNCTION variant_combination();

-- A variant's label: its values in the order of their types (« 450 g », « Grand · Bleu »),
-- NULL for the one variant of a product without options. Computed, never stored, so a value
-- renamed in the back office is renamed everywhere; an order line keeps its own copy.
CREATE FUNCTION variant_label(variant bigint) RETURNS text
    LANGUAGE sql STABLE AS
$$
    SELECT string_agg(v.label, ' · ' ORDER BY t.position, t.id)
    FROM variant_option_value vo
    JOIN option_value v ON v.id = vo.option_value_id
    JOIN option_type t ON t.id = vo.option_type_id
    WHERE vo.variant_id = variant
$$;

-- Every existing product becomes a product with one variant, with its own reference.
INSERT INTO product_variant (product_id, sku, price_cents, stock, weight_grams, active, position)
SELECT id, sku, price_cents, stock, weight_grams, true, 0 FROM product;
ALTER TABLE product DROP COLUMN weight_grams;

-- product.price_cents and product.stock stay, as a summary the database keeps for the
-- listings (sorting and filtering by price on an index, « en stock » without a join): the
-- lowest price and the total stock of the product's active variants. Controlled
-- denormalisation: written only by this trigger, which runs with its owner's rights; the
-- application may no longer write these two columns (column privileges below).
--   The stock is kept by adding the difference (stock = stock + delta): two orders taking
-- units of two variants of one product at the same time each add their own, whatever the
-- order they commit in. The lowest price is recomputed, rarely (a price or a variant
-- switched on or off): the product row is locked first, so the statement that reads the
-- prices starts after any other transaction changing them has committed.
CREATE FUNCTION product_variant_summary() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    target bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.product_id ELSE NEW.product_id END;
    delta  integer := CASE WHEN TG_OP <> 'DELETE' AND NEW.active THEN NEW.stock ELSE 0 END
                    - CASE WHEN TG_OP <> 'INSERT' AND OLD.active THEN OLD.stock ELSE 0 END;
BEGIN
    IF delta <> 0 THEN
        UPDATE product SET stock = stock + delta WHERE id = target;
    END IF;
    IF TG_OP <> 'UPDATE' OR NEW.price_cents <> OLD.price_cents OR NEW.active <> OLD.active THEN
        PERFORM 1 FROM product WHERE id = target FOR UPDATE;
        UPDATE product p
        SET price_cents = lowest
        FROM (SELECT min(price_cents) AS lowest FROM product_variant WHERE product_id = target AND active) s
        WHERE p.id = target AND s.lowest IS NOT NULL AND p.price_cents <> s.lowest;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER product_variant_summary AFTER INSERT OR DELETE OR UPDATE OF price_cents, stock, active
    ON product_variant FOR EACH ROW EXECUTE FUNCTION product_variant_summary();

REVOKE INSERT, UPDATE ON product FROM ${application_role};
GRANT INSERT (category_id, sku, name, slug, summary, description, price_cents, vat_rate, active, featured, attributes,
              created_at, updated_at) ON product TO ${application_role};
GRANT UPDATE (category_id, sku, name, slug, summary, description, vat_rate, active, featured, attributes,
              updated_at, version) ON product TO ${application_role};

-- A product is always sold in at least one variant (cardinality 1,n): checked at the end of
-- the transaction that creates a product (its first variant comes in the same transaction)
-- or that deletes or moves a variant. Deleting the product itself takes its variants along.
CREATE FUNCTION product_has_a_variant() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    target bigint;
BEGIN
    IF TG_TABLE_NAME = 'product' THEN
        target := NEW.id;
    ELSE
        target := OLD.product_id;
    END IF;
    IF EXISTS (SELECT 1 FROM product WHERE id = target)
       AND NOT EXISTS (SELECT 1 FROM product_variant WHERE product_id = target) THEN
        RAISE EXCEPTION 'product % has no variant', target
            USING ERRCODE = 'check_violation', CONSTRAINT = 'product_has_a_variant';
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER product_has_a_variant AFTER INSERT ON product
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION product_has_a_variant();
CREATE CONSTRAINT TRIGGER product_keeps_a_variant AFTER DELETE OR UPDATE OF product_id ON product_variant
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION product_has_a_variant();

-- A picture is shared by all the variants of its product (variant_id NULL) or belongs to
-- one of them; the composite key forbids the variant of another product.
ALTER TABLE product_image ADD COLUMN variant_id bigint;
ALTER TABLE product_image ADD CONSTRAINT product_image_variant_fk
    FOREIGN KEY (variant_id, product_id) REFERENCES product_variant (id, product_id) ON DELETE CASCADE;
CREATE INDEX product_image_variant_idx ON product_image (variant_id) WHERE variant_id IS NOT NULL;

-- A cart holds variants.
ALTER TABLE cart_line ADD COLUMN variant_id bigint REFERENCES product_variant (id) ON DELETE CASCADE;
UPDATE cart_line l SET variant_id = v.id FROM product_variant v WHERE v.product_id = l.product_id;
ALTER TABLE cart_line ALTER COLUMN variant_id SET NOT NULL;
ALTER TABLE cart_line DROP CONSTRAINT cart_line_pkey;
ALTER TABLE cart_line DROP COLUMN product_id;
ALTER TABLE cart_line ADD PRIMARY KEY (cart_id, variant_id);
CREATE INDEX cart_line_variant_idx ON cart_line (variant_id);

-- An order line points to the variant sold and keeps a copy of its label; product_sku
-- already keeps the reference sold, now the variant's.
ALTER TABLE order_line ADD COLUMN variant_id bigint REFERENCES product_variant (id) ON DELETE SET NULL;
ALTER TABLE order_line ADD COLUMN variant_label text CHECK (length(variant_label) BETWEEN 1 AND 200);
UPDATE order_line l SET variant_id = v.id FROM product_variant v WHERE v.product_id = l.product_id;
CREATE INDEX order_line_variant_idx ON order_line (variant_id);

-- The stock history is kept per variant.
ALTER TABLE stock_movement ADD COLUMN variant_id bigint REFERENCES product_variant (id) ON DELETE RESTRICT;
UPDATE stock_movement m SET variant_id = v.id FROM product_variant v WHERE v.product_id = m.product_id;
ALTER TABLE stock_movement ALTER COLUMN variant_id SET NOT NULL;
ALTER TABLE stock_movement DROP COLUMN product_id;
CREATE INDEX stock_movement_variant_idx ON stock_movement (variant_id, created_at DESC);

-- What the storefront shows changes with them: cached pages see it on the next request.
SELECT watch_content(watched)
FROM unnest(ARRAY['option_type', 'option_value', 'product_variant', 'variant_option_value']::regclass[]) AS watched;
