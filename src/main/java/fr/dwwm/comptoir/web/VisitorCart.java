package fr.dwwm.comptoir.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one part of a shared page that belongs to a guest with a session: the number of
 * units in their cart, shown in the header. The {@link PageCache} asks it for each guest
 * it serves a kept page to; the cart feature answers, the web layer knowing nothing of
 * carts.
 */
public interface VisitorCartCount {

	/**
	 * Counts the units in the cart of this request's visitor.
	 * @param request the current request
	 * @return the units, 0 without a cart
	 */
	int count(HttpServletRequest request);

}
