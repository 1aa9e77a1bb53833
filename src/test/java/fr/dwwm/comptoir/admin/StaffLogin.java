package fr.dwwm.comptoir.admin;

import java.time.Instant;
import java.util.Map;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.security.Totp;
import fr.dwwm.comptoir.test.Http;

/**
 * A staff member logged in with their password and their authenticator code, as the
 * back-office requires.
 *
 * @param account the staff account
 * @param http a client holding their session
 */
public record StaffLogin(Account account, Http http) {

	public static StaffLogin as(Role role, TestAccounts accounts, int port) {
		String secret = Totp.newSecret();
		Account account = accounts.create(role, secret);
		Http http = new Http(port);
		http.login(account.getEmail(), TestAccounts.PASSWORD);
		http.postForm("/login/second-factor", "/login/second-factor",
				Map.of("code", Totp.code(secret, Totp.stepAt(Instant.now()), 6)));
		return new StaffLogin(account, http);
	}

}
