package fr.dwwm.comptoir.security;

/**
 * Thrown when a passkey would be registered for an account that already holds the most it
 * may: the device's answer was valid, but there is no room left (another device took the
 * last place meanwhile). {@link PasskeyRegistrationGuard} answers it with 409, so the
 * page can say why no passkey was added.
 */
public class PasskeyLimitReached extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the refusal.
	 * @param limit the most passkeys an account may hold
	 */
	public PasskeyLimitReached(int limit) {
		super("The account holds " + limit + " passkeys already");
	}

}
