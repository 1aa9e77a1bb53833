package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.account.PostalAddress;
import java.util.Locale;
import java.util.UUID;

/**
 * Orders as the checkout form sends them, for the tests that place orders without going
 * through the pages: a Paris address, the first delivery method, no promotion code, a new
 * idempotency key.
 */
public final class TestOrders {

	/** The delivery address of every test order. */
	public static final PostalAddress ADDRESS = new PostalAddress("Camille", "Martin", "8 rue des Lilas", null, "75011",
			"Paris", "FR", null);

	/** The demo card that is always accepted. */
	public static final String ACCEPTED_CARD = DemoPaymentGateway.ACCEPTED;

	private TestOrders() {
	}

	/**
	 * A card with a future expiry date and a valid security code.
	 * @param number the card number (see {@link DemoPaymentGateway} for the test cards)
	 * @return the card
	 */
	public static NewOrder.Card card(String number) {
		return new NewOrder.Card(number, "12/39", "123", "Camille Martin");
	}

	/**
	 * An order of a cart, in French.
	 * @param cartId the cart
	 * @param accountId the customer, or {@code null} for a guest
	 * @param email the contact address
	 * @param expectedTotalCents the total the customer accepted (from the cart's quote)
	 * @param cardNumber the card number
	 * @return the order, with a new idempotency key
	 */
	public static NewOrder of(long cartId, Long accountId, String email, long expectedTotalCents, String cardNumber) {
		return new NewOrder(cartId, accountId, email, Locale.FRANCE, ADDRESS, null, null, UUID.randomUUID(),
				expectedTotalCents, card(cardNumber));
	}

}
