package fr.dwwm.comptoir.account;

import java.time.Duration;
import java.util.Optional;

import fr.dwwm.comptoir.security.RandomTokens;
import fr.dwwm.comptoir.system.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use tokens sent by e-mail (address verification, password reset, invitation,
 * change of address): 256 random bits, of which only a SHA-256 hash is stored, valid for
 * a short time, consumed on use (ANSSI PG-078 R30, OWASP ASVS 6.4.2).
 */
@Service
class OneTimeTokens {

	/** What a token is for. */
	enum Purpose {

		/** Proving an address at registration. */
		EMAIL_VERIFICATION,
		/** Choosing a new password. */
		PASSWORD_RESET,
		/** Choosing the first password of an account staff were invited to. */
		INVITATION,
		/** Proving the new address of an account that changes it. */
		EMAIL_CHANGE

	}

	private static final Logger logger = LoggerFactory.getLogger(OneTimeTokens.class);

	/** An account id that never exists (identities start at 1). */
	private static final long NOBODY = 0;

	private final JdbcClient jdbc;

	private final ClusterLock clusterLock;

	OneTimeTokens(JdbcClient jdbc, ClusterLock clusterLock) {
		this.jdbc = jdbc;
		this.clusterLock = clusterLock;
	}

	/**
	 * Issues a token, invalidating the account's earlier unused tokens of the same
	 * purpose.
	 * @param accountId the account
	 * @param purpose what it is for
	 * @param validity how long it works
	 * @return the token, to put in a link (never stored as such)
	 */
	@Transactional
	String issue(long accountId, Purpose purpose, Duration validity) {
		return issue(accountId, purpose, validity, null);
	}

	/**
	 * Issues a token that proves a new address for an account, the address kept with it
	 * until it is used or purged; the account's earlier unused ones stop working.
	 * @param accountId the account
	 * @param newEmail the address asked for, normalised
	 * @param validity how long it works
	 * @return the token, to put in a link sent to the new address
	 */
	@Transactional
	String issueEmailChange(long accountId, String newEmail, Duration validity) {
		return issue(accountId, Purpose.EMAIL_CHANGE, validity, newEmail);
	}

	private String issue(long accountId, Purpose purpose, Duration validity, String newEmail) {
		String token = write(accountId, purpose, validity, newEmail);
		if (token == null) {
			throw new IllegalStateException("No account " + accountId);
		}
		return token;
	}

	/**
	 * Does the work of {@link #issue} for an address that has no account, and keeps
	 * nothing: the same statements, which find no row for a nonexistent account, and the
	 * same random draw and hash. A request for an unknown address thus takes as long as
	 * one for a known address, and its duration does not tell an attacker which addresses
	 * have an account.
	 * @param purpose what the token would be for
	 * @param validity how long it would work
	 * @return a token that opens nothing, for a mail that will not be sent either
	 */
	@Transactional
	String issueToNobody(Purpose purpose, Duration validity) {
		write(NOBODY, purpose, validity, null);
		return RandomTokens.urlSafe(RandomTokens.SECRET_BYTES);
	}

	/**
	 * Invalidates the earlier tokens and stores a new one for an account; the statements
	 * change nothing when the account does not exist.
	 * @return the token, or {@code null} if the account does not exist
	 */
	private String write(long accountId, Purpose purpose, Duration validity, String newEmail) {
		this.jdbc.sql("""
				UPDATE one_time_token SET used_at = now()
				WHERE account_id = :account AND purpose = :purpose AND used_at IS NULL""")
			.param("account", accountId)
			.param("purpose", purpose.name())
			.update();
		String token = RandomTokens.urlSafe(RandomTokens.SECRET_BYTES);
		int written = this.jdbc
			.sql("""
					INSERT INTO one_time_token (account_id, purpose, token_hash, expires_at, new_email)
					SELECT id, :purpose, :hash, now() + make_interval(secs => :seconds), :newEmail FROM account WHERE id = :account""")
			.param("account", accountId)
			.param("purpose", purpose.name())
			.param("newEmail", newEmail)
			.param("hash", hash(token))
			.param("seconds", validity.toSeconds())
			.update();
		return (written == 1) ? token : null;
	}

