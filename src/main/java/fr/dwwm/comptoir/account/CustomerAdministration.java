package fr.dwwm.comptoir.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.UserSessions;
import fr.dwwm.comptoir.system.AfterCommit;
import fr.dwwm.comptoir.system.LikePatterns;
import fr.dwwm.comptoir.system.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer accounts as administrators manage them in the back-office: search, read,
 * disable (every session ends at once), enable again, and anonymise at the person's
 * request (GDPR art. 17, the same erasure as when customers delete their account
 * themselves). Every change is written to the audit log with the administrator who made
 * it.
 *
 * <p>
 * An administrator never disables or anonymises their own account, nor a member of
 * staff's: staff accounts are not managed from this screen, and nobody locks themselves
 * out by mistake.
 */
@Service
public class CustomerAdministration {

	/** Accounts per page of the list. */
	public static final int PAGE_SIZE = 20;

	/** Longest search text taken into account. */
	public static final int MAX_QUERY_LENGTH = 100;

	private static final String COLUMNS = """
			SELECT a.id, a.email, a.first_name, a.last_name, a.role_code, a.enabled, a.created_at, a.anonymised_at
			FROM account a""";

	/**
	 * An account matches by its address, an address it left (someone who writes from the
	 * address their account was moved away from must be found), or its name.
	 */
	private static final String MATCHES = """
			a.email ILIKE :pattern
			OR EXISTS (SELECT 1 FROM account_former_email f WHERE f.account_id = a.id AND f.email ILIKE :pattern)
			OR concat_ws(' ', a.first_name, a.last_name) ILIKE :pattern
			OR concat_ws(' ', a.last_name, a.first_name) ILIKE :pattern""";

	private final AccountRepository accounts;

	private final PersonalData personalData;

	private final UserSessions sessions;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final FormerEmails formerEmails;

	CustomerAdministration(AccountRepository accounts, PersonalData personalData, UserSessions sessions, AuditLog audit,
			JdbcClient jdbc, FormerEmails formerEmails) {
		this.formerEmails = formerEmails;
		this.accounts = accounts;
		this.personalData = personalData;
		this.sessions = sessions;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/**
	 * Finds accounts whose e-mail address or name contains a text, newest first. The text
	 * is matched literally: {@code %} and {@code _} are not wildcards.
	 * @param query part of an e-mail address or of a name, or blank for every account
	 * @param page page number, from 0
	 * @return one page of accounts
	 */
	@Transactional(readOnly = true)
	public Paged<Customer> search(String query, int page) {
		String text = (query != null) ? query.strip() : "";
		if (text.length() > MAX_QUERY_LENGTH) {
			text = text.substring(0, MAX_QUERY_LENGTH);
		}
		int pageIndex = Math.max(page, 0);
		// The condition is one of two fixed texts; the searched text is always a bound
		// parameter, its wildcards escaped with a backslash (LIKE's default escape).
		String where = "";
		Map<String, Object> params = new HashMap<>();
		if (!text.isEmpty()) {
			where = " WHERE " + MATCHES;
			params.put("pattern", LikePatterns.containing(text));
		}
		long total = this.jdbc.sql("SELECT count(*) FROM account a" + where).params(params).query(Long.class).single();
		List<Customer> customers = this.jdbc
			.sql(COLUMNS + where + " ORDER BY a.created_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", PAGE_SIZE)
			.param("offset", (long) pageIndex * PAGE_SIZE)
			.query((row, number) -> new Customer(row.getLong("id"), row.getString("email"), row.getString("first_name"),
					row.getString("last_name"), Role.valueOf(row.getString("role_code")), row.getBoolean("enabled"),
					instant(row.getTimestamp("created_at")), instant(row.getTimestamp("anonymised_at"))))
			.list();
		return new Paged<>(customers, total, pageIndex, PAGE_SIZE);
	}

	/**
	 * Reads an account with what the back-office shows about it.
	 * @param accountId the account
	 * @return the account, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<CustomerDetail> find(long accountId) {
		// The last login is the account's column when set, else the audit log's last
		// successful password login.
		return this.jdbc.sql("""
				SELECT a.id, a.email, a.first_name, a.last_name, a.role_code, a.enabled, a.created_at, a.anonymised_at,
				       a.email_verified_at, a.mfa_enabled_at,
				       coalesce(a.last_login_at,
				                (SELECT max(l.occurred_at) FROM audit_log l
				                 WHERE l.actor_account_id = a.id AND l.action = 'LOGIN' AND l.outcome = 'SUCCESS'))
				           AS last_login_at,
				       (SELECT count(*) FROM address d WHERE d.account_id = a.id) AS addresses
				FROM account a WHERE a.id = :id""")
			.param("id", accountId)
			.query((row, number) -> new CustomerDetail(
					new Customer(row.getLong("id"), row.getString("email"), row.getString("first_name"),
							row.getString("last_name"), Role.valueOf(row.getString("role_code")),
							row.getBoolean("enabled"), instant(row.getTimestamp("created_at")),
							instant(row.getTimestamp("anonymised_at"))),
					instant(row.getTimestamp("email_verified_at")), row.getTimestamp("mfa_enabled_at") != null,
					instant(row.getTimestamp("last_login_at")), row.getInt("addresses"),
					this.formerEmails.of(accountId)))
			.optional();
	}

	/**
	 * Tells why an administrator may not disable, enable or anonymise an account.
	 * @param customer the account
	 * @param actorAccountId the administrator
	 * @return the reason, or empty when they may
	 */
	public Optional<Refusal> refusal(Customer customer, long actorAccountId) {
		return refusal(customer.id(), customer.role(), customer.anonymisedAt(), actorAccountId);
	}

	/**
	 * Disables a customer's account: they can no longer log in, and every session they
	 * have open ends as soon as the change is committed.
	 * @param accountId the customer
	 * @param actorAccountId the administrator who asks
	 * @return why it was refused, or empty when done
	 * @throws java.util.NoSuchElementException when the account does not exist
	 */
	@Transactional
	public Optional<Refusal> disable(long accountId, long actorAccountId) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		Optional<Refusal> refusal = check("CUSTOMER_DISABLE", account, actorAccountId);
		if (refusal.isPresent()) {
			return refusal;
		}
		account.setEnabled(false);
		String login = account.getEmail();
		// After the commit: a login in between would otherwise still see the account
		// enabled and open a session that outlives the disabling.
		AfterCommit.run(() -> this.sessions.endAllBut(login, null));
		this.audit.record("CUSTOMER_DISABLE", AuditLog.Outcome.SUCCESS, actorAccountId, target(accountId), Map.of());
		return Optional.empty();
	}

