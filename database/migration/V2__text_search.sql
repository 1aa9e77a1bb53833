-- French full-text search that ignores accents.
--
-- "comptoir_french" is PostgreSQL's French configuration with the unaccent dictionary in
-- front of the French stemmer: "Crèmes" and "creme" both become the lexeme 'crem'.
-- A configuration named explicitly (regconfig) makes to_tsvector() immutable, so it can
-- feed a generated column and an index.
CREATE TEXT SEARCH CONFIGURATION comptoir_french (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION comptoir_french
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

-- unaccent() is only STABLE (its dictionary could change), so PostgreSQL refuses it in an
-- index expression. This wrapper names the dictionary explicitly and is declared
-- IMMUTABLE, the documented way to index unaccented text (used by the trigram index).
CREATE FUNCTION immutable_unaccent(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN public.unaccent('public.unaccent'::regdictionary, value);

-- Keeps updated_at true whoever writes the row (JPA, JdbcClient or psql).
CREATE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
