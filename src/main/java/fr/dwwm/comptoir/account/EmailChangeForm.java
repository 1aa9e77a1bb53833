package fr.dwwm.comptoir.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new login address, and the password typed again: only these two fields are bound, so
 * a crafted request names neither another account nor an address already proved.
 */
class EmailChangeForm {

	@NotBlank(message = "{validation.email.required}")
	@Email(message = "{validation.email.invalid}")
	@Size(max = 254, message = "{validation.too-long}")
	private String email;

	@NotBlank(message = "{validation.required}")
	@Size(max = 1000, message = "{validation.too-long}")
	private String current;

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = (email != null) ? email.strip() : null;
	}

	public String getCurrent() {
		return this.current;
	}

	public void setCurrent(String current) {
		this.current = current;
	}

}
