package fr.dwwm.comptoir.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.validation.Errors;

/**
 * The fields of a postal address in a form, with their rules, shared by the address book
 * ({@link AddressForm}) and the checkout: the same names (the page fragment
 * {@code fragments/address-fields} shows them for both), the same messages, the same
 * check of the postal code against the country. The database checks the same rules again,
 * so that nothing else can break them.
 */
public abstract class PostalAddressForm {

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

	@NotBlank(message = "{validation.country.invalid}")
	@Pattern(regexp = Country.CODES, message = "{validation.country.invalid}")
	private String country = Country.FR.name();

	@Pattern(regexp = "\\+?[0-9 .()-]{6,20}", message = "{validation.phone.invalid}")
	private String phone;

	/**
	 * Adds the one rule Bean Validation cannot say field by field: the postal code has
	 * its country's format (5 digits in France and Monaco, 4 in Belgium and Luxembourg).
	 * Called after validation, with the form's errors.
	 * @param errors the form's errors: the message goes next to the postal code
	 */
	public void checkPostalCodeOfCountry(Errors errors) {
		if (!errors.hasFieldErrors("postalCode") && !errors.hasFieldErrors("country")
				&& !Country.of(this.country).map((known) -> known.acceptsPostalCode(this.postalCode)).orElse(true)) {
			errors.rejectValue("postalCode", "validation.postal-code.country");
		}
	}

	/**
	 * The address typed, each text stripped of its surrounding blanks.
	 * @return the address
	 */
	public PostalAddress postalAddress() {
		return new PostalAddress(strip(this.firstName), strip(this.lastName), strip(this.line1), strip(this.line2),
				strip(this.postalCode), strip(this.city), this.country, strip(this.phone));
	}

	/**
	 * Fills the fields with an address.
	 * @param address the address
	 */
	public void fill(PostalAddress address) {
		this.firstName = address.firstName();
		this.lastName = address.lastName();
		this.line1 = address.line1();
		setLine2(address.line2());
		setPostalCode(address.postalCode());
		this.city = address.city();
		this.country = address.country();
		setPhone(address.phone());
	}

	private static String strip(String value) {
		return (value != null) ? value.strip() : null;
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

}
