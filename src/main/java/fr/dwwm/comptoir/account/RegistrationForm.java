package fr.dwwm.comptoir.account;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The registration form. The password's rules are checked by
 * {@link fr.dwwm.comptoir.security.PasswordPolicy}, the one place that knows them.
 */
public class RegistrationForm {

	@NotBlank(message = "{validation.email.required}")
	@Email(message = "{validation.email.invalid}")
	@Size(max = 254, message = "{validation.email.invalid}")
	private String email;

	@NotBlank(message = "{validation.first-name.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String firstName;

	@NotBlank(message = "{validation.last-name.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String lastName;

	private String password;

	@AssertTrue(message = "{validation.privacy.required}")
	private boolean privacyAccepted;

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
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

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public boolean isPrivacyAccepted() {
		return this.privacyAccepted;
	}

	public void setPrivacyAccepted(boolean privacyAccepted) {
		this.privacyAccepted = privacyAccepted;
	}

}
