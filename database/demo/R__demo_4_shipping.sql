-- Demo shipping grid (demo mode only): prices by weight band and destination country for
-- the reference methods, like a carrier's price list, so that the cart and the checkout
-- show a price that follows the parcel's weight and the delivery country. Applied once:
-- only while Colissimo still has the single band per country V20 gave every method, so
-- that a grid changed in the back office is kept when this file runs again.
DO $demo$
BEGIN
    IF (SELECT count(*) FROM shipping_rate r JOIN shipping_method m ON m.id = r.shipping_method_id
        WHERE m.code = 'COLISSIMO') <> 4 THEN
        RETURN;
    END IF;
    DELETE FROM shipping_rate
    WHERE shipping_method_id IN (SELECT id FROM shipping_method WHERE code IN ('COLISSIMO', 'RELAY'));
    INSERT INTO shipping_rate (shipping_method_id, country, max_weight_grams, price_cents)
    SELECT m.id, band.country, band.max_weight_grams, band.price_cents
    FROM shipping_method m
    JOIN (VALUES
        ('COLISSIMO', 'FR', 500, 590), ('COLISSIMO', 'FR', 1000, 750), ('COLISSIMO', 'FR', 2000, 890),
        ('COLISSIMO', 'FR', 5000, 1290), ('COLISSIMO', 'FR', 10000, 1790), ('COLISSIMO', 'FR', 30000, 2690),
        ('COLISSIMO', 'MC', 500, 590), ('COLISSIMO', 'MC', 1000, 750), ('COLISSIMO', 'MC', 2000, 890),
        ('COLISSIMO', 'MC', 5000, 1290), ('COLISSIMO', 'MC', 10000, 1790), ('COLISSIMO', 'MC', 30000, 2690),
        ('COLISSIMO', 'BE', 500, 1190), ('COLISSIMO', 'BE', 1000, 1390), ('COLISSIMO', 'BE', 2000, 1590),
        ('COLISSIMO', 'BE', 5000, 1990), ('COLISSIMO', 'BE', 10000, 2990), ('COLISSIMO', 'BE', 30000, 4490),
        ('COLISSIMO', 'LU', 500, 1190), ('COLISSIMO', 'LU', 1000, 1390), ('COLISSIMO', 'LU', 2000, 1590),
        ('COLISSIMO', 'LU', 5000, 1990), ('COLISSIMO', 'LU', 10000, 2990), ('COLISSIMO', 'LU', 30000, 4490),
        ('RELAY', 'FR', 1000, 390), ('RELAY', 'FR', 5000, 590), ('RELAY', 'FR', 20000, 990),
        ('RELAY', 'BE', 1000, 590), ('RELAY', 'BE', 5000, 890), ('RELAY', 'BE', 20000, 1390),
        ('RELAY', 'LU', 1000, 590), ('RELAY', 'LU', 5000, 890), ('RELAY', 'LU', 20000, 1390)
    ) AS band (code, country, max_weight_grams, price_cents) ON band.code = m.code;
END;
$demo$;
