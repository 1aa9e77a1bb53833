-- Content managed by editors: pages with their revisions, blocks placed in the display
-- hooks of the templates, and the header and footer menus.

CREATE TABLE cms_page (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug             text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
    title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 150),
    -- HTML that went through the OWASP sanitizer's allow-list when it was saved.
    content_html     text NOT NULL CHECK (length(content_html) <= 200000),
    meta_description text CHECK (length(meta_description) <= 300),
    status           text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
    published_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       bigint REFERENCES account (id) ON DELETE SET NULL,
    version          integer NOT NULL DEFAULT 0,
    CHECK (status = 'DRAFT' OR published_at IS NOT NULL)
);
CREATE INDEX cms_page_updated_by_idx ON cms_page (updated_by);
CREATE TRIGGER cms_page_updated_at BEFORE UPDATE ON cms_page
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE cms_page_revision (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    page_id          bigint NOT NULL REFERENCES cms_page (id) ON DELETE CASCADE,
    revision         integer NOT NULL CHECK (revision > 0),
    title            text NOT NULL,
    content_html     text NOT NULL,
    meta_description text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       bigint REFERENCES account (id) ON DELETE SET NULL,
    UNIQUE (page_id, revision)
);
CREATE INDEX cms_page_revision_created_by_idx ON cms_page_revision (created_by);

CREATE TABLE cms_block (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hook         text NOT NULL CHECK (hook ~ '^display[A-Z][A-Za-z]+$'),
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 150),
    content_html text NOT NULL CHECK (length(content_html) <= 50000),
    position     integer NOT NULL DEFAULT 0,
    active       boolean NOT NULL DEFAULT true,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      integer NOT NULL DEFAULT 0
);
CREATE INDEX cms_block_hook_idx ON cms_block (hook, position) WHERE active;
CREATE TRIGGER cms_block_updated_at BEFORE UPDATE ON cms_block
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE menu (
    code  text PRIMARY KEY CHECK (code IN ('HEADER', 'FOOTER')),
    label text NOT NULL
);

CREATE TABLE menu_item (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    menu_code   text NOT NULL REFERENCES menu (code) ON DELETE CASCADE,
    label       text NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
    -- An item leads to exactly one place: a CMS page, a category or a path of the shop.
    page_id     bigint REFERENCES cms_page (id) ON DELETE CASCADE,
    category_id bigint REFERENCES category (id) ON DELETE CASCADE,
    path        text CHECK (path ~ '^/[A-Za-z0-9/_.?=&-]*$'),
    position    integer NOT NULL DEFAULT 0,
    CONSTRAINT menu_item_one_target CHECK (num_nonnulls(page_id, category_id, path) = 1)
);
CREATE INDEX menu_item_menu_idx ON menu_item (menu_code, position);
CREATE INDEX menu_item_page_idx ON menu_item (page_id);
CREATE INDEX menu_item_category_idx ON menu_item (category_id);
