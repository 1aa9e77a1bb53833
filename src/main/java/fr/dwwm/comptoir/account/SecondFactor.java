package fr.dwwm.comptoir.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 */
@Service
public class SecondFactor {

	/** How many recovery codes are issued. */
	static final int RECOVERY_CODES = 10;

	private static final String RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final AccountRepository accounts;

	private final SecretBox secrets;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SecondFactor(AccountRepository accounts, SecretBox secrets, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.secrets = secrets;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Tells whether an account has an authenticator app set up.
	 * @param accountId the account
	 * @return whether a secret is stored
	 */
	@Transactional(readOnly = true)
	public boolean isSetUp(long accountId) {
		return this.accounts.findById(accountId).map((account) -> account.getTotpSecret() != null).orElse(false);
	}

	/**
	 * Finishes setting up an authenticator app: the code proves the app holds the secret.
	 * @param accountId the account
	 * @param secret the Base32 secret shown to the person
	 * @param code the code their app shows
	 * @return the recovery codes to show once, or an empty list if the code is wrong
	 */
	@Transactional
	public List<String> confirmSetup(long accountId, String secret, String code) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		OptionalLong step = Totp.verify(secret, code, Instant.now(this.clock), null);
		if (step.isEmpty()) {
			this.audit.record("MFA_SETUP", AuditLog.Outcome.FAILURE, accountId, null, Map.of());
			return List.of();
		}
		account.setTotpSecret(this.secrets.seal(secret));
		account.setTotpLastStep(step.getAsLong());
		account.setMfaEnabledAt(Instant.now(this.clock));
		List<String> codes = newRecoveryCodes(accountId);
		this.audit.record("MFA_SETUP", AuditLog.Outcome.SUCCESS, accountId, "account:" + accountId, Map.of());
		return codes;
	}

	/**
	 * Checks a code from the app, or a recovery code, at login. A code is accepted once.
	 * @param accountId the account
	 * @param code what the person typed
	 * @return whether it proves the second factor
	 */
	@Transactional
	public boolean verify(long accountId, String code) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		if (account.getTotpSecret() == null) {
			return false;
		}
		OptionalLong step = Totp.verify(this.secrets.open(account.getTotpSecret()), code, Instant.now(this.clock),
				account.getTotpLastStep());
		boolean valid;
		String method;
		if (step.isPresent()) {
			account.setTotpLastStep(step.getAsLong());
			valid = true;
			method = "totp";
		}
		else {
			valid = useRecoveryCode(accountId, code);
			method = "recovery-code";
		}
		this.audit.record("MFA", valid ? AuditLog.Outcome.SUCCESS : AuditLog.Outcome.FAILURE, accountId, null,
				valid ? Map.of("method", method) : Map.of());
		return valid;
	}

	/**
	 * Removes the second factor of a customer (staff cannot go without one).
	 * @param accountId the account
	 * @return whether it was removed
	 */
	@Transactional
	public boolean disable(long accountId) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		if (account.getRole().isStaff()) {
			return false;
		}
		account.setTotpSecret(null);
		account.setTotpLastStep(null);
		account.setMfaEnabledAt(null);
		this.jdbc.sql("DELETE FROM mfa_recovery_code WHERE account_id = :account").param("account", accountId).update();
		this.audit.record("MFA_DISABLE", AuditLog.Outcome.SUCCESS, accountId, "account:" + accountId, Map.of());
		return true;
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
