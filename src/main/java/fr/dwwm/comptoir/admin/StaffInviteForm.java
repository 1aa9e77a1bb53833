package fr.dwwm.comptoir.admin;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fr.dwwm.comptoir.account.Role;

/**
 * The invitation of a member of staff: who, and with which role. The account is created
 * by {@link fr.dwwm.comptoir.account.StaffAdministration}, never bound from the form.
 */
public class StaffInviteForm {

	@NotBlank(message = "{validation.required}")
	@Email(message = "{validation.email.invalid}")
	@Size(max = 254, message = "{validation.too-long}")
	private String email;

	@NotBlank(message = "{validation.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String firstName;

	@NotBlank(message = "{validation.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String lastName;

	@NotNull(message = "{validation.required}")
	private Role role = Role.EDITOR;

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

	public Role getRole() {
		return this.role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

}
