package fr.dwwm.comptoir.security;

/**
 * What security code needs to know about a logged-in person beyond Spring Security's
 * {@code UserDetails}: which account it is. The account feature's principal implements
 * it, so that this package does not depend on that feature.
 */
public interface AccountPrincipal {

	/**
	 * Returns the id of the logged-in account.
	 * @return the account id
	 */
	long getAccountId();

}
