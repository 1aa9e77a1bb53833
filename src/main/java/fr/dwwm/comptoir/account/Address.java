package fr.dwwm.comptoir.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A delivery or billing address saved by a customer, as read from the database.
 *
 * <p>
 * Read-only: the address book writes through {@link SavedAddresses} in SQL that names the
 * owner in every {@code WHERE}, and forms bind {@link AddressForm}, never this entity.
 * Bound to a request, an entity can be loaded by any id the request names (Spring Data's
 * converter turned a parameter {@code address=42} into someone else's row).
 */
@Entity
@Immutable
@Table(name = "address")
public class Address {

	@Id
	private Long id;

	@Column(name = "account_id")
	private Long accountId;

	private String label;

	private String firstName;

	private String lastName;

	private String line1;

	private String line2;

	private String postalCode;

	private String city;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(length = 2)
	private String country;

	private String phone;

	private boolean isDefault;

	private boolean isDefaultBilling;

	private int version;

	protected Address() {
	}

	public Long getId() {
		return this.id;
	}

	public Long getAccountId() {
		return this.accountId;
	}

	public String getLabel() {
		return this.label;
	}

	public String getFirstName() {
		return this.firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public String getLine1() {
		return this.line1;
	}

	public String getLine2() {
		return this.line2;
	}

	public String getPostalCode() {
		return this.postalCode;
	}

	public String getCity() {
		return this.city;
	}

	public String getCountry() {
		return this.country;
	}

	public String getPhone() {
		return this.phone;
	}

	public boolean isDefault() {
		return this.isDefault;
	}

	/**
	 * Tells whether this is the address the customer's invoices go to.
	 * @return whether it is their billing address
	 */
	public boolean isDefaultBilling() {
		return this.isDefaultBilling;
	}

	public int getVersion() {
		return this.version;
	}

	/**
	 * The address itself, without the address book's name for it.
	 * @return the postal address
	 */
	public PostalAddress postalAddress() {
		return new PostalAddress(this.firstName, this.lastName, this.line1, this.line2, this.postalCode, this.city,
				this.country, this.phone);
	}

}
