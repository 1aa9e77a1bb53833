-- Catalog: a tree of categories, products with a JSONB attributes document, their images
-- and the history of every stock change.

CREATE TABLE category (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- A category with sub-categories or products cannot be deleted (RESTRICT).
    parent_id   bigint REFERENCES category (id) ON DELETE RESTRICT,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
    description text CHECK (length(description) <= 2000),
    position    integer NOT NULL DEFAULT 0,
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     integer NOT NULL DEFAULT 0,
    CHECK (parent_id <> id)
);
CREATE INDEX category_parent_idx ON category (parent_id, position);
CREATE TRIGGER category_updated_at BEFORE UPDATE ON category
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- The tree may never contain a cycle (A parent of B parent of A): checked by the
-- database itself, whatever code moves a category.
CREATE FUNCTION category_refuse_cycle() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    -- Two moves at the same time could each see no cycle and together create one:
    -- moves of categories are serialised by a lock held until the end of the transaction.
    PERFORM pg_advisory_xact_lock(hashtext('category_tree'));
    IF NEW.parent_id IS NOT NULL AND EXISTS (
        WITH RECURSIVE ancestor(id, parent_id) AS (
            SELECT id, parent_id FROM category WHERE id = NEW.parent_id
            UNION ALL
            SELECT c.id, c.parent_id FROM category c JOIN ancestor a ON c.id = a.parent_id
        )
        SELECT 1 FROM ancestor WHERE id = NEW.id
    ) THEN
        RAISE EXCEPTION 'category % cannot be moved under its own descendant %', NEW.id, NEW.parent_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'category_no_cycle';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER category_no_cycle BEFORE INSERT OR UPDATE OF parent_id ON category
    FOR EACH ROW EXECUTE FUNCTION category_refuse_cycle();

CREATE TABLE product (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category_id   bigint NOT NULL REFERENCES category (id) ON DELETE RESTRICT,
    sku           text NOT NULL UNIQUE CHECK (sku ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$' AND length(sku) <= 32),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 150),
    slug          text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 160),
    summary       text NOT NULL CHECK (length(summary) BETWEEN 1 AND 300),
    description   text NOT NULL CHECK (length(description) BETWEEN 1 AND 10000),
    -- Unit price including VAT, in euro cents: integers, never floating point.
    price_cents   integer NOT NULL CHECK (price_cents >= 0),
    -- French VAT rates in per cent: 5.5 for food, 20 for everything else.
    vat_rate      numeric(4, 2) NOT NULL CHECK (vat_rate IN (2.10, 5.50, 10.00, 20.00)),
    stock         integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
    weight_grams  integer CHECK (weight_grams > 0),
    active        boolean NOT NULL DEFAULT false,
    featured      boolean NOT NULL DEFAULT false,
    -- Free-form characteristics, the "NoSQL" part of the model:
    -- {"origine": "Drôme", "poids": "250 g", "matière": "grès"}. Always a JSON object.
    attributes    jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attributes) = 'object'),
    -- Full-text document, computed by PostgreSQL: the name weighs more (A) than the
    -- summary (B) and the description (C).
    search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('comptoir_french'::regconfig, name), 'A')
        || setweight(to_tsvector('comptoir_french'::regconfig, summary), 'B')
        || setweight(to_tsvector('comptoir_french'::regconfig, description), 'C')) STORED,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       integer NOT NULL DEFAULT 0
);
CREATE INDEX product_category_idx ON product (category_id) WHERE active;
CREATE INDEX product_newest_idx ON product (created_at DESC, id DESC) WHERE active;
CREATE INDEX product_price_idx ON product (price_cents, id) WHERE active;
CREATE INDEX product_featured_idx ON product (id) WHERE active AND featured;
CREATE INDEX product_search_idx ON product USING gin (search_vector);
-- Typo tolerance: trigram similarity on the unaccented, lower-cased name ("figes").
CREATE INDEX product_name_trigram_idx ON product USING gin (immutable_unaccent(lower(name)) gin_trgm_ops);
-- Attribute facets: containment queries such as attributes @> '{"origine": "Drôme"}'.
CREATE INDEX product_attributes_idx ON product USING gin (attributes jsonb_path_ops);
CREATE TRIGGER product_updated_at BEFORE UPDATE ON product
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE product_image (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id   bigint NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    -- Random name given at upload: never the visitor's file name.
    file_name    text NOT NULL UNIQUE CHECK (file_name ~ '^[0-9a-f-]{36}\.(jpg|png|webp)$'),
    alt_text     text NOT NULL CHECK (length(alt_text) <= 200),
    position     integer NOT NULL DEFAULT 0 CHECK (position >= 0),
    width        integer NOT NULL CHECK (width > 0),
    height       integer NOT NULL CHECK (height > 0),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_image_product_idx ON product_image (product_id, position);

-- The image files themselves, in the database: every instance of the shop sees them and
-- one backup holds them. One row per size ("variant"), made once at upload.
CREATE TABLE image_variant (
    image_id     bigint NOT NULL REFERENCES product_image (id) ON DELETE CASCADE,
    width        integer NOT NULL CHECK (width > 0),
    content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    height       integer NOT NULL CHECK (height > 0),
    bytes        bytea NOT NULL CHECK (length(bytes) BETWEEN 1 AND 5242880),
    PRIMARY KEY (image_id, width, content_type)
);

CREATE TABLE stock_movement (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- A product with a stock history is never deleted, only unpublished: the history stays.
    product_id  bigint NOT NULL REFERENCES product (id) ON DELETE RESTRICT,
    delta       integer NOT NULL CHECK (delta <> 0),
    stock_after integer NOT NULL CHECK (stock_after >= 0),
    reason      text NOT NULL CHECK (reason IN ('ORDER', 'CANCELLATION', 'REFUND', 'ADJUSTMENT', 'INVENTORY', 'IMPORT')),
    note        text CHECK (length(note) <= 500),
    order_id    bigint,
    account_id  bigint REFERENCES account (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_movement_product_idx ON stock_movement (product_id, created_at DESC);
CREATE INDEX stock_movement_account_idx ON stock_movement (account_id);
