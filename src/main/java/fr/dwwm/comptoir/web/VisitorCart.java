package fr.dwwm.comptoir.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one part of a shared page that belongs to a guest with a session: their cart. The
 * {@link PageCache} asks for the number of units in it for the header of each kept page
 * it serves a guest, and for the cart's lines before it keeps or serves a page that shows
 * them ({@link SharedPage#perCart()}). The cart feature answers, the web layer knowing
 * nothing of carts.
 */
public interface VisitorCart {

	/**
	 * Counts the units in the cart of this request's visitor.
	 * @param request the current request
	 * @return the units, 0 without a cart
	 */
	int count(HttpServletRequest request);

	/**
	 * Reads what the cart of this request's visitor holds, in one statement (none without
	 * a cart).
	 * @param request the current request
	 * @return its lines and units, {@link Contents#EMPTY} without a cart, or {@code null}
	 * when it cannot be read (nothing is then kept nor served)
	 */
	Contents contents(HttpServletRequest request);

	/**
	 * What a cart holds, as a page that shows it depends on: each line's variant and
	 * quantity, in the order the page lists them. Two carts with the same contents show
	 * the same page (prices, names and stock being the storefront's, under its content
	 * version).
	 *
	 * @param lines the lines, e.g. {@code 12x2,7x1}; empty for an empty cart
	 * @param units the units in the cart, for the header's badge
	 */
	record Contents(String lines, int units) {

		/** No cart, or an empty one. */
		public static final Contents EMPTY = new Contents("", 0);

	}

}
