package fr.dwwm.comptoir.order;

/**
 * Why an order could not be placed, as a message for the customer: nothing was charged,
 * and nothing already saved (the cart) was lost.
 */
public class CheckoutRefusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String messageKey;

	private final transient Object[] arguments;

	CheckoutRefusal(String messageKey, Object... arguments) {
		super(messageKey, null, false, false);
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	/**
	 * Returns the key of the message shown to the customer.
	 * @return a key of the message bundles
	 */
	public String getMessageKey() {
		return this.messageKey;
	}

	/**
	 * Returns the message's arguments.
	 * @return a copy of the arguments
	 */
	public Object[] getArguments() {
		return this.arguments.clone();
	}

}
