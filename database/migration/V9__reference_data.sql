-- Reference data every shop needs, in production as in the demo.

INSERT INTO role (code, label) VALUES
    ('CUSTOMER', 'Client'),
    ('EDITOR', 'Rédacteur (catalogue et contenus)'),
    ('ADMIN', 'Administrateur');

INSERT INTO shipping_method (code, name, description, price_cents, free_from_cents, min_days, max_days, position) VALUES
    ('COLISSIMO', 'Colissimo à domicile', 'Livré chez vous en 2 à 3 jours ouvrés.', 590, 6000, 2, 3, 1),
    ('RELAY', 'Point relais', 'Retrait dans l''un des 10 000 points relais, sous 3 à 5 jours ouvrés.', 390, 4500, 3, 5, 2),
    ('PICKUP', 'Retrait à l''atelier', 'Gratuit, à Lyon, dès le lendemain de votre commande.', 0, NULL, 1, 1, 3);

INSERT INTO menu (code, label) VALUES
    ('HEADER', 'Menu principal'),
    ('FOOTER', 'Pied de page');
