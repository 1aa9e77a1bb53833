package fr.dwwm.comptoir.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mail addresses an account proved and then left (table
 * {@code account_former_email}, RG70): what its owner did as a guest with them stays
 * theirs (C24), and the back office finds the account by them.
 */
@Component
class FormerEmails {

	private final JdbcClient jdbc;

	FormerEmails(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The addresses an account left and does not have again, the latest first.
	 * @param accountId the account
	 * @return the addresses, possibly none
	 */
	List<String> of(long accountId) {
		return this.jdbc.sql("""
				SELECT f.email FROM account_former_email f JOIN account a ON a.id = f.account_id
				WHERE f.account_id = :account AND f.email <> a.email
				GROUP BY f.email ORDER BY max(f.replaced_at) DESC, f.email""")
			.param("account", accountId)
			.query(String.class)
			.list();
	}

	/**
	 * Every address an account proved, with each time it was its own: its current one
	 * (when proved) from the moment another account last left it, and each time it left
	 * one, until then from the moment another account left it before. An address the
	 * account had twice, someone else having it in between, gives two periods.
	 * @param accountId the account
	 * @param verifiedEmail its current address if proved, else {@code null}
	 * @return the addresses, the current one first
	 */
	List<PersonalDataContributor.ProvedAddress> provedAddresses(long accountId, String verifiedEmail) {
		List<PersonalDataContributor.ProvedAddress> addresses = new ArrayList<>();
		if (verifiedEmail != null) {
			Timestamp after = this.jdbc.sql("""
					SELECT max(replaced_at) FROM account_former_email
					WHERE email = :email AND account_id <> :account""")
				.param("email", verifiedEmail)
				.param("account", accountId)
				.query((row, number) -> row.getTimestamp(1))
				.list()
				.get(0);
			addresses.add(new PersonalDataContributor.ProvedAddress(verifiedEmail, instant(after), null));
		}
		addresses.addAll(this.jdbc.sql("""
				SELECT mine.email, mine.replaced_at,
				       (SELECT max(other.replaced_at) FROM account_former_email other
				        WHERE other.email = mine.email AND other.account_id <> mine.account_id
				          AND other.replaced_at < mine.replaced_at) AS after
				FROM account_former_email mine WHERE mine.account_id = :account
				ORDER BY mine.replaced_at DESC, mine.email""")
			.param("account", accountId)
			.query((row, number) -> new PersonalDataContributor.ProvedAddress(row.getString("email"),
					instant(row.getTimestamp("after")), row.getTimestamp("replaced_at").toInstant()))
			.list());
		return addresses;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * Records that an account leaves its address for another, in the caller's
	 * transaction: the address left is kept, with the time, if its owner had proved it.
	 * An address the account takes back keeps its earlier rows: they bound the time it
	 * was the account's before, and the time it was another's in between.
	 * @param account the account, still with the address it leaves
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void leave(Account account) {
		if (account.getEmailVerifiedAt() != null) {
			this.jdbc.sql("""
					INSERT INTO account_former_email (account_id, email) VALUES (:account, :email)
					ON CONFLICT DO NOTHING""")
				.param("account", account.getId())
				.param("email", account.getEmail())
				.update();
		}
	}

	/**
	 * Forgets every address an account left, when it is erased.
	 * @param accountId the account
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void forget(long accountId) {
		this.jdbc.sql("DELETE FROM account_former_email WHERE account_id = :account")
			.param("account", accountId)
			.update();
	}

}
