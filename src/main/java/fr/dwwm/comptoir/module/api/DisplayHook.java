package fr.dwwm.comptoir.module.api;

import java.util.List;

/**
 * The named slots of the shop's templates where modules and editors' blocks appear, in
 * the order of a page from top to bottom. {@code docs/modules.md} shows each one on a
 * screenshot.
 */
public final class DisplayHook {

	/** Above the header of every storefront page: a banner. */
	public static final String TOP = "displayTop";

	/** The home page, between the shelves and the new products. */
	public static final String HOME = "displayHome";

	/** A product page, under the add-to-cart form. Subject: the product id. */
	public static final String PRODUCT_ADDITIONAL_INFO = "displayProductAdditionalInfo";

	/** The cart page, under the totals. */
	public static final String CART_SUMMARY = "displayCartSummary";

	/** The customer's account home. */
	public static final String ACCOUNT_DASHBOARD = "displayAccountDashboard";

	/** The footer of every storefront page. */
	public static final String FOOTER = "displayFooter";

	/** Every display hook. */
	public static final List<String> ALL = List.of(TOP, HOME, PRODUCT_ADDITIONAL_INFO, CART_SUMMARY, ACCOUNT_DASHBOARD,
			FOOTER);

	private DisplayHook() {
	}

}
