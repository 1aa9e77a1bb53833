-- Product reviews (module "reviews"), in the module's own schema: uninstalling the module
-- drops this schema and nothing else.

CREATE TABLE review (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id   bigint NOT NULL REFERENCES public.product (id) ON DELETE CASCADE,
    account_id   bigint NOT NULL REFERENCES public.account (id) ON DELETE CASCADE,
    -- "Camille D.": what the customer agreed to show, copied when the review was written.
    author_name  text NOT NULL CHECK (length(author_name) <= 110),
    rating       smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    body         text NOT NULL CHECK (length(body) BETWEEN 10 AND 2000),
    -- Bought through the shop while the module was enabled.
    verified     boolean NOT NULL DEFAULT false,
    status       text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    moderated_at timestamptz,
    CHECK ((status = 'PENDING') = (moderated_at IS NULL)),
    -- One review per customer and product.
    UNIQUE (product_id, account_id)
);
CREATE INDEX review_product_idx ON review (product_id, created_at DESC) WHERE status = 'APPROVED';
CREATE INDEX review_account_idx ON review (account_id);
CREATE INDEX review_pending_idx ON review (created_at) WHERE status = 'PENDING';

-- Who bought what, learnt from the "order placed" action hook.
CREATE TABLE purchase (
    account_id bigint NOT NULL REFERENCES public.account (id) ON DELETE CASCADE,
    product_id bigint NOT NULL REFERENCES public.product (id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, product_id)
);
CREATE INDEX purchase_product_idx ON purchase (product_id);
