package fr.dwwm.comptoir.module.builtin.newsletter;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule of a subscriber's address: what the visitor typed, trimmed and in lower case,
 * if it looks like a deliverable e-mail address. Only the confirmation e-mail proves that
 * it really is one, and that it is the visitor's.
 */
final class EmailAddresses {

	/** The longest address a mail server accepts (RFC 5321). */
	static final int MAX_LENGTH = 254;

	/** The longest part before the {@code @} (RFC 5321). */
	private static final int MAX_LOCAL_PART = 64;

	/**
	 * The address syntax of HTML's {@code <input type="email">}, with at least one dot in
	 * the domain: {@code camille@exemple} is refused, as no public address looks like it.
	 */
	private static final Pattern ADDRESS = Pattern.compile(
			"[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

	private EmailAddresses() {
	}

	/**
	 * Checks and normalises an address.
	 * @param raw what the visitor typed, possibly {@code null}
	 * @return the address in lower case, or empty if it is not a valid address
	 */
	static Optional<String> normalise(String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		String address = raw.strip().toLowerCase(Locale.ROOT);
		if (address.length() > MAX_LENGTH || address.indexOf('@') > MAX_LOCAL_PART
				|| !ADDRESS.matcher(address).matches()) {
			return Optional.empty();
		}
		return Optional.of(address);
	}

	/**
	 * Tells whether the visitor typed nothing at all.
	 * @param raw what the visitor typed
	 * @return whether it is empty or blank
	 */
	static boolean isBlank(String raw) {
		return raw == null || raw.isBlank();
	}

}
