package fr.dwwm.comptoir.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
	 * Returns the person's data, as maps and lists that serialise to JSON.
	 * @param person the account, and the address its owner proved
	 * @return the data of this section
	 */
	Object export(Person person);

	/**
	 * Erases the account's personal data, or anonymises what must be kept (invoices are
	 * kept ten years for accounting). Runs in the deletion's transaction.
	 * @param person the account, and the address its owner proved
	 */
	void erase(Person person);

	/**
	 * Returns the latest date this feature knows the account was used (for the purge of
	 * inactive accounts, {@link InactiveAccounts}).
	 * @param person the account, and the address its owner proved
	 * @return e.g. the date of its last order; empty if this feature knows none
	 */
	default Optional<Instant> lastActivity(Person person) {
		return Optional.empty();
	}

	/**
	 * Whose data: an account, and the e-mail addresses its owner proved — the current one
	 * once they followed the link mailed to it, and those the account had before (RG70).
	 * What the person did without signing in with one of them (an order placed as a
	 * guest) is theirs too, within the time the address was theirs
	 * ({@link ProvedAddress}); an address never proved finds nothing, since anyone may
	 * type anyone's address at registration.
	 *
	 * @param accountId the account
	 * @param verifiedEmail its address if the owner followed the link mailed to it, else
	 * {@code null}
	 * @param provedAddresses every address proved, the current one first, with each time
	 * it was the person's
	 */
	record Person(long accountId, String verifiedEmail, List<ProvedAddress> provedAddresses) {

		/**
		 * A person whose account never changed its address.
		 * @param accountId the account
		 * @param verifiedEmail its address if proved, else {@code null}
		 */
		public Person(long accountId, String verifiedEmail) {
			this(accountId, verifiedEmail, allTime(verifiedEmail, List.of()));
		}

		public Person {
			provedAddresses = List.copyOf(provedAddresses);
		}

		/**
		 * A person whose addresses no other account ever had: each is theirs for all
		 * time.
		 * @param accountId the account
		 * @param verifiedEmail its address if proved, else {@code null}
		 * @param formerEmails the addresses it proved before its current one
		 * @return the person
		 */
		public static Person withFormerEmails(long accountId, String verifiedEmail, List<String> formerEmails) {
			return new Person(accountId, verifiedEmail, allTime(verifiedEmail, formerEmails));
		}

		/**
		 * Every address the person proved, the current one first, each once (an address
		 * had twice has two periods).
		 * @return the addresses, possibly none
		 */
		public List<String> provedEmails() {
			return this.provedAddresses.stream().map(ProvedAddress::email).distinct().toList();
		}

		private static List<ProvedAddress> allTime(String verifiedEmail, List<String> formerEmails) {
			List<ProvedAddress> addresses = new ArrayList<>();
			if (verifiedEmail != null) {
				addresses.add(new ProvedAddress(verifiedEmail, null, null));
			}
			formerEmails.forEach((email) -> addresses.add(new ProvedAddress(email, null, null)));
			return addresses;
		}

	}

	/**
	 * An address a person proved, and when what was done with it is theirs: after the
	 * moment the account that had it before left it, and before the moment theirs left
	 * it. A guest order belongs to whoever had its address when it was placed — or, if
	 * nobody had it then, to the next account that proves it: never to a later one, which
	 * would otherwise read a stranger's orders in its export.
	 *
	 * @param email the address
	 * @param after when another account last left it before this one had it, or
	 * {@code null}
	 * @param before when this account left it, or {@code null} if it still has it
	 */
	record ProvedAddress(String email, Instant after, Instant before) {
	}

}
