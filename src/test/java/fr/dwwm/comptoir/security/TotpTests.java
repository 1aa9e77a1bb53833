package fr.dwwm.comptoir.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-time codes as RFC 6238 defines them, checked against the RFC's own test vectors.
 */
class TotpTests {

	/** The RFC's SHA-1 secret, "12345678901234567890", in Base32. */
	private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void codesMatchTheTestVectorsOfRfc6238(long seconds, String expected) {
		assertThat(Totp.code(RFC_SECRET, seconds / Totp.STEP_SECONDS, 8)).isEqualTo(expected);
	}

	@Test
	void aCodeIsAcceptedDuringItsStepAndTheNeighbouringOnes() {
		String secret = Totp.newSecret();
		Instant now = Instant.parse("2026-11-28T12:00:00Z");
		long step = Totp.stepAt(now);
		assertThat(Totp.verify(secret, Totp.code(secret, step, 6), now, null)).hasValue(step);
		assertThat(Totp.verify(secret, Totp.code(secret, step - 1, 6), now, null)).hasValue(step - 1);
		assertThat(Totp.verify(secret, Totp.code(secret, step + 1, 6), now, null)).hasValue(step + 1);
		assertThat(Totp.verify(secret, Totp.code(secret, step - 3, 6), now, null)).isEmpty();
	}

	@Test
	void aCodeCannotBeReplayed() {
		String secret = Totp.newSecret();
		Instant now = Instant.parse("2026-11-28T12:00:00Z");
		String code = Totp.code(secret, Totp.stepAt(now), 6);
		long used = Totp.verify(secret, code, now, null).getAsLong();
		assertThat(Totp.verify(secret, code, now, used)).isEmpty();
	}

	@Test
	void malformedCodesAreRefused() {
		String secret = Totp.newSecret();
		Instant now = Instant.now();
		assertThat(Totp.verify(secret, "12345", now, null)).isEmpty();
		assertThat(Totp.verify(secret, "abcdef", now, null)).isEmpty();
		assertThat(Totp.verify(secret, null, now, null)).isEmpty();
	}

	@Test
	void base32RoundTripsAndSecretsCarry160Bits() {
		byte[] bytes = "any bytes at all!".getBytes(StandardCharsets.UTF_8);
		assertThat(Totp.fromBase32(Totp.base32(bytes))).startsWith(bytes);
		assertThat(Totp.fromBase32(Totp.newSecret())).hasSize(20);
		assertThat(Totp.uri("Comptoir", "admin@comptoir.test", "ABC"))
			.startsWith("otpauth://totp/Comptoir:admin%40comptoir.test?secret=ABC");
	}

}
