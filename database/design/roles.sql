-- Comptoir: database and roles (run once per server, as a superuser, with psql).
--
--   psql -v ON_ERROR_STOP=1 -U postgres -f database/design/roles.sql
--
-- Two roles, following the principle of least privilege (ANSSI, OWASP ASVS 1.2.4):
--   comptoir_owner  owns the database and its schema; only Flyway connects with it,
--                   to create and change tables (DDL).
--   comptoir_app    what the running shop connects with: it may read and write rows
--                   (SELECT, INSERT, UPDATE, DELETE) but may not create, alter or drop
--                   anything, so an SQL injection could never drop a table.
-- Passwords are not in this file: set them afterwards, interactively with psql's
--   \password comptoir_app
-- or from a script, the value coming from your secret store (psql quotes it itself):
--   echo "ALTER ROLE comptoir_app PASSWORD :'pw'" | psql -v pw="$APP_PASSWORD"
-- (the embedded development server listens on localhost only and needs none).

CREATE ROLE comptoir_owner LOGIN;
CREATE ROLE comptoir_app LOGIN;

CREATE DATABASE comptoir OWNER comptoir_owner ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE comptoir FROM PUBLIC;
GRANT CONNECT ON DATABASE comptoir TO comptoir_app;

\connect comptoir

-- The public schema belongs to the database owner; nobody else may create objects in it.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO comptoir_app;

-- Every table and sequence that comptoir_owner creates later (through Flyway) is
-- readable and writable by the application, and nothing more.
ALTER DEFAULT PRIVILEGES FOR ROLE comptoir_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO comptoir_app;
ALTER DEFAULT PRIVILEGES FOR ROLE comptoir_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO comptoir_app;
ALTER DEFAULT PRIVILEGES FOR ROLE comptoir_owner IN SCHEMA public
    GRANT EXECUTE ON FUNCTIONS TO comptoir_app;
