package fr.dwwm.comptoir.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238, TOTP) as authenticator apps compute them:
 * HMAC-SHA1 of the number of 30-second steps since 1970, truncated to 6 digits (RFC
 * 4226). A code is accepted during its step and the steps just before and after, to
 * absorb clock drift.
 */
public final class Totp {

	/** Length of a step. */
	public static final int STEP_SECONDS = 30;

	/** Digits of a code. */
	public static final int DIGITS = 6;

	private static final int TOLERANCE_STEPS = 1;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final SecureRandom random = new SecureRandom();

	private Totp() {
	}

	/**
	 * Generates a new 160-bit secret, as RFC 4226 recommends.
	 * @return the secret in Base32, as authenticator apps expect it
	 */
	public static String newSecret() {
		byte[] bytes = new byte[20];
		random.nextBytes(bytes);
		return base32(bytes);
	}

	/**
	 * Computes the code of a step.
	 * @param secret the Base32 secret
	 * @param step the step number
	 * @param digits how many digits
	 * @return the code, left-padded with zeros
	 */
	public static String code(String secret, long step, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(fromBase32(secret), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			int modulo = (int) Math.pow(10, digits);
			return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulo);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns the step of an instant.
	 * @param instant the time
	 * @return seconds since 1970 divided by {@value #STEP_SECONDS}
	 */
	public static long stepAt(Instant instant) {
		return instant.getEpochSecond() / STEP_SECONDS;
	}

	/**
	 * Checks a code typed by a person, in constant time.
	 * @param secret the Base32 secret
	 * @param code what was typed (spaces ignored)
	 * @param now the current time
	 * @param lastUsedStep the step of the last accepted code, or {@code null}: that step
	 * and earlier ones are refused, so that a code cannot be replayed
	 * @return the matching step, if the code is valid
	 */
	public static OptionalLong verify(String secret, String code, Instant now, Long lastUsedStep) {
		String typed = (code != null) ? code.replaceAll("\\s", "") : "";
		if (!typed.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = stepAt(now);
		OptionalLong match = OptionalLong.empty();
		for (long step = current - TOLERANCE_STEPS; step <= current + TOLERANCE_STEPS; step++) {
			boolean equal = MessageDigest.isEqual(code(secret, step, DIGITS).getBytes(StandardCharsets.US_ASCII),
					typed.getBytes(StandardCharsets.US_ASCII));
			if (equal && (lastUsedStep == null || step > lastUsedStep) && match.isEmpty()) {
				match = OptionalLong.of(step);
			}
		}
		return match;
	}

	/**
	 * Builds the {@code otpauth://} URI that authenticator apps read from a QR code.
	 * @param issuer the service name, e.g. {@code Comptoir}
	 * @param account the account label, e.g. the e-mail address
	 * @param secret the Base32 secret
	 * @return the URI
	 */
	public static String uri(String issuer, String account, String secret) {
		return "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + secret + "&issuer="
				+ encode(issuer) + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

	static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	static byte[] fromBase32(String text) {
		String clean = text.replaceAll("[\\s=]", "").toUpperCase(Locale.ROOT);
		ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : clean.toCharArray()) {
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("Not Base32");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return out.array();
	}

}
