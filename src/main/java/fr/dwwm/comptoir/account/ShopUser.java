package fr.dwwm.comptoir.account;

import java.util.Collection;

import fr.dwwm.comptoir.security.AccountPrincipal;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The logged-in person as Spring Security keeps them, with their account id so that
 * features can find their cart, orders and addresses without another query.
 */
public class ShopUser extends User implements AccountPrincipal {

	private static final long serialVersionUID = 1L;

	private final long accountId;

	ShopUser(long accountId, String email, String passwordHash, boolean emailVerified, boolean notDisabled,
			Collection<? extends GrantedAuthority> authorities) {
		// "enabled" is Spring Security's word for an activated account (e-mail verified),
		// "non locked" for an account staff did not disable.
		super(email, passwordHash, emailVerified, true, true, notDisabled, authorities);
		this.accountId = accountId;
	}

	/**
	 * Returns the id of the logged-in account.
	 * @return the account id
	 */
	@Override
	public long getAccountId() {
		return this.accountId;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
