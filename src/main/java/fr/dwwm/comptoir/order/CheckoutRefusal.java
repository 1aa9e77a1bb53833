package fr.dwwm.comptoir.order;

/**
 * Why an order could not be placed, as a message for the customer: nothing was charged,
 * and nothing already saved (the cart) was lost.
 */
public class CheckoutRefusal extends Refusal {

	private static final long serialVersionUID = 1L;

	CheckoutRefusal(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
