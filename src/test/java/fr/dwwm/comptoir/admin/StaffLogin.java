package fr.dwwm.comptoir.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.security.Factors;
import fr.dwwm.comptoir.security.Totp;
import fr.dwwm.comptoir.test.Http;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A staff member logged in with their password and their authenticator code, as the
 * back-office requires.
 *
 * @param account the staff account
 * @param http a client holding their session
 */
public record StaffLogin(Account account, Http http) {

	public static StaffLogin as(Role role, TestAccounts accounts, int port) {
		return as(role, accounts, port, null);
	}

	/**
	 * A member of staff whose password was set at a given moment, logged in.
	 * @param role their role
	 * @param accounts the test accounts
	 * @param port the shop's port
	 * @param passwordChangedAt when their password was last set, or {@code null}
	 * @return their login
	 */
	public static StaffLogin as(Role role, TestAccounts accounts, int port, Instant passwordChangedAt) {
		String secret = Totp.newSecret();
		Account account = accounts.create(role, secret, passwordChangedAt);
		Http http = new Http(port);
		http.login(account.getEmail(), TestAccounts.PASSWORD);
		http.postForm("/login/second-factor", "/login/second-factor",
				Map.of("code", Totp.code(secret, Totp.stepAt(Instant.now()), 6)));
		return new StaffLogin(account, http);
	}

	/**
	 * The same member of staff as a MockMvc request's authentication, second factor
	 * proved: for tests that count the statements a request sends in the test's thread.
	 * @return their authentication, with their role and {@code FACTOR_TOTP}
	 */
	public Authentication authentication() {
		List<GrantedAuthority> authorities = new ArrayList<>(TestAccounts.principal(this.account).getAuthorities());
		authorities.add(new SimpleGrantedAuthority(Factors.TOTP));
		return UsernamePasswordAuthenticationToken.authenticated(TestAccounts.principal(this.account), null,
				authorities);
	}

}
