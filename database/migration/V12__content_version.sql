-- The version of what the storefront shows: catalogue, editors' content, menus, modules and
-- their places. One number, raised by every transaction that changes any of it, whoever
-- made the change (back office, import, checkout taking stock, a script in psql) and on
-- whichever instance. The shop keeps the HTML of its public pages with the version they were
-- rendered at (fr.dwwm.comptoir.web.PageCache) and serves a kept page again only while the
-- version has not moved: nothing to evict by hand, nothing an instance can miss.
CREATE TABLE content_version (
    id      boolean PRIMARY KEY DEFAULT true CHECK (id),
    version bigint NOT NULL
);
INSERT INTO content_version (version) VALUES (1);

-- Raises the version once per transaction, however many rows it changed. The triggers that
-- call it are deferred to the commit: the new number becomes visible together with the new
-- data (never before it, or a page read in between would be kept under the new number with
-- the old data), and the one row is locked only during the commit, after every other lock
-- the transaction takes, so two transactions cannot wait for each other through it.
-- It runs with its owner's rights: the application may read the version, never set it.
CREATE FUNCTION content_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF current_setting('comptoir.content_changed', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('comptoir.content_changed', 'yes', true);
        UPDATE content_version SET version = version + 1;
    END IF;
    RETURN NULL;
END;
$$;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON content_version FROM ${application_role};

-- Puts a table under watch. Also called by modules whose tables feed a display hook, from
-- their own migrations (modules/reviews/migration/V2__watched.sql).
CREATE FUNCTION watch_content(watched regclass) RETURNS void
    LANGUAGE plpgsql SET search_path = public, pg_temp
AS $$
BEGIN
    EXECUTE format('CREATE CONSTRAINT TRIGGER content_changed AFTER INSERT OR UPDATE OR DELETE ON %s '
                   'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.content_changed()',
                   watched);
END;
$$;
REVOKE ALL ON FUNCTION watch_content(regclass) FROM PUBLIC, ${application_role};

SELECT watch_content(watched)
FROM unnest(ARRAY['category', 'product', 'product_image', 'image_variant', 'shipping_method',
                  'cms_page', 'cms_block', 'menu', 'menu_item', 'module', 'module_hook']::regclass[]) AS watched;
