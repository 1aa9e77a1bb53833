package fr.dwwm.comptoir.order;

import java.util.List;

import fr.dwwm.comptoir.account.Country;
import fr.dwwm.comptoir.cart.CartView;

/**
 * What an order would cost: the cart with current prices, the delivery options priced for
 * it, the chosen one, the promotion code's verdict and the totals with their VAT. The
 * checkout page shows it; placing the order recomputes it and refuses if the total the
 * customer accepted has changed.
 *
 * @param cart the cart
 * @param country the delivery country
 * @param shippingOptions the delivery methods that take this parcel there, priced for
 * this basket
 * @param shipping the chosen one, or {@code null} when none does
 * @param promoCheck the verdict on the code typed, or {@code null} if none
 * @param totals the amounts
 */
public record Quote(CartView cart, Country country, List<ShippingMethods.Option> shippingOptions,
		ShippingMethods.Option shipping, PromoCodes.Check promoCheck, OrderTotals totals) {

	/**
	 * Returns the promotion applied.
	 * @return the code's check when it applies, else {@code null}
	 */
	public PromoCodes.Check promo() {
		return (this.promoCheck != null && this.promoCheck.applies()) ? this.promoCheck : null;
	}

}
