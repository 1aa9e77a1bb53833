package fr.dwwm.comptoir.module;

/**
 * A lifecycle or configuration action the shop refuses, with the message to show.
 */
class ModuleRefusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String messageKey;

	ModuleRefusal(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	/**
	 * The message explaining the refusal.
	 * @return a message key
	 */
	public String messageKey() {
		return this.messageKey;
	}

}
