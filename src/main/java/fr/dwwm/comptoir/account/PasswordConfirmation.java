package fr.dwwm.comptoir.account;

import java.util.Map;

import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.LoginThrottle;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The password typed again before a sensitive change (a new password, the second factor
 * replaced or removed, the personal data exported or deleted): it proves that the person
 * at the keyboard is the owner, not someone who found the session open.
 *
 * <p>
 * Each try is counted by the {@link LoginThrottle}, under the same address as the login
 * form: a stolen session cannot guess the password on these screens any faster than at
 * the login, and five wrong tries there throttle the login too.
 */
@Service
class PasswordConfirmation {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	PasswordConfirmation(AccountRepository accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle,
			AuditLog audit) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.audit = audit;
	}

	/**
	 * Checks the password typed again.
	 * @param accountId the signed-in account
	 * @param password what was typed
	 * @param ip the client's address
	 * @param action what it is for, in the audit log (e.g. {@code PASSWORD_CHANGE})
	 * @return whether it is the account's password and the throttle let it be checked
	 */
	boolean confirms(long accountId, String password, String ip, String action) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		if (!this.throttle.attempt(account.getEmail(), ip)) {
			this.audit.record(action, AuditLog.Outcome.DENIED, accountId, null, Map.of("reason", "throttled"));
			return false;
		}
		if (this.passwordEncoder.matches(password, account.getPasswordHash())) {
			this.throttle.succeeded(account.getEmail(), ip);
			return true;
		}
		this.audit.record(action, AuditLog.Outcome.FAILURE, accountId, null, Map.of("reason", "wrong password"));
		return false;
	}

}
