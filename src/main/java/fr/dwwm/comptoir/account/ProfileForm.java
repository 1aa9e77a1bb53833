package fr.dwwm.comptoir.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The personal details a customer may change. The e-mail address, the role and the
 * password are not here: binding only these fields means a crafted request cannot set
 * them (mass assignment, OWASP ASVS 15.3.3).
 */
class ProfileForm {

	@NotBlank(message = "{validation.first-name.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String firstName;

	@NotBlank(message = "{validation.last-name.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String lastName;

	@Pattern(regexp = "|\\+?[0-9 .()-]{6,20}", message = "{validation.phone.invalid}")
	private String phone;

	@Pattern(regexp = "fr|en", message = "{validation.required}")
	private String language = "fr";

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

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

}
