package fr.dwwm.comptoir.account;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The logged-in person as Spring Security keeps them, with their account id so that
 * features can find their cart, orders and addresses without another query.
 */
public class ShopUser extends User {

	private static final long serialVersionUID = 1L;

	private final long accountId;

	ShopUser(long accountId, String email, String passwordHash, boolean enabled,
			Collection<? extends GrantedAuthority> authorities) {
		super(email, passwordHash, enabled, true, true, true, authorities);
		this.accountId = accountId;
	}

	/**
	 * Returns the id of the logged-in account.
	 * @return the account id
	 */
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
