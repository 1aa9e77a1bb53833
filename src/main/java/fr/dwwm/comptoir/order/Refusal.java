package fr.dwwm.comptoir.order;

/**
 * Why the shop refused what someone asked of an order, as a message for them: the key of
 * a message of the bundles and its arguments. Nothing was charged or refunded, and
 * nothing already saved was lost. Thrown without a stack trace: it is an answer, not a
 * fault.
 */
public abstract class Refusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String messageKey;

	private final transient Object[] arguments;

	Refusal(String messageKey, Object... arguments) {
		super(messageKey, null, false, false);
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	/**
	 * Returns the key of the message shown.
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
