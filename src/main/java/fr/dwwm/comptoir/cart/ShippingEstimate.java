package fr.dwwm.comptoir.cart;

import java.util.List;

import fr.dwwm.comptoir.account.Country;

/**
 * The delivery of a cart as the cart page shows it: each method that takes this parcel to
 * this country with its price for this cart, and how far the cart is from free delivery.
 *
 * @param country where the parcel would go
 * @param weightGrams the parcel's weight, from the variants' weights
 * @param choices the methods that take it there, in the checkout's order
 * @param freeShipping the progress towards free delivery, or {@code null} when no method
 * becomes free
 */
public record ShippingEstimate(Country country, long weightGrams, List<Choice> choices, Progress freeShipping) {

	/**
	 * Tells whether some method delivers this parcel to this country.
	 * @return whether there is a price
	 */
	public boolean deliverable() {
		return !this.choices.isEmpty();
	}

	/**
	 * A method and its price for this cart.
	 *
	 * @param methodName its name
	 * @param priceCents its price, 0 when free
	 */
	public record Choice(String methodName, long priceCents) {
	}

	/**
	 * A cart's progress towards free shipping.
	 *
	 * @param methodName the shipping method that becomes free
	 * @param thresholdCents cart amount from which it is free
	 * @param itemsTotalCents the cart's amount
	 */
	public record Progress(String methodName, long thresholdCents, long itemsTotalCents) {

		/**
		 * Tells whether the cart already ships free.
		 * @return whether the threshold is reached
		 */
		public boolean reached() {
			return this.itemsTotalCents >= this.thresholdCents;
		}

		/**
		 * Returns what is missing to ship free.
		 * @return cents still to add, zero once reached
		 */
		public long remainingCents() {
			return Math.max(0, this.thresholdCents - this.itemsTotalCents);
		}

		/**
		 * Returns the message key describing this progress; its arguments are the method
		 * name, the remaining amount and the threshold.
		 * @return a key of the message bundles
		 */
		public String messageKey() {
			return reached() ? "cart.shipping.free" : "cart.shipping.remaining";
		}

	}

}
