package fr.dwwm.comptoir.cart;

import fr.dwwm.comptoir.web.VisitorCartCount;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the number of units in the visitor's cart, for the header's badge, and
 * notes it in the request: the {@link fr.dwwm.comptoir.web.PageCache} takes it out of a
 * page it keeps and puts each guest's own back.
 */
@ControllerAdvice
class CartBadgeAdvice {

	private final HeaderCartCount count;

	CartBadgeAdvice(HeaderCartCount count) {
		this.count = count;
	}

	@ModelAttribute("cartCount")
	int cartCount(HttpServletRequest request) {
		int units = this.count.count(request);
		request.setAttribute(VisitorCartCount.RENDERED_ATTRIBUTE, units);
		return units;
	}

}
