package fr.dwwm.comptoir.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;

/**
 * Passkeys for tests that need some without a device's ceremony: stored straight in the
 * database as if registered earlier, or as the record Spring Security hands to
 * {@code PasskeyCredentials.save} at a registration.
 */
public final class TestPasskeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private TestPasskeys() {
	}

	/**
	 * The account's WebAuthn user handle, made if it has none yet.
	 * @param jdbc the database
	 * @param accountId the account
	 * @return its handle
	 */
	public static byte[] userHandle(JdbcClient jdbc, long accountId) {
		jdbc.sql("INSERT INTO passkey_user (account_id, user_handle) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(accountId, randomBytes())
			.update();
		return jdbc.sql("SELECT user_handle FROM passkey_user WHERE account_id = ?")
			.param(accountId)
			.query(byte[].class)
			.single();
	}

	/**
	 * A passkey stored in the database, as if registered earlier.
	 * @param jdbc the database
	 * @param accountId its account
	 * @param label its name
	 * @return its credential id, base64url, as the security page's forms name it
	 */
	public static String stored(JdbcClient jdbc, long accountId, String label) {
		userHandle(jdbc, accountId);
		byte[] credentialId = randomBytes();
		jdbc.sql("""
				INSERT INTO passkey (credential_id, account_id, label, public_key, signature_count, uv_initialized,
				                     backup_eligible, backup_state, created_at)
				VALUES (?, ?, ?, ?, 0, true, true, true, ?)""")
			.params(credentialId, accountId, label, new byte[77], Timestamp.from(Instant.now()))
			.update();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(credentialId);
	}

	/**
	 * A passkey as a registration (signature counter 0) or a sign-in (higher) hands it
	 * over.
	 * @param userHandle its account's handle
	 * @param credentialId its id
	 * @param signatureCount the device's counter
	 * @param label its name
	 * @return Spring Security's record
	 */
	public static ImmutableCredentialRecord credential(byte[] userHandle, byte[] credentialId, long signatureCount,
			String label) {
		return ImmutableCredentialRecord.builder()
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(new Bytes(credentialId))
			.userEntityUserId(new Bytes(userHandle))
			.publicKey(new ImmutablePublicKeyCose(new byte[77]))
			.signatureCount(signatureCount)
			.uvInitialized(true)
			.backupEligible(true)
			.backupState(true)
			.transports(Set.of())
			.created(Instant.now())
			.lastUsed(Instant.now())
			.label(label)
			.build();
	}

	/**
	 * 32 random bytes: a user handle or a credential id.
	 * @return them
	 */
	public static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
