package fr.dwwm.comptoir.account;

import java.util.ArrayList;
import java.util.List;

import fr.dwwm.comptoir.security.Factors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets Spring Security log in the accounts stored in the database, by e-mail address, and
 * re-hash a password at login when the hashing parameters were raised.
 */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final AccountRepository accounts;

	AccountUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		Account account = this.accounts.findByEmail(Account.normaliseEmail(email))
			.filter((candidate) -> candidate.getAnonymisedAt() == null)
			.orElseThrow(() -> new UsernameNotFoundException("Unknown account"));
		return principal(account);
	}

	/**
	 * Stores a stronger hash of a password that was just verified (Spring Security calls
	 * it when the stored hash's parameters are below the current ones).
	 */
	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
		Account account = this.accounts.findByEmail(user.getUsername()).orElseThrow();
		account.setPasswordHash(newPasswordHash);
		return principal(account);
	}

	static ShopUser principal(Account account) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + account.getRole().name()));
		if (account.getRole().isStaff() || account.getMfaEnabledAt() != null) {
			authorities.add(new SimpleGrantedAuthority(Factors.SECOND_FACTOR_REQUIRED));
		}
		return new ShopUser(account.getId(), account.getEmail(), account.getPasswordHash(),
				account.getEmailVerifiedAt() != null, account.isEnabled(), authorities);
	}

}
