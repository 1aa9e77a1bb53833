package fr.dwwm.comptoir.cart;

import java.util.Optional;

import fr.dwwm.comptoir.account.ShopUser;
import fr.dwwm.comptoir.security.CarriedOverLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Finds the cart of the person behind a request: the open cart of their account when they
 * are logged in, otherwise the guest cart whose id their session holds. That id is the
 * one thing the session keeps when a guest signs in ({@link CarriedOverLogin}), so that
 * the cart joins the account.
 */
@Component
public class CurrentCart implements CarriedOverLogin {

	/** Session attribute holding a guest's cart id. */
	public static final String SESSION_ATTRIBUTE = "comptoir.cartId";

	/**
	 * Request attribute: the open cart of the signed-in account, read once per request
	 * (the header's badge and the page both ask). A request that checks the cart out ends
	 * with a redirect, so the cart it read stays the open one until the request ends.
	 */
	private static final String ACCOUNT_CART_ATTRIBUTE = CurrentCart.class.getName() + ".accountCart";

	private final Carts carts;

	CurrentCart(Carts carts) {
		this.carts = carts;
	}

	@Override
	public String sessionAttribute() {
		return SESSION_ATTRIBUTE;
	}

	/**
	 * Finds the current cart without creating one (and without creating a session).
	 * @param request the current request
	 * @return the cart id, if the visitor has a cart
	 */
	public Optional<Long> find(HttpServletRequest request) {
		Optional<Long> account = accountId();
		if (account.isPresent()) {
			mergeGuestCart(request, account.get());
			if (request.getAttribute(ACCOUNT_CART_ATTRIBUTE) instanceof AccountCart known
					&& known.accountId() == account.get()) {
				return known.cartId();
			}
			Optional<Long> cartId = this.carts.openCartOf(account.get());
			request.setAttribute(ACCOUNT_CART_ATTRIBUTE, new AccountCart(account.get(), cartId));
			return cartId;
		}
		HttpSession session = request.getSession(false);
		Object id = (session != null) ? session.getAttribute(SESSION_ATTRIBUTE) : null;
		return (id instanceof Long cartId) ? Optional.of(cartId) : Optional.empty();
	}

	/**
	 * Finds the current cart, creating it (and the guest's session) if needed.
	 * @param request the current request
	 * @return the cart id
	 */
	public long findOrCreate(HttpServletRequest request) {
		Optional<Long> account = accountId();
		if (account.isPresent()) {
			long cartId = find(request).orElseGet(() -> this.carts.create(account.get()));
			request.setAttribute(ACCOUNT_CART_ATTRIBUTE, new AccountCart(account.get(), Optional.of(cartId)));
			return cartId;
		}
		HttpSession session = request.getSession(true);
		Object id = session.getAttribute(SESSION_ATTRIBUTE);
		if (id instanceof Long cartId && this.carts.isOpenGuestCart(cartId)) {
			return cartId;
		}
		long cartId = this.carts.create(null);
		session.setAttribute(SESSION_ATTRIBUTE, cartId);
		return cartId;
	}

	/**
	 * What a guest put in their cart before logging in joins their account's cart, on the
	 * first request after login (the session carries this one attribute over the login).
	 */
	private void mergeGuestCart(HttpServletRequest request, long accountId) {
		HttpSession session = request.getSession(false);
		Object id = (session != null) ? session.getAttribute(SESSION_ATTRIBUTE) : null;
		if (id instanceof Long guestCartId) {
			session.removeAttribute(SESSION_ATTRIBUTE);
			this.carts.mergeGuestCart(guestCartId, accountId);
		}
	}

	/** The open cart of an account, as read in this request. */
	private record AccountCart(long accountId, Optional<Long> cartId) {
	}

	private static Optional<Long> accountId() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ShopUser user) {
			return Optional.of(user.getAccountId());
		}
		return Optional.empty();
	}

}
