-- Demo accounts (demo mode only: this folder is not loaded under the production profile).
-- Re-run by Flyway when this file changes, so every statement is idempotent.
--
-- Passwords, documented in the README (never reuse them anywhere):
--   client@comptoir.test   Tartine-beurre-miel-2026           customer
--   editeur@comptoir.test  Pain-de-campagne-au-levain-42      editor (catalog and content)
--   admin@comptoir.test    Moulin-a-poivre-en-bois-de-hetre   administrator
--   every other customer   Camille-aime-les-confitures
-- The hashes are Argon2id (m=19456 KiB, t=2, p=1), as the application computes them.

INSERT INTO account (email, password_hash, first_name, last_name, phone, role_code, email_verified_at, password_changed_at, created_at)
VALUES
    ('client@comptoir.test',
     '{argon2}$argon2id$v=19$m=19456,t=2,p=1$xAhUEMEF6+FvbipYLQk6Eg$rTclwKllhbaowjIbwQqsS3FcDQLt8wnJucsDNzAa/Bs',
     'Camille', 'Martin', '06 12 34 56 78', 'CUSTOMER', now() - interval '200 days', now() - interval '200 days', now() - interval '200 days'),
    ('editeur@comptoir.test',
     '{argon2}$argon2id$v=19$m=19456,t=2,p=1$dbM7tvJzXuNQ0vF9NqCt2A$ODB/76MA5CbiLDucOXyDgD+ieBZsj8jsrk7iEND+VJY',
     'Hugo', 'Lefèvre', NULL, 'EDITOR', now() - interval '400 days', now() - interval '100 days', now() - interval '400 days'),
    ('admin@comptoir.test',
     '{argon2}$argon2id$v=19$m=19456,t=2,p=1$e6TVv6NYJCOE8wZ7o8cGKg$UOz2xRO5m2AvVelHrd2IabYZzRabw+Mm7G7N1LwG9BE',
     'Nadia', 'Benali', NULL, 'ADMIN', now() - interval '400 days', now() - interval '100 days', now() - interval '400 days')
ON CONFLICT (email) DO NOTHING;

INSERT INTO account (email, password_hash, first_name, last_name, role_code, email_verified_at, password_changed_at, created_at)
SELECT customer.email,
       '{argon2}$argon2id$v=19$m=19456,t=2,p=1$ISRR4sp62e5ErF6jvOpO6w$4wjmY8cFCOHI7c5fWTW6PYf10A/tZDucrKXg3zzED40',
       customer.first_name, customer.last_name, 'CUSTOMER',
       now() - customer.age, now() - customer.age, now() - customer.age
FROM (VALUES
    ('lea.bernard@exemple.test', 'Léa', 'Bernard', interval '180 days'),
    ('thomas.dubois@exemple.test', 'Thomas', 'Dubois', interval '170 days'),
    ('manon.robert@exemple.test', 'Manon', 'Robert', interval '160 days'),
    ('lucas.richard@exemple.test', 'Lucas', 'Richard', interval '150 days'),
    ('chloe.petit@exemple.test', 'Chloé', 'Petit', interval '140 days'),
    ('louis.durand@exemple.test', 'Louis', 'Durand', interval '130 days'),
    ('ines.moreau@exemple.test', 'Inès', 'Moreau', interval '120 days'),
    ('gabriel.laurent@exemple.test', 'Gabriel', 'Laurent', interval '110 days'),
    ('jade.simon@exemple.test', 'Jade', 'Simon', interval '100 days'),
    ('arthur.michel@exemple.test', 'Arthur', 'Michel', interval '95 days'),
    ('zoe.garcia@exemple.test', 'Zoé', 'Garcia', interval '60 days'),
    ('jules.roux@exemple.test', 'Jules', 'Roux', interval '20 days')
) AS customer (email, first_name, last_name, age)
ON CONFLICT (email) DO NOTHING;

-- One or two addresses per customer; the first one is the default.
INSERT INTO address (account_id, label, first_name, last_name, line1, line2, postal_code, city, country, phone, is_default)
SELECT a.id, place.label, a.first_name, a.last_name, place.line1, place.line2, place.postal_code, place.city, 'FR', NULL,
       place.is_default
FROM account a
JOIN (VALUES
    ('client@comptoir.test', 'Domicile', '8 rue Mercière', NULL, '69002', 'Lyon', true),
    ('client@comptoir.test', 'Bureau', '25 cours Lafayette', 'Bâtiment B, 3e étage', '69003', 'Lyon', false),
    ('lea.bernard@exemple.test', 'Domicile', '14 rue du Faubourg Saint-Denis', NULL, '75010', 'Paris', true),
    ('thomas.dubois@exemple.test', 'Domicile', '3 place du Capitole', NULL, '31000', 'Toulouse', true),
    ('manon.robert@exemple.test', 'Domicile', '52 quai des Chartrons', NULL, '33000', 'Bordeaux', true),
    ('lucas.richard@exemple.test', 'Domicile', '9 rue Sainte-Catherine', NULL, '13001', 'Marseille', true),
    ('chloe.petit@exemple.test', 'Domicile', '27 rue de la Monnaie', NULL, '59800', 'Lille', true),
    ('louis.durand@exemple.test', 'Domicile', '6 rue du Bain-aux-Plantes', NULL, '67000', 'Strasbourg', true),
    ('ines.moreau@exemple.test', 'Domicile', '18 rue Kervégan', NULL, '44000', 'Nantes', true),
    ('gabriel.laurent@exemple.test', 'Domicile', '4 rue de la Loge', NULL, '34000', 'Montpellier', true),
    ('jade.simon@exemple.test', 'Domicile', '11 rue Saint-Malo', NULL, '35000', 'Rennes', true),
    ('arthur.michel@exemple.test', 'Domicile', '2 place Stanislas', NULL, '54000', 'Nancy', true),
    ('zoe.garcia@exemple.test', 'Domicile', '30 rue Masséna', NULL, '06000', 'Nice', true),
    ('jules.roux@exemple.test', 'Domicile', '5 rue de la Grosse-Horloge', NULL, '76000', 'Rouen', true)
) AS place (email, label, line1, line2, postal_code, city, is_default) ON place.email = a.email
WHERE NOT EXISTS (SELECT 1 FROM address existing WHERE existing.account_id = a.id AND existing.label = place.label);
