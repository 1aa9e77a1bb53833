-- Version 1.0.0: how many times each product page was opened.
CREATE TABLE view_count (
    product_id bigint PRIMARY KEY REFERENCES public.product (id) ON DELETE CASCADE,
    views      bigint NOT NULL DEFAULT 0 CHECK (views >= 0)
);
