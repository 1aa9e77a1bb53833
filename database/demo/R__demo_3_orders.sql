-- Demo sales (demo mode only): about 90 days of orders by the demo customers and by
-- guests, with their payments, invoices and status history, plus abandoned carts, so that
-- the back-office dashboard and its charts have something to show.
-- Runs once: if demo orders exist, nothing happens (they are the only orders without a cart:
-- every order placed through the checkout keeps its cart, V11). setseed() makes the
-- "random" data the same on every machine, except the idempotency keys: those come from
-- gen_random_uuid(), since a key anyone can compute shows its order to whoever replays it.
DO $demo$
DECLARE
    order_count      integer := 0;
    day_offset       integer;
    orders_that_day  integer;
    placed           timestamptz;
    customer         record;
    is_guest         boolean;
    guest_names      text[] := ARRAY['Élise Fontaine', 'Marc Girard', 'Sophie Blanc', 'Paul Chevalier', 'Anaïs Lemoine',
                                     'Victor Perrin', 'Margaux Colin', 'Nathan Faure'];
    guest_cities     text[][] := ARRAY[['12 rue Victor Hugo', '37000', 'Tours'], ['7 rue des Halles', '21000', 'Dijon'],
                                       ['40 rue de Metz', '31000', 'Toulouse'], ['3 rue Bouffard', '33000', 'Bordeaux'],
                                       ['15 rue de Siam', '29200', 'Brest'], ['22 Grande Rue', '25000', 'Besançon']];
    guest_index      integer;
    city_index       integer;
    method           record;
    roll             double precision;
    order_status     text;
    items_total      integer;
    discount         integer;
    shipping         integer;
    promo            record;
    new_order_id     bigint;
    line_count       integer;
    paid             timestamptz;
    shipped          timestamptz;
    delivered        timestamptz;
    cancelled        timestamptz;
    refunded         timestamptz;
    tracking         text;
