package fr.dwwm.comptoir.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.security.ApiTokenResolver;
import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.RandomTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens (table {@code api_token}): created by their owner in their account,
 * shown once, kept as a SHA-256 digest, read-only or read-write, always expiring (a year
 * at most), revocable, their last use shown. Creation and revocation are audited.
 */
@Service
class ApiTokens implements ApiTokenResolver {

	/** What every token starts with, so that a secret scanner recognises a leaked one. */
	static final String PREFIX = "cpt_";

	/** How often the date of last use is written, at most: not on every request. */
	static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

	/** The most tokens an account keeps alive at once. */
	static final int MAX_ACTIVE = 10;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates a token.
	 * @param accountId its owner
	 * @param name what the owner calls it
	 * @param writes whether it may write
	 * @param validity how long it lives
	 * @return the token, to show once; empty when the account already has
	 * {@value #MAX_ACTIVE} live tokens
	 */
	@Transactional
	public Optional<String> create(long accountId, String name, boolean writes, Duration validity) {
		// The account's row is locked: two creations at once cannot both pass the limit.
		this.jdbc.sql("SELECT id FROM account WHERE id = :id FOR UPDATE").param("id", accountId).query().listOfRows();
		int live = this.jdbc.sql("""
				SELECT count(*) FROM api_token
				WHERE account_id = :account AND revoked_at IS NULL AND expires_at > now()""")
			.param("account", accountId)
			.query(Integer.class)
			.single();
		if (live >= MAX_ACTIVE) {
			return Optional.empty();
		}
		String token = PREFIX + RandomTokens.urlSafe(RandomTokens.SECRET_BYTES);
		Instant now = Instant.now(this.clock);
		long id = this.jdbc.sql("""
				INSERT INTO api_token (account_id, name, token_hash, scope, created_at, expires_at)
				VALUES (:account, :name, :hash, :scope, :now, :expires)
				RETURNING id""")
			.param("account", accountId)
			.param("name", name)
			.param("hash", OneTimeTokens.hash(token))
			.param("scope", writes ? "READ_WRITE" : "READ")
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(validity)))
			.query(Long.class)
			.single();
		this.audit.record("API_TOKEN_CREATE", AuditLog.Outcome.SUCCESS, accountId, "api_token:" + id,
				Map.of("name", name, "scope", writes ? "READ_WRITE" : "READ", "days", validity.toDays()));
		return Optional.of(token);
	}

	/**
	 * Lists an account's tokens, the newest first, revoked and expired ones included.
	 * @param accountId the account
	 * @return its tokens, never their value
	 */
	@Transactional(readOnly = true)
	public List<Token> of(long accountId) {
		return this.jdbc.sql("""
				SELECT id, name, scope, created_at, expires_at, last_used_at, revoked_at, expires_at <= now() AS expired
				FROM api_token WHERE account_id = :account ORDER BY created_at DESC, id DESC""")
			.param("account", accountId)
			.query((row, number) -> new Token(row.getLong("id"), row.getString("name"),
					"READ_WRITE".equals(row.getString("scope")), row.getTimestamp("created_at").toInstant(),
					row.getTimestamp("expires_at").toInstant(), instant(row.getTimestamp("last_used_at")),
					instant(row.getTimestamp("revoked_at")), row.getBoolean("expired")))
			.list();
	}

	/**
	 * Revokes one of an account's tokens: it opens nothing from the next request on.
	 * @param accountId the account
	 * @param tokenId the token
	 * @return whether the account had such a live token
	 */
	@Transactional
	public boolean revoke(long accountId, long tokenId) {
		boolean revoked = this.jdbc.sql("""
				UPDATE api_token SET revoked_at = now()
				WHERE id = :id AND account_id = :account AND revoked_at IS NULL""")
			.param("id", tokenId)
			.param("account", accountId)
			.update() == 1;
		if (revoked) {
			this.audit.record("API_TOKEN_REVOKE", AuditLog.Outcome.SUCCESS, accountId, "api_token:" + tokenId,
					Map.of());
		}
		return revoked;
	}

	/**
	 * Revokes every live token of an account, in the caller's transaction: after a
	 * password reset, whoever knew the former password may have made some.
	 * @param accountId the account
	 * @return how many tokens were revoked
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int revokeAll(long accountId) {
		return this.jdbc
			.sql("UPDATE api_token SET revoked_at = now() WHERE account_id = :account AND revoked_at IS NULL")
			.param("account", accountId)
			.update();
	}

	@Override
	@Transactional
	public Optional<Resolved> resolve(String token) {
		if (token == null || !token.matches(PREFIX + "[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		Optional<Resolved> resolved = this.jdbc.sql("""
				SELECT t.id, a.email, t.scope FROM api_token t JOIN account a ON a.id = t.account_id
				WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > now()
				  AND a.enabled AND a.anonymised_at IS NULL""")
			.param("hash", OneTimeTokens.hash(token))
			.query((row, number) -> new Resolved(row.getString("email"), row.getLong("id"),
					"READ_WRITE".equals(row.getString("scope"))))
			.optional();
		resolved.ifPresent((found) -> this.jdbc.sql("""
				UPDATE api_token SET last_used_at = now()
				WHERE id = :id AND (last_used_at IS NULL OR last_used_at < now() - CAST(:precision AS interval))""")
			.param("id", found.tokenId())
			.param("precision", LAST_USE_PRECISION.toSeconds() + " seconds")
			.update());
		return resolved;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A token as its owner's page lists it.
	 *
	 * @param id its id
	 * @param name its name
	 * @param writes whether it may write
	 * @param createdAt when it was created
	 * @param expiresAt when it expires
	 * @param lastUsedAt when it last opened a request, to the minute, or {@code null}
	 * @param revokedAt when it was revoked, or {@code null}
	 * @param expired whether it has expired
	 */
	public record Token(long id, String name, boolean writes, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
			Instant revokedAt, boolean expired) {

		/**
		 * Tells whether the token still opens requests.
		 * @return neither revoked nor expired
		 */
		public boolean live() {
			return this.revokedAt == null && !this.expired;
		}

	}

}
