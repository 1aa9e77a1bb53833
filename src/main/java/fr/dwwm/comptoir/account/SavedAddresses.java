package fr.dwwm.comptoir.account;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's address book: read by the account area and the checkout, written by the
 * account area. Every statement names the owner: an address id alone reads or changes
 * nothing (OWASP ASVS 8.2.2), so another customer's address answers like one that does
 * not exist.
 */
@Service
public class SavedAddresses {

	private final AddressRepository addresses;

	private final JdbcClient jdbc;

	SavedAddresses(AddressRepository addresses, JdbcClient jdbc) {
		this.addresses = addresses;
		this.jdbc = jdbc;
	}

	/**
	 * Lists a customer's addresses, the default one first.
	 * @param accountId the owner
	 * @return the addresses
	 */
	@Transactional(readOnly = true)
	public List<Address> of(long accountId) {
		return this.addresses.findByAccountIdOrderByIsDefaultDescIdAsc(accountId);
	}

	/**
	 * Finds one of a customer's addresses.
	 * @param id the address
	 * @param accountId the owner
	 * @return the address, if it is theirs
	 */
	@Transactional(readOnly = true)
	public Optional<Address> find(long id, long accountId) {
		return this.addresses.findByIdAndAccountId(id, accountId);
	}

	/**
	 * Adds an address; the first one, or one asked to be, becomes the default.
	 * @param accountId the owner
	 * @param form what the customer typed, already checked
	 * @return the new address's id
	 */
	@Transactional
	long add(long accountId, AddressForm form) {
		boolean first = this.jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM address WHERE account_id = :account)")
			.param("account", accountId)
			.query(Boolean.class)
			.single();
		boolean isDefault = form.isDefault() || first;
		if (isDefault) {
			clearDefault(accountId);
		}
		if (form.isDefaultBilling()) {
			clearDefaultBilling(accountId);
		}
		return this.jdbc.sql("""
				INSERT INTO address (account_id, label, first_name, last_name, line1, line2, postal_code, city,
				                     country, phone, is_default, is_default_billing)
				VALUES (:account, :label, :firstName, :lastName, :line1, :line2, :postalCode, :city, :country,
				        :phone, :isDefault, :billing)
				RETURNING id""")
			.paramSource(fields(form).addValue("account", accountId)
				.addValue("isDefault", isDefault)
				.addValue("billing", form.isDefaultBilling()))
			.query(Long.class)
			.single();
	}

	/**
	 * Changes one of a customer's addresses, if it is theirs and nobody changed it since
	 * the form was opened.
	 * @param accountId the owner
	 * @param id the address
	 * @param form what the customer typed, already checked
	 * @return whether it was changed; {@link Change#NOT_FOUND} for another customer's
	 * address
	 */
	@Transactional
	Change update(long accountId, long id, AddressForm form) {
		int changed = this.jdbc.sql("""
				UPDATE address SET label = :label, first_name = :firstName, last_name = :lastName, line1 = :line1,
				    line2 = :line2, postal_code = :postalCode, city = :city, country = :country, phone = :phone,
				    version = version + 1
				WHERE id = :id AND account_id = :account AND version = :version""")
			.paramSource(fields(form).addValue("id", id)
				.addValue("account", accountId)
				.addValue("version", form.getVersion()))
			.update();
		if (changed == 0) {
			return find(id, accountId).isPresent() ? Change.STALE : Change.NOT_FOUND;
		}
		if (form.isDefault()) {
			clearDefault(accountId);
			this.jdbc.sql("UPDATE address SET is_default = true WHERE id = :id AND account_id = :account")
				.param("id", id)
				.param("account", accountId)
				.update();
		}
		if (form.isDefaultBilling()) {
			clearDefaultBilling(accountId);
		}
		this.jdbc.sql("UPDATE address SET is_default_billing = :billing WHERE id = :id AND account_id = :account")
			.param("billing", form.isDefaultBilling())
			.param("id", id)
			.param("account", accountId)
			.update();
		return Change.DONE;
	}

	/**
	 * Deletes one of a customer's addresses.
	 * @param accountId the owner
	 * @param id the address
	 * @return whether it was theirs (and is now gone)
	 */
	@Transactional
	boolean remove(long accountId, long id) {
		return this.jdbc.sql("DELETE FROM address WHERE id = :id AND account_id = :account")
			.param("id", id)
			.param("account", accountId)
			.update() == 1;
	}

	/**
	 * Deletes every address of a customer (the account is being deleted).
	 * @param accountId the owner
	 */
	@Transactional
	void removeAll(long accountId) {
		this.jdbc.sql("DELETE FROM address WHERE account_id = :account").param("account", accountId).update();
	}

	private void clearDefault(long accountId) {
		this.jdbc.sql("UPDATE address SET is_default = false WHERE account_id = :account AND is_default")
			.param("account", accountId)
			.update();
	}

	private void clearDefaultBilling(long accountId) {
		this.jdbc
			.sql("UPDATE address SET is_default_billing = false WHERE account_id = :account AND is_default_billing")
			.param("account", accountId)
			.update();
	}

	private static MapSqlParameterSource fields(AddressForm form) {
		return new MapSqlParameterSource().addValue("label", form.getLabel())
			.addValue("firstName", form.getFirstName())
			.addValue("lastName", form.getLastName())
			.addValue("line1", form.getLine1())
			.addValue("line2", form.getLine2())
			.addValue("postalCode", form.getPostalCode())
			.addValue("city", form.getCity())
			.addValue("country", form.getCountry())
			.addValue("phone", form.getPhone());
	}

	/** What became of a change of address. */
	enum Change {

		/** Changed. */
		DONE,

		/** Someone changed it since the form was opened: nothing was written. */
		STALE,

		/** No such address among the customer's. */
		NOT_FOUND

	}

}
