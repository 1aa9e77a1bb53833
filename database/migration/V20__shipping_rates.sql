-- Shipping prices by weight band and destination country (issue 28), set in the back
-- office instead of in SQL. A method's price for a parcel is the price of its band, for
-- the delivery country, with the smallest upper weight that holds the parcel; a method
-- with no such band (too heavy, or not delivered there) is not offered. The method's
-- free-shipping threshold still applies on top (the goods after discount, VAT included).
CREATE TABLE shipping_rate (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shipping_method_id  bigint NOT NULL REFERENCES shipping_method (id) ON DELETE CASCADE,
    country             char(2) NOT NULL CHECK (country IN ('FR', 'BE', 'LU', 'MC')),
    -- The band holds parcels up to this weight, included.
    max_weight_grams    integer NOT NULL CHECK (max_weight_grams BETWEEN 1 AND 1000000),
    price_cents         integer NOT NULL CHECK (price_cents BETWEEN 0 AND 100000),
    CONSTRAINT shipping_rate_one_band UNIQUE (shipping_method_id, country, max_weight_grams)
);

-- Live data: every method keeps its price, for every country, up to 30 kg, the heaviest
-- parcel the carriers of the reference data take; the owner refines the bands in the
-- back office (the demo data does, R__demo_4_shipping.sql).
INSERT INTO shipping_rate (shipping_method_id, country, max_weight_grams, price_cents)
SELECT m.id, c.country, 30000, m.price_cents
FROM shipping_method m CROSS JOIN (VALUES ('FR'), ('BE'), ('LU'), ('MC')) AS c (country);

-- The single price is now the bands': kept in one place only.
ALTER TABLE shipping_method DROP COLUMN price_cents;

-- The order of the methods at the checkout, as the back office sets it.
ALTER TABLE shipping_method ADD CONSTRAINT shipping_method_position_check CHECK (position >= 0);

SELECT watch_content('shipping_rate');