	/**
	 * Enables a customer's account again.
	 * @param accountId the customer
	 * @param actorAccountId the administrator who asks
	 * @return why it was refused, or empty when done
	 * @throws java.util.NoSuchElementException when the account does not exist
	 */
	@Transactional
	public Optional<Refusal> enable(long accountId, long actorAccountId) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		Optional<Refusal> refusal = check("CUSTOMER_ENABLE", account, actorAccountId);
		if (refusal.isPresent()) {
			return refusal;
		}
		account.setEnabled(true);
		this.audit.record("CUSTOMER_ENABLE", AuditLog.Outcome.SUCCESS, actorAccountId, target(accountId), Map.of());
		return Optional.empty();
	}

	/**
	 * Anonymises a customer's account at their request: the same erasure as when they
	 * delete it themselves ({@link PersonalData#erase}), their orders kept but anonymised
	 * for accounting, every session ended. It cannot be undone.
	 * @param accountId the customer
	 * @param actorAccountId the administrator who asks
	 * @return why it was refused, or empty when done
	 * @throws java.util.NoSuchElementException when the account does not exist
	 */
	@Transactional
	public Optional<Refusal> anonymise(long accountId, long actorAccountId) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		Optional<Refusal> refusal = check("CUSTOMER_ANONYMISE", account, actorAccountId);
		if (refusal.isPresent()) {
			return refusal;
		}
		this.personalData.erase(accountId);
		this.audit.record("CUSTOMER_ANONYMISE", AuditLog.Outcome.SUCCESS, actorAccountId, target(accountId), Map.of());
		return Optional.empty();
	}

	private Optional<Refusal> check(String action, Account account, long actorAccountId) {
		Optional<Refusal> refusal = refusal(account.getId(), account.getRole(), account.getAnonymisedAt(),
				actorAccountId);
		refusal.ifPresent((reason) -> this.audit.record(action, AuditLog.Outcome.DENIED, actorAccountId,
				target(account.getId()), Map.of("reason", reason.name())));
		return refusal;
	}

	private static Optional<Refusal> refusal(long accountId, Role role, Instant anonymisedAt, long actorAccountId) {
		if (accountId == actorAccountId) {
			return Optional.of(Refusal.OWN_ACCOUNT);
		}
		if (role.isStaff()) {
			return Optional.of(Refusal.STAFF_ACCOUNT);
		}
		if (anonymisedAt != null) {
			return Optional.of(Refusal.ANONYMISED);
		}
		return Optional.empty();
	}

	private static String target(long accountId) {
		return "account:" + accountId;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** Why an administrator may not change an account. */
	public enum Refusal {

		/** It is the administrator's own account. */
		OWN_ACCOUNT,
		/** It is a member of staff's account. */
		STAFF_ACCOUNT,
		/** It was anonymised: nothing is left to change. */
		ANONYMISED

	}

	/**
	 * An account in the back-office list.
	 *
	 * @param id the account
	 * @param email its login, {@code null} once anonymised
	 * @param firstName first name, if known
	 * @param lastName last name, if known
	 * @param role its role
	 * @param enabled whether it may log in
	 * @param createdAt when it was created
	 * @param anonymisedAt when it was anonymised, or {@code null}
	 */
	public record Customer(long id, String email, String firstName, String lastName, Role role, boolean enabled,
			Instant createdAt, Instant anonymisedAt) {

		/**
		 * Returns the person's full name.
		 * @return first and last name, or {@code null} when neither is known
		 */
		public String name() {
			String name = ((this.firstName != null) ? this.firstName : "") + " "
					+ ((this.lastName != null) ? this.lastName : "");
			return name.isBlank() ? null : name.strip();
		}

		/**
		 * Tells whether the account was anonymised.
		 * @return whether its personal data is erased
		 */
		public boolean anonymised() {
			return this.anonymisedAt != null;
		}

	}

	/**
	 * An account with what its back-office page shows.
	 *
	 * @param customer the account
	 * @param emailVerifiedAt when its e-mail address was verified, or {@code null}
	 * @param secondFactor whether it proves a second factor at login
	 * @param lastLoginAt its last login, or {@code null} if unknown
	 * @param addressCount how many addresses it saved
	 * @param formerEmails the e-mail addresses it proved and left, the latest first
	 */
	public record CustomerDetail(Customer customer, Instant emailVerifiedAt, boolean secondFactor, Instant lastLoginAt,
			int addressCount, List<String> formerEmails) {
	}

}
