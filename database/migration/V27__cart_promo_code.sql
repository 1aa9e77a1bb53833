-- The promotion code a shopper applied at the checkout, kept with the cart: leaving the
-- checkout (back to the cart, to the catalogue, to sign in) no longer loses it. Not a
-- foreign key to promo_code: the code is checked again at every quote and at the order,
-- and a code deleted or expired meanwhile is simply no longer applied (and forgotten).
-- Same form as promo_code.code.
ALTER TABLE cart ADD COLUMN promo_code text CHECK (promo_code ~ '^[A-Z0-9]{3,20}$');
