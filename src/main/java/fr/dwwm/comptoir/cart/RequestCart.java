package fr.dwwm.comptoir.cart;

import fr.dwwm.comptoir.web.VisitorCartCount;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The number of units in the visitor's cart, for the header's badge: for a page rendered
 * ({@link CartBadgeAdvice}) and for a kept page served again to a guest with a session
 * ({@link fr.dwwm.comptoir.web.PageCache}). A visitor without a cart costs no query.
 */
@Component
class HeaderCartCount implements VisitorCartCount {

	private static final Logger logger = LoggerFactory.getLogger(HeaderCartCount.class);

	private final Carts carts;

	private final CurrentCart currentCart;

	HeaderCartCount(Carts carts, CurrentCart currentCart) {
		this.carts = carts;
		this.currentCart = currentCart;
	}

	@Override
	public int count(HttpServletRequest request) {
		try {
			return this.currentCart.find(request).map(this.carts::count).orElse(0);
		}
		catch (DataAccessException ex) {
			logger.warn("Cart badge shown empty: {}", ex.getMessage());
			return 0;
		}
	}

}
