package fr.dwwm.comptoir.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the few secrets the shop must be able to read back (second-factor seeds) with
 * AES-256-GCM and the application's key ({@code APP_SECRET_KEY}): a copy of the database
 * alone does not give them away. The result is {@code v1:} followed by the Base64 of a
 * random 96-bit nonce and the ciphertext with its authentication tag.
 */
@Component
public class SecretBox {

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	SecretBox(@Value("${app.secret-key}") String base64Key) {
		byte[] bytes = Base64.getDecoder().decode(base64Key);
		if (bytes.length != 32) {
			throw new IllegalStateException(
					"app.secret-key must be 32 random bytes in Base64 (openssl rand -base64 32)");
		}
		this.key = new SecretKeySpec(bytes, "AES");
	}

	/**
	 * Encrypts a short text.
	 * @param plain the secret
	 * @return {@code v1:} and the Base64 of nonce and ciphertext
	 */
	public String seal(String plain) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] all = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, all, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, all, NONCE_BYTES, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(all);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt", ex);
		}
	}

	/**
	 * Decrypts what {@link #seal} produced, checking it was not altered.
	 * @param sealed the encrypted text
	 * @return the secret
	 */
	public String open(String sealed) {
		if (sealed == null || !sealed.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Not a sealed secret");
		}
		try {
			byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
			return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The secret was altered or sealed with another key", ex);
		}
	}

}
