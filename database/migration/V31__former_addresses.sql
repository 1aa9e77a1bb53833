-- A product or a CMS page whose address (slug) changes keeps its former addresses: links
-- already shared, bookmarked, sent in a mail or indexed by a search engine lead to the
-- page's current address by a permanent redirect (301) instead of a dead end. A former
-- address belongs to one product or page at a time, and goes with it when it is deleted;
-- an address taken again by a live product or page is no longer a former one
-- (ProductAdministration, PageAdministration). The redirect is followed only to a product
-- on sale or a published page: a hidden one's new address is never revealed.
CREATE TABLE product_former_slug (
    slug       text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 160),
    product_id bigint NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    moved_at   timestamp with time zone NOT NULL DEFAULT now()
);
CREATE INDEX product_former_slug_product_id_idx ON product_former_slug (product_id);

CREATE TABLE cms_page_former_slug (
    slug     text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
    page_id  bigint NOT NULL REFERENCES cms_page (id) ON DELETE CASCADE,
    moved_at timestamp with time zone NOT NULL DEFAULT now()
);
CREATE INDEX cms_page_former_slug_page_id_idx ON cms_page_former_slug (page_id);
