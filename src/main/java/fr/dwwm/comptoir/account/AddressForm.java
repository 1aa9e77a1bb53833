package fr.dwwm.comptoir.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The address book's form: what a customer may type, with the rules checked for clear
 * messages (the database checks them again, so that nothing else can break them). Which
 * address it changes comes from the path and the signed-in account, never from the form.
 */
public class AddressForm {

	/** The address being edited, for the page only: never bound from the request. */
	private Long id;

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
	private String country = "FR";

	@Pattern(regexp = "\\+?[0-9 .()-]{6,20}", message = "{validation.phone.invalid}")
	private String phone;

	private boolean isDefault;

	private int version;

	/**
	 * The form filled with a saved address, to edit it.
	 * @param address the address
	 * @return the form
	 */
	static AddressForm of(Address address) {
		AddressForm form = new AddressForm();
		form.id = address.getId();
		form.label = address.getLabel();
		form.firstName = address.getFirstName();
		form.lastName = address.getLastName();
		form.line1 = address.getLine1();
		form.line2 = address.getLine2();
		form.postalCode = address.getPostalCode();
		form.city = address.getCity();
		form.country = address.getCountry();
		form.phone = address.getPhone();
		form.isDefault = address.isDefault();
		form.version = address.getVersion();
		return form;
	}

	/**
	 * Tells whether the postal code has the format of its country (5 digits in France and
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

	public Long getId() {
		return this.id;
	}

	void setId(Long id) {
		this.id = id;
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

}
