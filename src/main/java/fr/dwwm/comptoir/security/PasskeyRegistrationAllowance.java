package fr.dwwm.comptoir.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpSession;

/**
 * The proof, kept in the session, that the signed-in account typed its password again to
 * add a passkey: the security page grants it ({@link #allow}),
 * {@link PasskeyRegistrationGuard} reads it ({@link #allows}) for {@link #WINDOW}.
 */
public final class PasskeyRegistrationAllowance {

	/** How long after typing the password a passkey may be added. */
	public static final Duration WINDOW = Duration.ofMinutes(10);

	private static final String ATTRIBUTE = "comptoir.passkeyRegistrationAllowed";

	private PasskeyRegistrationAllowance() {
	}

	/**
	 * Lets the signed-in account add passkeys for {@link #WINDOW}, once its password has
	 * been typed again.
	 * @param session the session
	 * @param accountId the account
	 * @param now the time the password was checked
	 */
	public static void allow(HttpSession session, long accountId, Instant now) {
		session.setAttribute(ATTRIBUTE, new Allowed(accountId, now.plus(WINDOW)));
	}

	/**
	 * Tells whether this session may add a passkey to this account now.
	 * @param session the session
	 * @param accountId the signed-in account
	 * @param now the time of the request
	 * @return whether the account typed its password again in this session, recently
	 */
	static boolean allows(HttpSession session, long accountId, Instant now) {
		return session.getAttribute(ATTRIBUTE) instanceof Allowed allowed && allowed.accountId() == accountId
				&& now.isBefore(allowed.until());
	}

	/**
	 * The proof.
	 *
	 * @param accountId the account
	 * @param until when it expires
	 */
	record Allowed(long accountId, Instant until) implements Serializable {
	}

}
