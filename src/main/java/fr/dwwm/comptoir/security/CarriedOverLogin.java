package fr.dwwm.comptoir.security;

/**
 * A session attribute that a feature keeps across a login, declared by the feature that
 * owns it (the guest's cart, so that it joins the account). Every other attribute is
 * dropped when someone signs in ({@link FreshSessionAtLogin}).
 */
public interface CarriedOverLogin {

	/**
	 * The attribute kept.
	 * @return its name in the session
	 */
	String sessionAttribute();

}
