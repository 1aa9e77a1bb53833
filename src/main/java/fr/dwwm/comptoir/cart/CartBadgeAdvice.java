package fr.dwwm.comptoir.cart;

import org.thymeleaf.context.LazyContextVariable;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the number of units in the visitor's cart, for the header's badge (the
 * {@link fr.dwwm.comptoir.web.PageCache} finds it in the HTML of a page it keeps and puts
 * each guest's own there). The number is read when the template first shows it (a
 * Thymeleaf lazy variable): a form answered by a redirect, or a JSON answer, shows no
 * header and never reads it; a page that shows the cart's lines counts them instead
 * ({@link #countTheLinesShown}).
 */
@ControllerAdvice
public class CartBadgeAdvice {

	private static final String ATTRIBUTE = "cartCount";

	private final RequestCart count;

	CartBadgeAdvice(RequestCart count) {
		this.count = count;
	}

	/**
	 * Gives the badge the units of the lines the page shows (the cart page, the
	 * checkout): no second reading of the cart, and the badge cannot disagree with the
	 * lines below it.
	 * @param model the page's model
	 * @param cart the lines the page shows
	 */
	public static void countTheLinesShown(Model model, CartView cart) {
		model.addAttribute(ATTRIBUTE, cart.itemCount());
	}

	@ModelAttribute(ATTRIBUTE)
	LazyContextVariable<Integer> cartCount(HttpServletRequest request) {
		return new LazyContextVariable<>() {

			@Override
			protected Integer loadValue() {
				return CartBadgeAdvice.this.count.count(request);
			}

		};
	}

}
