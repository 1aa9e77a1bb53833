package fr.dwwm.comptoir.order;

import java.util.Locale;
import java.util.UUID;

/**
 * An order about to be placed, as the checkout form gave it.
 *
 * @param cartId the cart to order
 * @param accountId the customer, or {@code null} for a guest
 * @param email where to send the confirmation
 * @param locale the customer's language
 * @param address where to deliver (and invoice)
 * @param shippingCode the chosen delivery method
 * @param promoCode the promotion code typed, or blank
 * @param idempotencyKey the key of the checkout form: the same key twice is one order
 * @param expectedTotalCents the total the customer saw and accepted
 * @param card the card to charge
 */
public record NewOrder(long cartId, Long accountId, String email, Locale locale, DeliveryAddress address,
		String shippingCode, String promoCode, UUID idempotencyKey, long expectedTotalCents, Card card) {

	/**
	 * A delivery address.
	 *
	 * @param firstName first name
	 * @param lastName last name
	 * @param line1 street and number
	 * @param line2 more, or {@code null}
	 * @param postalCode postal code
	 * @param city city
	 * @param country ISO code
	 * @param phone phone, or {@code null}
	 */
	public record DeliveryAddress(String firstName, String lastName, String line1, String line2, String postalCode,
			String city, String country, String phone) {
	}

	/**
	 * The card as typed; {@link #toString()} never shows it.
	 *
	 * @param number card number
	 * @param expiry {@code MM/AA}
	 * @param code security code
	 * @param holder name on the card
	 */
	public record Card(String number, String expiry, String code, String holder) {

		@Override
		public String toString() {
			return "Card[****]";
		}

	}

	@Override
	public String toString() {
		return "NewOrder[cart=" + this.cartId + ", key=" + this.idempotencyKey + "]";
	}

}
