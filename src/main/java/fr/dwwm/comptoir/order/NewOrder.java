package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.account.PostalAddress;

import java.util.Locale;
import java.util.UUID;

/**
 * An order about to be placed, as the checkout form gave it.
 *
 * @param cartId the cart to order
 * @param accountId the customer, or {@code null} for a guest
 * @param email where to send the confirmation
 * @param locale the customer's language
 * @param address where to deliver
 * @param billing who and where to invoice: the delivery address unless the customer gave
 * another one
 * @param shippingCode the chosen delivery method
 * @param promoCode the promotion code typed, or blank
 * @param idempotencyKey the key of the checkout form: the same key twice is one order
 * @param expectedTotalCents the total the customer saw and accepted
 * @param card the card to charge
 */
public record NewOrder(long cartId, Long accountId, String email, Locale locale, PostalAddress address,
		PostalAddress billing, String shippingCode, String promoCode, UUID idempotencyKey, long expectedTotalCents,
		Card card) {

	/**
	 * An order invoiced to its delivery address.
	 * @param cartId the cart
	 * @param accountId the customer, or {@code null} for a guest
	 * @param email where to write
	 * @param locale the customer's language
	 * @param address the delivery address, also the billing address
	 * @param shippingCode the delivery method
	 * @param promoCode the promotion code typed, or {@code null}
	 * @param idempotencyKey the form's key
	 * @param expectedTotalCents the total the customer saw
	 * @param card the card
	 */
	public NewOrder(long cartId, Long accountId, String email, Locale locale, PostalAddress address,
			String shippingCode, String promoCode, UUID idempotencyKey, long expectedTotalCents, Card card) {
		this(cartId, accountId, email, locale, address, address, shippingCode, promoCode, idempotencyKey,
				expectedTotalCents, card);
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
