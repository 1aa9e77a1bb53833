package fr.dwwm.comptoir.cart;

import fr.dwwm.comptoir.web.VisitorCart;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The cart of the visitor behind a request, as the header's badge counts it
 * ({@link CartBadgeAdvice}) and as the {@link fr.dwwm.comptoir.web.PageCache} reads it to
 * serve a kept page to a guest with a session. A visitor without a cart costs no query.
 */
@Component
class RequestCart implements VisitorCart {

	private static final Logger logger = LoggerFactory.getLogger(RequestCart.class);

	private final Carts carts;

	private final CurrentCart currentCart;

	RequestCart(Carts carts, CurrentCart currentCart) {
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

	@Override
	public Contents contents(HttpServletRequest request) {
		try {
			return this.currentCart.find(request).map(this.carts::contents).orElse(Contents.EMPTY);
		}
		catch (DataAccessException ex) {
			logger.debug("Cart page neither kept nor served from the cache: {}", ex.getMessage());
			return null;
		}
	}

}
