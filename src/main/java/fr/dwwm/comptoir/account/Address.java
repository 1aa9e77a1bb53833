package fr.dwwm.comptoir.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A delivery or billing address saved by a customer. The same rules are checked here (for
 * clear messages) and by the database (so that nothing else can break them).
 */
@Entity
@Table(name = "address")
public class Address {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id", updatable = false)
	private Long accountId;

	@NotBlank(message = "{validation.required}")
	@Size(max = 50, message = "{validation.too-long}")
	private String label;

	@NotBlank(message = "{validation.first-name.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String firstName;

	@NotBlank(message = "{validation.last-name.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String lastName;

	@NotBlank(message = "{validation.address.line1.required}")
	@Size(max = 200, message = "{validation.too-long}")
	private String line1;

	@Size(max = 200, message = "{validation.too-long}")
	private String line2;

	@NotBlank(message = "{validation.postal-code.required}")
	@Pattern(regexp = "[0-9]{4,5}", message = "{validation.postal-code.invalid}")
	private String postalCode;

	@NotBlank(message = "{validation.city.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String city;

	@Pattern(regexp = "FR|BE|LU|MC", message = "{validation.country.invalid}")
	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(length = 2)
	private String country = "FR";

	@Pattern(regexp = "\\+?[0-9 .()-]{6,20}", message = "{validation.phone.invalid}")
	private String phone;

	private boolean isDefault;

	@Version
	private int version;

	public Address() {
	}

	public Long getId() {
		return this.id;
	}

	public Long getAccountId() {
		return this.accountId;
	}

	void setAccountId(Long accountId) {
		this.accountId = accountId;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public String getFirstName() {
		return this.firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = lastName;
	}

	public String getLine1() {
		return this.line1;
	}

	public void setLine1(String line1) {
		this.line1 = line1;
	}

	public String getLine2() {
		return this.line2;
	}

	public void setLine2(String line2) {
		this.line2 = (line2 != null && line2.isBlank()) ? null : line2;
	}

	public String getPostalCode() {
		return this.postalCode;
	}

	public void setPostalCode(String postalCode) {
		this.postalCode = (postalCode != null) ? postalCode.strip() : null;
	}

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public String getCountry() {
		return this.country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = (phone != null && phone.isBlank()) ? null : phone;
	}

	public boolean isDefault() {
		return this.isDefault;
	}

	public void setDefault(boolean isDefault) {
		this.isDefault = isDefault;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	/**
	 * Tells whether a postal code has the format of its country (5 digits in France and
	 * Monaco, 4 in Belgium and Luxembourg).
	 * @return whether it matches
	 */
	public boolean postalCodeMatchesCountry() {
		if (this.postalCode == null || this.country == null) {
			return true;
		}
		return ("FR".equals(this.country) || "MC".equals(this.country)) ? this.postalCode.matches("[0-9]{5}")
				: this.postalCode.matches("[0-9]{4}");
	}

}
