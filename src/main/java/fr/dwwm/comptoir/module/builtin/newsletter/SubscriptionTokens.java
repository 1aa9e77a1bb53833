package fr.dwwm.comptoir.module.builtin.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret of a subscription's links (confirm, unsubscribe): 32 random bytes written in
 * URL-safe Base64 (43 characters). The link carries the token; the database keeps only
 * its SHA-256 hash, so that someone who reads the table cannot confirm or cancel anyone's
 * subscription.
 */
final class SubscriptionTokens {

	/** Random bytes in a token: 256 bits, beyond any guessing. */
	static final int BYTES = 32;

	/**
	 * What a token looks like in a link: 32 bytes are 43 Base64 characters, no padding.
	 */
	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom random = new SecureRandom();

	private SubscriptionTokens() {
	}

	/**
	 * Draws a new token.
	 * @return the token, to put in a link and never to store
	 */
	static String newToken() {
		byte[] value = new byte[BYTES];
		random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	/**
	 * Tells whether a value from a link can be a token, before any database query.
	 * @param token the value of the link's {@code token} parameter, possibly {@code null}
	 * @return whether it has a token's length and alphabet
	 */
	static boolean isWellFormed(String token) {
		return token != null && FORMAT.matcher(token).matches();
	}

	/**
	 * The stored form of a token.
	 * @param token the token
	 * @return its SHA-256 hash (32 bytes)
	 */
	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
