package fr.dwwm.comptoir.account;

import java.time.Instant;
import java.util.Optional;

/**
 * A feature that keeps personal data about customers (carts, orders...) and takes part in
 * their rights (GDPR art. 15, 17 and 20): it adds its data to the export and erases or
 * anonymises it when the account is deleted. Features implement it; the account feature
 * does not need to know them.
 */
public interface PersonalDataContributor {

	/**
	 * Returns the name of this feature's section in the export.
	 * @return e.g. {@code orders}
	 */
	String section();

	/**
	 * Returns the account's data, as maps and lists that serialise to JSON.
	 * @param accountId the account
	 * @return the data of this section
	 */
	Object export(long accountId);

	/**
	 * Erases the account's personal data, or anonymises what must be kept (invoices are
	 * kept ten years for accounting). Runs in the deletion's transaction.
	 * @param accountId the account
	 */
	void erase(long accountId);

	/**
	 * Returns the latest date this feature knows the account was used (for the purge of
	 * inactive accounts, {@link InactiveAccounts}).
	 * @param accountId the account
	 * @return e.g. the date of its last order; empty if this feature knows none
	 */
	default Optional<Instant> lastActivity(long accountId) {
		return Optional.empty();
	}

}
