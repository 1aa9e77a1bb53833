package fr.dwwm.comptoir.account;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets Spring Security log in the accounts stored in the database, by e-mail address.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

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
		return new ShopUser(account.getId(), account.getEmail(), account.getPasswordHash(), account.isEnabled(),
				List.of(new SimpleGrantedAuthority("ROLE_" + account.getRole().name())));
	}

}
