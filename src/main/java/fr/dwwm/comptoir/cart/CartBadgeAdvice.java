package fr.dwwm.comptoir.cart;

import org.thymeleaf.context.LazyContextVariable;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the number of units in the visitor's cart, for the header's badge (the
 * {@link fr.dwwm.comptoir.web.PageCache} finds it in the HTML of a page it keeps and puts
 * each guest's own there). The number is read when the template first shows it (a
 * Thymeleaf lazy variable): a form answered by a redirect, or a JSON answer, shows no
 * header and never reads it.
 */
@ControllerAdvice
class CartBadgeAdvice {

	private final HeaderCartCount count;

	CartBadgeAdvice(HeaderCartCount count) {
		this.count = count;
	}

	@ModelAttribute("cartCount")
	LazyContextVariable<Integer> cartCount(HttpServletRequest request) {
		return new LazyContextVariable<>() {

			@Override
			protected Integer loadValue() {
				return CartBadgeAdvice.this.count.count(request);
			}

		};
	}

}
