package fr.dwwm.comptoir.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Tells the {@link PageCache} that the page about to be rendered may be kept: its handler
 * is marked {@link SharedPage}. Only Spring MVC knows the handler, so the filter cannot
 * tell by itself.
 *
 * <p>
 * For such a page, when the filter captures this request ({@link PageCapture}: a visitor
 * without a session...), it reads the content version <em>before</em> the controller
 * reads the page's data, so that a change committed in between makes the kept page
 * outdated rather than wrongly fresh; the filter may have just read it, finding an
 * outdated page, and then it is not read twice. A page that shows the visitor's cart
 * ({@link SharedPage#perCart()}) is collected with the cart's contents, read before the
 * controller reads the cart, the same way. It then starts collecting the HTML. A version
 * of 0 or a cart that cannot be read (PostgreSQL not answering) keeps nothing.
 */
@Component
class SharedPageInterceptor implements HandlerInterceptor {

	private final ContentVersion versions;

	private final VisitorCart visitorCart;

	SharedPageInterceptor(ContentVersion versions, VisitorCart visitorCart) {
		this.versions = versions;
		this.visitorCart = visitorCart;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		PageCapture capture = PageCapture.of(response);
		SharedPage shared = (handler instanceof HandlerMethod method) ? method.getMethodAnnotation(SharedPage.class)
				: null;
		if (capture != null && shared != null) {
			VisitorCart.Contents cart = null;
			if (shared.perCart()) {
				cart = (capture.cart() != null) ? capture.cart() : this.visitorCart.contents(request);
				if (cart == null) {
					return true;
				}
			}
			long version = (capture.version() != null) ? capture.version() : this.versions.currentOrZero();
			if (version != 0) {
				capture.start(version, cart);
			}
		}
		return true;
	}

}
