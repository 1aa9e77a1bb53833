package fr.dwwm.comptoir.account;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.UserSessions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's rights over their data (GDPR art. 15, 17 and 20; CNIL): download all of
 * it as JSON, and delete the account. Deleting erases every personal datum; orders stay
 * for accounting (ten years) but anonymised.
 */
@Service
public class PersonalData {

	private final AccountRepository accounts;

	private final SavedAddresses addresses;

	private final List<PersonalDataContributor> contributors;

	private final UserSessions sessions;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final FormerEmails formerEmails;

	PersonalData(AccountRepository accounts, SavedAddresses addresses, List<PersonalDataContributor> contributors,
			UserSessions sessions, JdbcClient jdbc, AuditLog audit, Clock clock, FormerEmails formerEmails) {
		this.formerEmails = formerEmails;
		this.accounts = accounts;
		this.addresses = addresses;
		this.contributors = contributors;
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Gathers everything the shop keeps about an account, and only about it.
	 * @param accountId the account
	 * @return a document that serialises to JSON
	 */
	@Transactional(readOnly = true)
	public Map<String, Object> export(long accountId) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("exportedAt", Instant.now(this.clock).toString());
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("email", account.getEmail());
		profile.put("firstName", account.getFirstName());
		profile.put("lastName", account.getLastName());
		profile.put("phone", account.getPhone());
		profile.put("language", account.getPreferredLocale());
		profile.put("createdAt", String.valueOf(account.getCreatedAt()));
		profile.put("emailVerifiedAt", String.valueOf(account.getEmailVerifiedAt()));
		profile.put("formerEmails", this.formerEmails.of(accountId));
		profile.put("secondFactorEnabled", account.getMfaEnabledAt() != null);
		document.put("account", profile);
		document.put("addresses", this.addresses.of(accountId).stream().map(PersonalData::address).toList());
		PersonalDataContributor.Person person = person(account);
		for (PersonalDataContributor contributor : this.contributors) {
			document.put(contributor.section(), contributor.export(person));
		}
		document.put("securityEvents",
				this.jdbc.sql("""
						SELECT occurred_at, action, outcome, host(ip) AS ip FROM audit_log
						WHERE actor_account_id = :account ORDER BY occurred_at DESC LIMIT 500""")
					.param("account", accountId)
					.query((row, number) -> {
						Map<String, Object> event = new LinkedHashMap<>();
						event.put("at", row.getTimestamp("occurred_at").toInstant().toString());
						event.put("action", row.getString("action"));
						event.put("outcome", row.getString("outcome"));
						event.put("ip", row.getString("ip"));
						return event;
					})
					.list());
		this.audit.record("DATA_EXPORT", AuditLog.Outcome.SUCCESS, accountId, "account:" + accountId, Map.of());
		return document;
	}

	/**
	 * Deletes an account: personal data erased, orders anonymised, every session ended.
	 * The caller has checked the password again.
	 * @param accountId the account
	 */
	@Transactional
	public void delete(long accountId) {
		erase(accountId);
		this.audit.record("ACCOUNT_DELETE", AuditLog.Outcome.SUCCESS, accountId, "account:" + accountId, Map.of());
	}

	/**
	 * Erases an account the way {@link #delete} does (personal data erased, orders
	 * anonymised, every session ended) without recording who asked: for a member of staff
	 * who acts on the person's request and whose service records it in the audit log. The
	 * caller has checked that this account may be erased.
	 * @param accountId the account
	 */
	@Transactional
	public void erase(long accountId) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		String login = account.getEmail();
		PersonalDataContributor.Person person = person(account);
		for (PersonalDataContributor contributor : this.contributors) {
			contributor.erase(person);
		}
		this.addresses.removeAll(accountId);
		this.jdbc.sql("DELETE FROM one_time_token WHERE account_id = :account").param("account", accountId).update();
		this.formerEmails.forget(accountId);
		this.jdbc.sql("DELETE FROM mfa_recovery_code WHERE account_id = :account").param("account", accountId).update();
		account.anonymise(Instant.now(this.clock));
		if (login != null) {
			this.sessions.endAllBut(login, null);
		}
	}

	/**
	 * Whose data an account's are, for the features that keep some
	 * ({@link PersonalDataContributor}).
	 * @param accountId the account
	 * @return the account and the address its owner proved, if any
	 */
	@Transactional(readOnly = true)
	PersonalDataContributor.Person person(long accountId) {
		return person(this.accounts.findById(accountId).orElseThrow());
	}

	private PersonalDataContributor.Person person(Account account) {
		String verifiedEmail = (account.getEmailVerifiedAt() != null) ? account.getEmail() : null;
		return new PersonalDataContributor.Person(account.getId(), verifiedEmail,
				this.formerEmails.provedAddresses(account.getId(), verifiedEmail));
	}

	private static Map<String, Object> address(Address address) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("label", address.getLabel());
		data.put("firstName", address.getFirstName());
		data.put("lastName", address.getLastName());
		data.put("line1", address.getLine1());
		data.put("line2", address.getLine2());
		data.put("postalCode", address.getPostalCode());
		data.put("city", address.getCity());
		data.put("country", address.getCountry());
		data.put("phone", address.getPhone());
		data.put("default", address.isDefault());
		return data;
	}

}
