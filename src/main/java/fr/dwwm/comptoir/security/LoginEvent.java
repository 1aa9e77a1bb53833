package fr.dwwm.comptoir.security;

import org.springframework.security.core.Authentication;

/**
 * Published after a successful first step of a login: a correct password (whether or not
 * a second factor follows) or a passkey. The audit log records it, and the account keeps
 * the date of its last login (for the purge of inactive accounts).
 *
 * @param authentication the authentication
 * @param factor {@code password} or {@code passkey}
 */
public record LoginEvent(Authentication authentication, String factor) {

	/**
	 * The account that logged in.
	 * @return its id, or {@code null} if the principal is not one of the shop's accounts
	 */
	public Long accountId() {
		return SecurityAudit.accountId(this.authentication);
	}

}