	/**
	 * Consumes a token: it works once, before its expiry.
	 * @param token the token from the link
	 * @param purpose what it must be for
	 * @return the account it belongs to, if it is valid
	 */
	@Transactional
	Optional<Long> consume(String token, Purpose purpose) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				UPDATE one_time_token SET used_at = now()
				WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > now()
				RETURNING account_id""")
			.param("hash", hash(token))
			.param("purpose", purpose.name())
			.query(Long.class)
			.optional();
	}

	/**
	 * Consumes a token that proves a new address, if it belongs to the given account: a
	 * link opened in another account's session is refused, and stays unused.
	 * @param token the token from the link
	 * @param accountId the signed-in account
	 * @return the address it proves, if it is valid for that account
	 */
	@Transactional
	Optional<String> consumeEmailChange(String token, long accountId) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				UPDATE one_time_token SET used_at = now()
				WHERE token_hash = :hash AND purpose = 'EMAIL_CHANGE' AND account_id = :account
				AND used_at IS NULL AND expires_at > now()
				RETURNING new_email""")
			.param("hash", hash(token))
			.param("account", accountId)
			.query(String.class)
			.optional();
	}

	/**
	 * Reads the address a token would prove for an account, without consuming it (to show
	 * the confirmation page).
	 * @param token the token from the link
	 * @param accountId the signed-in account
	 * @return the address, if the token is valid for that account
	 */
	@Transactional(readOnly = true)
	Optional<String> pendingEmailChange(String token, long accountId) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT new_email FROM one_time_token
				WHERE token_hash = :hash AND purpose = 'EMAIL_CHANGE' AND account_id = :account
				AND used_at IS NULL AND expires_at > now()""")
			.param("hash", hash(token))
			.param("account", accountId)
			.query(String.class)
			.optional();
	}

	/**
	 * Ends every unused token of an account, whatever it is for: the links went to an
	 * address the account no longer has.
	 * @param accountId the account
	 * @return how many were ended
	 */
	@Transactional
	int revokeAll(long accountId) {
		return this.jdbc
			.sql("UPDATE one_time_token SET used_at = now() WHERE account_id = :account AND used_at IS NULL")
			.param("account", accountId)
			.update();
	}

	/**
	 * Tells whether a token would be accepted, without consuming it (to show the form).
	 * @param token the token from the link
	 * @param purpose what it must be for
	 * @return whether it is valid now
	 */
	@Transactional(readOnly = true)
	boolean isValid(String token, Purpose purpose) {
		if (!wellFormed(token)) {
			return false;
		}
		return this.jdbc.sql("""
				SELECT count(*) FROM one_time_token
				WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > now()""")
			.param("hash", hash(token))
			.param("purpose", purpose.name())
			.query(Integer.class)
			.single() == 1;
	}

	/**
	 * Whether a token has the form of the ones this class issues (43 URL-safe Base64
	 * characters): anything else is refused before it reaches the database.
	 */
	private static boolean wellFormed(String token) {
		return token != null && token.matches("[A-Za-z0-9_-]{43}");
	}

	static String hash(String token) {
		return RandomTokens.digest(token);
	}

	/**
	 * Deletes the tokens expired for more than a day: a used or expired token proves
	 * nothing and need not be kept. Called once a day by {@link #purgeDaily()}.
	 * @return how many were deleted
	 */
	@Transactional
	public int purge() {
		return this.jdbc.sql("DELETE FROM one_time_token WHERE expires_at < now() - interval '1 day'").update();
	}

	/**
	 * Runs {@link #purge()} once a day, on one instance of the shop at a time.
	 */
	@Scheduled(cron = "${app.retention.cron:0 30 3 * * *}")
	public void purgeDaily() {
		this.clusterLock.runAlone("retention:one-time-tokens", () -> {
			int deleted = purge();
			if (deleted > 0) {
				logger.info("Retention: {} expired one-time tokens deleted", deleted);
			}
		});
	}

}
