package fr.dwwm.comptoir.order;

/**
 * Why a refund or a return was refused, as a message for the person who asked: nothing
 * was refunded and nothing already saved was changed.
 */
public class RefundRefusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String messageKey;

	private final transient Object[] arguments;

	RefundRefusal(String messageKey, Object... arguments) {
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
