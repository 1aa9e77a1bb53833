-- Messages of the contact form (module "contact"), in the module's own schema: uninstalling
-- the module drops this schema and every message with it.
--
-- The form checks the rules people see (a message of 10 to 5,000 characters...); the
-- constraints below are the database's own guard, counted in characters as PostgreSQL does.

CREATE TABLE message (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    email      text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '_%@_%'),
    subject    text NOT NULL CHECK (subject IN ('commande', 'produit', 'autre')),
    body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at timestamptz NOT NULL DEFAULT now(),
    -- NEW until someone of the shop has answered.
    status     text NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'HANDLED'))
);

-- The messages still to answer, oldest first.
CREATE INDEX message_new_idx ON message (created_at) WHERE status = 'NEW';
