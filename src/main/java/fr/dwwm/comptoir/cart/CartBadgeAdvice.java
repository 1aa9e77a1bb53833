package fr.dwwm.comptoir.cart;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the number of units in the visitor's cart, for the header's badge. A
 * visitor without a cart costs no query.
 */
@ControllerAdvice
class CartBadgeAdvice {

	private static final Logger logger = LoggerFactory.getLogger(CartBadgeAdvice.class);

	private final Carts carts;

	private final CurrentCart currentCart;

	CartBadgeAdvice(Carts carts, CurrentCart currentCart) {
		this.carts = carts;
		this.currentCart = currentCart;
	}

	@ModelAttribute("cartCount")
	int cartCount(HttpServletRequest request) {
		try {
			return this.currentCart.find(request).map(this.carts::count).orElse(0);
		}
		catch (DataAccessException ex) {
			logger.warn("Cart badge shown empty: {}", ex.getMessage());
			return 0;
		}
	}

}
