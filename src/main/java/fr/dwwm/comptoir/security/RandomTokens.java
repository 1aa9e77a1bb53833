package fr.dwwm.comptoir.security;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable identifiers for links, cookies and nonces: bytes from the operating
 * system's cryptographic generator, written in URL-safe Base64 (ASVS 7.2.3 and ANSSI ask
 * for at least 128 random bits; a UUID only has 122).
 */
public final class RandomTokens {

	/**
	 * 256 bits, for anything that grants access: sessions, CSRF tokens, e-mailed links.
	 */
	public static final int SECRET_BYTES = 32;

	private static final SecureRandom random = new SecureRandom();

	private RandomTokens() {
	}

	/**
	 * Returns a new token.
	 * @param bytes how many random bytes it carries
	 * @return the bytes in URL-safe Base64 without padding
	 */
	public static String urlSafe(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	/**
	 * Returns what is kept of a token instead of the token: its SHA-256 digest, so that a
	 * copy of the database (or of a counter in memory) opens nothing.
	 * @param token the token
	 * @return 64 hexadecimal characters
	 */
	public static String digest(String token) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
