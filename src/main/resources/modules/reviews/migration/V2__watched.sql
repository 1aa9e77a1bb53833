-- Approved reviews show on the product page, which the shop keeps and serves again while
-- nothing it shows has changed: writing a review, moderating or deleting one raises the
-- storefront's version (public.watch_content, shop migration V12), so the next visitor
-- gets the page as it now is.
SELECT public.watch_content('review');