BEGIN
    IF EXISTS (SELECT 1 FROM customer_order WHERE cart_id IS NULL) THEN
        RETURN;
    END IF;
    PERFORM setseed(0.2026);

    FOR day_offset IN REVERSE 90..0 LOOP
        -- A little more on weekends.
        orders_that_day := floor(random() * CASE WHEN extract(isodow FROM current_date - day_offset) >= 6 THEN 8 ELSE 6 END)::integer;
        FOR n IN 1..orders_that_day LOOP
            order_count := order_count + 1;
            IF day_offset = 0 THEN
                placed := now() - (random() * interval '8 hours');
            ELSE
                placed := (current_date - day_offset) + interval '8 hours' + random() * interval '14 hours';
            END IF;

            -- Three orders out of four come from a demo customer, the others from guests.
            is_guest := random() >= 0.75;
            IF NOT is_guest THEN
                SELECT a.id, a.email, a.first_name, a.last_name, ad.line1, ad.line2, ad.postal_code, ad.city
                INTO customer
                FROM account a JOIN address ad ON ad.account_id = a.id AND ad.is_default
                WHERE a.role_code = 'CUSTOMER' AND a.created_at < placed
                ORDER BY random() LIMIT 1;
                is_guest := NOT FOUND;
            END IF;
            IF is_guest THEN
                guest_index := 1 + floor(random() * array_length(guest_names, 1))::integer;
                city_index := 1 + floor(random() * array_length(guest_cities, 1))::integer;
                SELECT NULL::bigint AS id,
                       'invite' || order_count || '@exemple.test' AS email,
                       split_part(guest_names[guest_index], ' ', 1) AS first_name,
                       split_part(guest_names[guest_index], ' ', 2) AS last_name,
                       guest_cities[city_index][1] AS line1, NULL::text AS line2,
                       guest_cities[city_index][2] AS postal_code, guest_cities[city_index][3] AS city
                INTO customer;
            END IF;

            roll := random();
            SELECT * INTO method FROM shipping_method
            WHERE code = CASE WHEN roll < 0.6 THEN 'COLISSIMO' WHEN roll < 0.9 THEN 'RELAY' ELSE 'PICKUP' END;

            IF day_offset >= 8 THEN
                roll := random();
                order_status := CASE WHEN roll < 0.04 THEN 'CANCELLED' WHEN roll < 0.06 THEN 'REFUNDED' ELSE 'DELIVERED' END;
            ELSIF day_offset >= 3 THEN
                order_status := 'SHIPPED';
            ELSIF day_offset >= 1 THEN
                order_status := 'PREPARING';
            ELSE
                order_status := CASE WHEN random() < 0.2 THEN 'AWAITING_PAYMENT' ELSE 'PAID' END;
            END IF;

            paid := CASE WHEN order_status IN ('AWAITING_PAYMENT', 'CANCELLED') THEN NULL ELSE placed + interval '2 minutes' END;
            shipped := CASE WHEN order_status IN ('SHIPPED', 'DELIVERED', 'REFUNDED') THEN placed + interval '1 day' + random() * interval '1 day' END;
            delivered := CASE WHEN order_status IN ('DELIVERED', 'REFUNDED') THEN shipped + interval '2 days' + random() * interval '1 day' END;
            refunded := CASE WHEN order_status = 'REFUNDED' THEN delivered + interval '5 days' END;
            cancelled := CASE WHEN order_status = 'CANCELLED' THEN placed + interval '1 hour' END;
            tracking := CASE WHEN shipped IS NOT NULL THEN '6A' || lpad((floor(random() * 1e11))::bigint::text, 11, '0') END;

            INSERT INTO customer_order (reference, idempotency_key, account_id, email, status,
                    ship_first_name, ship_last_name, ship_line1, ship_line2, ship_postal_code, ship_city, ship_country,
                    bill_first_name, bill_last_name, bill_line1, bill_line2, bill_postal_code, bill_city, bill_country,
                    shipping_method_id, shipping_method_name, items_total_cents, discount_cents, shipping_cents, total_cents,
                    tracking_number, terms_accepted_at, placed_at, paid_at, shipped_at, delivered_at, cancelled_at, refunded_at)
            VALUES ('CPT-' || extract(year FROM placed)::integer || '-' || lpad(nextval('customer_order_number_seq')::text, 6, '0'),
                    gen_random_uuid(), customer.id, customer.email, order_status,
                    customer.first_name, customer.last_name, customer.line1, customer.line2, customer.postal_code, customer.city, 'FR',
                    customer.first_name, customer.last_name, customer.line1, customer.line2, customer.postal_code, customer.city, 'FR',
                    method.id, method.name, 0, 0, 0, 0,
                    tracking, placed, placed, paid, shipped, delivered, cancelled, refunded)
            RETURNING id INTO new_order_id;

            -- One to four different variants of products, mostly one unit each.
            line_count := 1 + floor(random() * random() * 4)::integer;
            INSERT INTO order_line (order_id, product_id, variant_id, product_name, variant_label, product_sku,
                                    unit_price_cents, vat_rate, quantity, line_total_cents)
            SELECT new_order_id, p.product_id, p.variant_id, p.name, variant_label(p.variant_id), p.sku, p.price_cents,
                   p.vat_rate, q.quantity, p.price_cents * q.quantity
            FROM (SELECT pr.id AS product_id, v.id AS variant_id, pr.name, v.sku, v.price_cents, pr.vat_rate
                  FROM product_variant v JOIN product pr ON pr.id = v.product_id
                  WHERE pr.active AND v.active ORDER BY random() LIMIT line_count) p
            CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.8 THEN 1 ELSE 2 + floor(random() * 2)::integer END AS quantity
                                WHERE p.variant_id IS NOT NULL) q;

            SELECT coalesce(sum(line_total_cents), 0) INTO items_total FROM order_line WHERE order_id = new_order_id;

            discount := 0;
            SELECT * INTO promo FROM promo_code
            WHERE code = 'BIENVENUE10' AND placed BETWEEN starts_at AND ends_at AND items_total >= minimum_basket_cents;
            -- Once per customer (per_customer_limit), like the checkout: random() is drawn as
            -- before, so the rest of the demo data stays the same. Never for client@comptoir.test,
            -- who applies it in the demo script (docs/parcours-demo.md): which orders fall in the
            -- code's validity depends on the hour the data is loaded at, and at some hours the
            -- demo customer had used it already.
            IF FOUND AND random() < 0.3 AND customer.email <> 'client@comptoir.test' AND NOT EXISTS (
                    SELECT 1 FROM customer_order o
                    WHERE o.promo_code_id = promo.id AND o.email = customer.email AND o.status <> 'CANCELLED') THEN
                discount := round(items_total * promo.amount / 100.0)::integer;
                UPDATE promo_code SET uses = uses + 1 WHERE id = promo.id;
                UPDATE customer_order SET promo_code_id = promo.id, promo_code = promo.code WHERE id = new_order_id;
            END IF;
            shipping := CASE WHEN method.free_from_cents IS NOT NULL AND items_total - discount >= method.free_from_cents
                             THEN 0 ELSE (SELECT min(price_cents) FROM shipping_rate
                                          WHERE shipping_method_id = method.id AND country = 'FR') END;
            UPDATE customer_order
            SET items_total_cents = items_total, discount_cents = discount, shipping_cents = shipping,
                total_cents = items_total - discount + shipping
            WHERE id = new_order_id;

            -- Status history, in the order the transitions happened.
            INSERT INTO order_status_change (order_id, from_status, to_status, changed_at)
            SELECT new_order_id, step.from_status, step.to_status, step.at
            FROM (VALUES (NULL, 'AWAITING_PAYMENT', placed),
                         ('AWAITING_PAYMENT', 'PAID', paid),
                         ('AWAITING_PAYMENT', 'CANCELLED', cancelled),
                         ('PAID', 'PREPARING', CASE WHEN order_status IN ('PREPARING', 'SHIPPED', 'DELIVERED', 'REFUNDED') THEN paid + interval '3 hours' END),
                         ('PREPARING', 'SHIPPED', shipped),
                         ('SHIPPED', 'DELIVERED', delivered),
                         ('DELIVERED', 'REFUNDED', refunded)) AS step (from_status, to_status, at)
            WHERE step.at IS NOT NULL;

            IF paid IS NOT NULL THEN
                INSERT INTO payment (order_id, provider, provider_reference, card_last4, card_brand, amount_cents, status, created_at)
                SELECT new_order_id, 'demo', 'demo_' || md5('payment-' || order_count),
                       (ARRAY['4242', '1881', '0005', '5100'])[1 + floor(random() * 4)::integer],
                       (ARRAY['CB', 'VISA', 'MASTERCARD'])[1 + floor(random() * 3)::integer],
                       total_cents, CASE WHEN order_status = 'REFUNDED' THEN 'REFUNDED' ELSE 'SUCCEEDED' END, paid
                FROM customer_order WHERE id = new_order_id;
            END IF;

            -- The cart this order came from.
            INSERT INTO cart (account_id, checked_out_at, created_at, updated_at)
            VALUES (customer.id, placed, placed - interval '20 minutes', placed);
        END LOOP;
    END LOOP;

    -- Invoice numbers: one continuous sequence per year, in the order of payment.
    INSERT INTO invoice_counter (year, last_number)
    SELECT DISTINCT extract(year FROM paid_at)::integer, 0 FROM customer_order WHERE paid_at IS NOT NULL
    ON CONFLICT (year) DO NOTHING;
    INSERT INTO invoice (order_id, year, number, total_cents, issued_at)
    SELECT o.id, extract(year FROM o.paid_at)::integer,
           (SELECT c.last_number FROM invoice_counter c WHERE c.year = extract(year FROM o.paid_at)::integer)
             + row_number() OVER (PARTITION BY extract(year FROM o.paid_at) ORDER BY o.paid_at, o.id),
           o.total_cents, o.paid_at
    FROM customer_order o
    WHERE o.paid_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM invoice i WHERE i.order_id = o.id);
    UPDATE invoice_counter c SET last_number = (SELECT max(number) FROM invoice i WHERE i.year = c.year);

    -- After the sale (V16): each refunded order came back through a return, received then
    -- refunded in full, documented by a credit note numbered per year in the order the
    -- refunds were made.
    INSERT INTO return_request (order_id, status, reason, requested_at, decided_at, received_at, refunded_at)
    SELECT o.id, 'REFUNDED', 'Changement d''avis', o.delivered_at + interval '1 day', o.delivered_at + interval '2 days',
           o.refunded_at - interval '1 day', o.refunded_at
    FROM customer_order o
    WHERE o.status = 'REFUNDED' AND NOT EXISTS (SELECT 1 FROM return_request r WHERE r.order_id = o.id);
    INSERT INTO return_line (return_id, order_line_id, quantity)
    SELECT r.id, l.id, l.quantity
    FROM return_request r JOIN order_line l ON l.order_id = r.order_id
    WHERE NOT EXISTS (SELECT 1 FROM return_line x WHERE x.return_id = r.id);
    INSERT INTO refund (order_id, payment_id, return_id, idempotency_key, lines_cents, discount_cents, shipping_cents,
                        extra_cents, amount_cents, status, provider_reference, requested_at, settled_at)
    SELECT o.id, p.id, rr.id, gen_random_uuid(), o.items_total_cents, o.discount_cents, o.shipping_cents, 0,
           o.total_cents, 'SUCCEEDED', 'demo_re_' || md5('refund-' || o.id), o.refunded_at, o.refunded_at
    FROM customer_order o
    JOIN payment p ON p.order_id = o.id
    JOIN return_request rr ON rr.order_id = o.id
    WHERE o.status = 'REFUNDED' AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.order_id = o.id);
    INSERT INTO refund_line (refund_id, order_line_id, quantity)
    SELECT r.id, l.id, l.quantity
    FROM refund r JOIN order_line l ON l.order_id = r.order_id
    WHERE r.lines_cents > 0 AND NOT EXISTS (SELECT 1 FROM refund_line x WHERE x.refund_id = r.id);
    INSERT INTO credit_note_counter (year, last_number)
    SELECT DISTINCT extract(year FROM settled_at)::integer, 0 FROM refund WHERE status = 'SUCCEEDED'
    ON CONFLICT (year) DO NOTHING;
    INSERT INTO credit_note (refund_id, invoice_id, year, number, total_cents, issued_at)
    SELECT r.id, i.id, extract(year FROM r.settled_at)::integer,
           (SELECT c.last_number FROM credit_note_counter c WHERE c.year = extract(year FROM r.settled_at)::integer)
             + row_number() OVER (PARTITION BY extract(year FROM r.settled_at) ORDER BY r.settled_at, r.id),
           r.amount_cents, r.settled_at
    FROM refund r JOIN invoice i ON i.order_id = r.order_id
    WHERE r.status = 'SUCCEEDED' AND r.provider_reference LIKE 'demo\_re\_%'
      AND NOT EXISTS (SELECT 1 FROM credit_note n WHERE n.refund_id = r.id);
    UPDATE credit_note_counter c SET last_number = (SELECT max(number) FROM credit_note n WHERE n.year = c.year);

    -- One return waiting for staff: the last order a customer received in the past ten days.
    INSERT INTO return_request (order_id, status, reason, requested_at)
    SELECT o.id, 'REQUESTED', 'La nappe est trop petite pour notre table.', o.delivered_at + interval '1 day'
    FROM customer_order o
    WHERE o.status = 'DELIVERED' AND o.account_id IS NOT NULL AND o.delivered_at > now() - interval '10 days'
      AND o.delivered_at + interval '1 day' < now()
    ORDER BY o.delivered_at DESC LIMIT 1;
    INSERT INTO return_line (return_id, order_line_id, quantity)
    SELECT r.id, (SELECT l.id FROM order_line l WHERE l.order_id = r.order_id ORDER BY l.id LIMIT 1), 1
    FROM return_request r
    WHERE r.status = 'REQUESTED' AND NOT EXISTS (SELECT 1 FROM return_line x WHERE x.return_id = r.id);

    -- Carts abandoned before checkout (about two for every order), for the conversion rate.
    INSERT INTO cart (account_id, created_at, updated_at)
    SELECT NULL, t, t
    FROM (SELECT now() - random() * interval '90 days' AS t FROM generate_series(1, order_count * 2)) abandoned;
    INSERT INTO cart_line (cart_id, variant_id, quantity, added_at)
    SELECT c.id, p.id, 1, c.created_at
    FROM cart c
    CROSS JOIN LATERAL (SELECT v.id FROM product_variant v JOIN product pr ON pr.id = v.product_id
                        WHERE pr.active AND v.active AND c.id IS NOT NULL ORDER BY random() LIMIT 1) p
    WHERE c.checked_out_at IS NULL AND c.account_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM cart_line l WHERE l.cart_id = c.id);
END;
$demo$;
