package fr.dwwm.comptoir.account;

/**
 * What an account may do. An administrator may do everything an editor may.
 */
public enum Role {

	/** Buys in the shop and manages their own account. */
	CUSTOMER,

	/** Manages the catalog and the content (pages, blocks, menus). */
	EDITOR,

	/** Manages everything, including accounts, orders and modules. */
	ADMIN;

	/**
	 * Tells whether this role works in the back-office, which requires a second factor.
	 * @return whether the role is a staff role
	 */
	public boolean isStaff() {
		return this != CUSTOMER;
	}

}
