package fr.dwwm.comptoir.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.SecretBox;
import fr.dwwm.comptoir.security.Totp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor: a code from an authenticator app (TOTP, RFC 6238), mandatory for
 * staff and optional for customers (ANSSI PG-078 R1, OWASP ASVS 6.3.3). The app's secret
 * is stored encrypted; ten single-use recovery codes, stored as hashes, stand in for a
 * lost phone. SMS is deliberately not offered (ANSSI R8).
 *
 * <p>
 * What an attacker who knows the password must not be able to do:
 * <ul>
 * <li>set up a factor of their own on an account that has one ({@link #confirmSetup} only
 * writes where there is none, in the same statement);</li>
 * <li>replace or remove the factor without it ({@link #replace} and {@link #disable} are
 * called after the current code and the password were typed again);</li>
 * <li>guess codes in many sessions: failures are counted per account, each attempt before
 * its check and in one statement, and the factor is locked at {@value #MAX_FAILURES}
 * until the owner, told by mail, chooses a new password.</li>
 * </ul>
 * Every change is audited and mailed to the owner.
 */
@Service
public class SecondFactor {

	/** How many recovery codes are issued. */
	static final int RECOVERY_CODES = 10;

	/** Wrong codes in a row, whatever the sessions, that lock the factor. */
	static final int MAX_FAILURES = 10;

	private static final String RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final SecretBox secrets;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final SecurityNotices notices;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SecondFactor(SecretBox secrets, JdbcClient jdbc, AuditLog audit, SecurityNotices notices, Clock clock) {
		this.secrets = secrets;
		this.jdbc = jdbc;
		this.audit = audit;
		this.notices = notices;
		this.clock = clock;
	}

	/**
	 * Tells whether an account has an authenticator app set up.
	 * @param accountId the account
	 * @return whether a secret is stored
	 */
	@Transactional(readOnly = true)
	public boolean isSetUp(long accountId) {
		return this.jdbc.sql("SELECT totp_secret IS NOT NULL FROM account WHERE id = :id")
			.param("id", accountId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Finishes setting up an authenticator app on an account that has none: the code
	 * proves the app holds the secret.
	 * @param accountId the account
	 * @param secret the Base32 secret shown to the person
	 * @param code the code their app shows
	 * @return the recovery codes to show once, or an empty list if the code is wrong or
	 * the account already has a factor
	 */
	@Transactional
	public List<String> confirmSetup(long accountId, String secret, String code) {
		return store(accountId, secret, code, false);
	}

	/**
	 * Replaces the authenticator app of an account that has one. The caller has checked
	 * the password and the current factor just before (see
	 * {@code AccountSecurityController}).
	 * @param accountId the account
	 * @param secret the new Base32 secret shown to the person
	 * @param code the code the new app shows
	 * @return the new recovery codes to show once, or an empty list if the code is wrong
	 */
	@Transactional
	public List<String> replace(long accountId, String secret, String code) {
		return store(accountId, secret, code, true);
	}

	private List<String> store(long accountId, String secret, String code, boolean replacing) {
		String action = replacing ? "MFA_REPLACE" : "MFA_SETUP";
		OptionalLong step = Totp.verify(secret, code, Instant.now(this.clock), null);
		if (step.isEmpty()) {
			this.audit.record(action, AuditLog.Outcome.FAILURE, accountId, null, Map.of());
			return List.of();
		}
		// The condition on the stored secret is the rule itself: a set-up never
		// overwrites a factor, a replacement never creates one.
		int stored = this.jdbc.sql("""
				UPDATE account SET totp_secret = :secret, totp_last_step = :step, mfa_enabled_at = :now,
				    mfa_failures = 0, mfa_locked_at = NULL
				WHERE id = :id AND (totp_secret IS NOT NULL) = :replacing""")
			.param("secret", this.secrets.seal(secret))
			.param("step", step.getAsLong())
			.param("now", Timestamp.from(Instant.now(this.clock)))
			.param("id", accountId)
			.param("replacing", replacing)
			.update();
		if (stored == 0) {
			this.audit.record(action, AuditLog.Outcome.DENIED, accountId, "account:" + accountId,
					Map.of("reason", replacing ? "no factor to replace" : "a factor is already set up"));
			return List.of();
		}
		List<String> codes = newRecoveryCodes(accountId);
		this.audit.record(action, AuditLog.Outcome.SUCCESS, accountId, "account:" + accountId, Map.of());
		this.notices.tell(accountId, replacing ? "mfa-replaced" : "mfa-enabled");
		return codes;
	}

	/**
	 * Checks a code from the app, or a recovery code. A code is accepted once. Each try
	 * is counted before it is checked, in one statement, so that parallel tries cannot
	 * outrun the limit; a right code clears the count, the {@value #MAX_FAILURES}th wrong
	 * one in a row locks the factor and tells the owner.
	 * @param accountId the account
	 * @param code what the person typed
	 * @return whether it proves the second factor
	 */
	@Transactional
	public boolean verify(long accountId, String code) {
		Optional<Attempt> attempt = this.jdbc.sql("""
				UPDATE account SET mfa_failures = mfa_failures + 1
				WHERE id = :id AND totp_secret IS NOT NULL AND mfa_locked_at IS NULL AND mfa_failures < :max
				RETURNING mfa_failures, totp_secret, totp_last_step""")
			.param("id", accountId)
			.param("max", MAX_FAILURES)
			.query((row, number) -> new Attempt(row.getInt("mfa_failures"), row.getString("totp_secret"),
					(Long) row.getObject("totp_last_step")))
			.optional();
		if (attempt.isEmpty()) {
			this.audit.record("MFA", AuditLog.Outcome.DENIED, accountId, null, Map.of("reason", "locked"));
			return false;
		}
		String method = accepted(accountId, attempt.get(), code);
		if (method != null) {
			this.jdbc.sql("UPDATE account SET mfa_failures = 0 WHERE id = :id").param("id", accountId).update();
			this.audit.record("MFA", AuditLog.Outcome.SUCCESS, accountId, null, Map.of("method", method));
			return true;
		}
		this.audit.record("MFA", AuditLog.Outcome.FAILURE, accountId, null, Map.of());
		if (attempt.get().failures() >= MAX_FAILURES) {
			this.jdbc.sql("UPDATE account SET mfa_locked_at = :now WHERE id = :id")
				.param("now", Timestamp.from(Instant.now(this.clock)))
				.param("id", accountId)
				.update();
			this.audit.record("MFA_LOCK", AuditLog.Outcome.SUCCESS, accountId, "account:" + accountId,
					Map.of("failures", MAX_FAILURES));
			this.notices.tell(accountId, "mfa-locked");
		}
		return false;
	}

	/**
	 * Which proof a code is, if any: an app code of a step after the last one used
	 * (claimed in the same statement, so that two parallel requests cannot both use it),
	 * or an unused recovery code.
	 * @return {@code totp}, {@code recovery-code}, or {@code null}
	 */
	private String accepted(long accountId, Attempt attempt, String code) {
		OptionalLong step = Totp.verify(this.secrets.open(attempt.sealedSecret()), code, Instant.now(this.clock),
				attempt.lastStep());
		if (step.isPresent()) {
			boolean claimed = this.jdbc.sql("""
					UPDATE account SET totp_last_step = :step
					WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)""")
				.param("step", step.getAsLong())
				.param("id", accountId)
				.update() == 1;
			return claimed ? "totp" : null;
		}
		return useRecoveryCode(accountId, code) ? "recovery-code" : null;
	}

	/**
	 * Tells whether too many wrong codes locked the factor.
	 * @param accountId the account
	 * @return whether it is locked
	 */
	@Transactional(readOnly = true)
	public boolean isLocked(long accountId) {
		return this.jdbc.sql("SELECT mfa_locked_at IS NOT NULL FROM account WHERE id = :id")
			.param("id", accountId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Unlocks the factor, once the owner has chosen a new password through the link
	 * mailed to their address (whoever typed the wrong codes knew the old one).
	 * @param accountId the account
	 */
	@Transactional
	public void unlock(long accountId) {
		int unlocked = this.jdbc
			.sql("UPDATE account SET mfa_failures = 0, mfa_locked_at = NULL WHERE id = :id AND mfa_failures > 0")
			.param("id", accountId)
			.update();
		if (unlocked > 0) {
			this.audit.record("MFA_UNLOCK", AuditLog.Outcome.SUCCESS, accountId, "account:" + accountId, Map.of());
		}
	}

	/**
	 * Removes the second factor of a customer (staff cannot go without one). The caller
	 * has checked the password and the current factor just before.
	 * @param accountId the account
	 * @return whether it was removed
	 */
	@Transactional
	public boolean disable(long accountId) {
		int removed = this.jdbc.sql("""
				UPDATE account SET totp_secret = NULL, totp_last_step = NULL, mfa_enabled_at = NULL,
				    mfa_failures = 0, mfa_locked_at = NULL
				WHERE id = :id AND role_code = 'CUSTOMER' AND totp_secret IS NOT NULL""")
			.param("id", accountId)
			.update();
		if (removed == 0) {
			return false;
		}
		this.jdbc.sql("DELETE FROM mfa_recovery_code WHERE account_id = :account").param("account", accountId).update();
		this.audit.record("MFA_DISABLE", AuditLog.Outcome.SUCCESS, accountId, "account:" + accountId, Map.of());
		this.notices.tell(accountId, "mfa-disabled");
		return true;
	}

	private record Attempt(int failures, String sealedSecret, Long lastStep) {
	}

	/**
	 * Counts the recovery codes still usable.
	 * @param accountId the account
	 * @return unused codes
	 */
	@Transactional(readOnly = true)
	public int remainingRecoveryCodes(long accountId) {
		return this.jdbc.sql("SELECT count(*) FROM mfa_recovery_code WHERE account_id = :account AND used_at IS NULL")
			.param("account", accountId)
			.query(Integer.class)
			.single();
	}

	private List<String> newRecoveryCodes(long accountId) {
		this.jdbc.sql("DELETE FROM mfa_recovery_code WHERE account_id = :account").param("account", accountId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 10; c++) {
				if (c == 4 || c == 8) {
					code.append('-');
				}
				code.append(RECOVERY_ALPHABET.charAt(this.random.nextInt(RECOVERY_ALPHABET.length())));
			}
			codes.add(code.toString());
			this.jdbc.sql("INSERT INTO mfa_recovery_code (account_id, code_hash) VALUES (:account, :hash)")
				.param("account", accountId)
				.param("hash", hashRecoveryCode(code.toString()))
				.update();
		}
		return codes;
	}

	private boolean useRecoveryCode(long accountId, String code) {
		if (code == null || code.length() > 20) {
			return false;
		}
		return this.jdbc.sql("""
				UPDATE mfa_recovery_code SET used_at = now()
				WHERE id = (SELECT id FROM mfa_recovery_code
				            WHERE account_id = :account AND code_hash = :hash AND used_at IS NULL
				            LIMIT 1)""")
			.param("account", accountId)
			.param("hash", hashRecoveryCode(code))
			.update() == 1;
	}

	static String hashRecoveryCode(String code) {
		String normalised = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
