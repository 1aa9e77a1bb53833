-- Demo reviews (demo mode only: ModuleSchemas adds this folder to the module's migrations
-- when app.demo.enabled is true, as the shop adds database/demo to its own). Written by the
-- demo customers who bought the product in the demo orders (delivered ones), so every
-- review is a verified purchase, already moderated. About one product in two gets one or
-- more reviews; the ratings are mostly good, some are not, as in a real shop.
--
-- Repeatable and idempotent: one review per customer and product (the table's UNIQUE), and
-- nothing is written over a review a customer or a moderator changed.

INSERT INTO purchase (account_id, product_id)
SELECT DISTINCT o.account_id, l.product_id
FROM public.customer_order o
JOIN public.order_line l ON l.order_id = o.id
JOIN public.account a ON a.id = o.account_id
WHERE o.status IN ('DELIVERED', 'SHIPPED') AND l.product_id IS NOT NULL AND a.email LIKE '%@exemple.test'
ON CONFLICT DO NOTHING;

WITH texts (kind, n, rating, title, body) AS (
    VALUES
    ('food', 0, 5, 'Un vrai goût de fait maison', 'Rien à voir avec ce qu''on trouve en grande surface : on sent le produit, pas le sucre. Le pot est déjà presque vide.'),
    ('food', 1, 5, 'Parfait pour offrir', 'Offert à ma mère avec d''autres produits de la boutique, elle a adoré. Joli emballage, arrivé bien protégé.'),
    ('food', 2, 4, 'Très bon, un peu cher', 'La qualité est là, aucun doute. Le prix reste élevé pour un usage quotidien, je le garde pour les bonnes occasions.'),
    ('food', 3, 4, 'Bon produit, livraison rapide', 'Reçu en trois jours, bien emballé. Le goût est fidèle à la description, je recommanderai.'),
    ('food', 4, 3, 'Correct sans plus', 'Bon produit mais je m''attendais à un goût plus marqué d''après la description. Pas déçu pour autant.'),
    ('food', 5, 5, 'Je recommande', 'Troisième commande de ce produit : toujours aussi bon, et la date limite est toujours longue.'),
    ('home', 0, 5, 'Encore plus beau en vrai', 'Les couleurs sont plus douces que sur la photo et la finition est soignée. On sent le travail d''artisan.'),
    ('home', 1, 4, 'Belle qualité', 'Solide et joli, conforme à la description. Une petite différence de teinte avec la photo, rien de gênant.'),
    ('home', 2, 5, 'Un cadeau réussi', 'Offert pour une pendaison de crémaillère, tout le monde a demandé d''où il venait. Emballage très soigné.'),
    ('home', 3, 3, 'Bien mais délai long', 'L''objet est beau, mais il a fallu attendre une semaine de plus que prévu. Le service client a répondu vite.'),
    ('home', 4, 4, 'Pratique au quotidien', 'On s''en sert tous les jours depuis deux mois et il tient très bien. Je reprendrai la même chose.')
), bought AS (
    SELECT p.product_id, p.account_id,
           CASE WHEN c.slug IN ('ceramique', 'linge-de-maison', 'savons-et-bougies') THEN 'home' ELSE 'food' END AS kind,
           row_number() OVER (PARTITION BY p.product_id ORDER BY p.account_id) AS rank_in_product,
           dense_rank() OVER (ORDER BY p.product_id) AS product_rank,
           row_number() OVER (ORDER BY p.product_id, p.account_id) AS overall
    FROM purchase p
    JOIN public.product pr ON pr.id = p.product_id
    JOIN public.category c ON c.id = pr.category_id
)
INSERT INTO review (product_id, account_id, author_name, rating, title, body, verified, status, created_at, moderated_at)
SELECT b.product_id, b.account_id, a.first_name || ' ' || left(a.last_name, 1) || '.', t.rating, t.title, t.body,
       true, 'APPROVED', now() - make_interval(days => (b.overall % 40)::integer + 2),
       now() - make_interval(days => (b.overall % 40)::integer + 1)
FROM bought b
JOIN public.account a ON a.id = b.account_id
JOIN texts t ON t.kind = b.kind AND t.n = (b.overall % CASE WHEN b.kind = 'home' THEN 5 ELSE 6 END)
-- One product in two gets reviews, at most three each.
WHERE b.product_rank % 2 = 1 AND b.rank_in_product <= 3
ON CONFLICT (product_id, account_id) DO NOTHING;
