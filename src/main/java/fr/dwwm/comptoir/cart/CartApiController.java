package fr.dwwm.comptoir.cart;

import java.util.Locale;

import fr.dwwm.comptoir.account.Country;
import fr.dwwm.comptoir.web.ApiErrors.ApiException;
import fr.dwwm.comptoir.web.JsonApi;
import fr.dwwm.comptoir.web.Money;
import fr.dwwm.comptoir.web.Weights;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cart's JSON API, called by {@code add-to-cart.js} and {@code cart.js}: the same
 * rules as the {@link CartController} forms (which stay for visitors without JavaScript),
 * answered with the whole {@link CartSummary} so the page can re-render totals the server
 * computed. Errors are problem details ({@link fr.dwwm.comptoir.web.ApiErrors}): 404 for
 * a product or line that does not exist, 409 when the stock forbids the change, 422 for
 * an invalid quantity.
 */
@RestController
@JsonApi
@RequestMapping(path = "/api/v1/cart", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Panier / Cart",
		description = "Le panier du visiteur (session) ou du compte (session ou jeton) ; ?country= choisit le pays "
				+ "des prix de livraison. / The visitor's cart (session) or the account's (session or token); "
				+ "?country= picks the country of the delivery prices.")
class CartApiController {

	private final Carts carts;

	private final CurrentCart currentCart;

	private final ShippingEstimates shipping;

	private final MessageSource messages;

	private final Money money;

	private final Weights weights;

	CartApiController(Carts carts, CurrentCart currentCart, ShippingEstimates shipping, MessageSource messages,
			Money money, Weights weights) {
		this.carts = carts;
		this.currentCart = currentCart;
		this.shipping = shipping;
		this.messages = messages;
		this.money = money;
		this.weights = weights;
	}

	@GetMapping
	CartSummary cart(HttpServletRequest request, Locale locale) {
		CartView cart = this.currentCart.find(request).map(this.carts::view).orElse(CartView.EMPTY);
		return summary(cart, null, false, request, locale);
	}

	@PostMapping("/lines")
	CartSummary add(@Valid @RequestBody CartController.AddToCart form, HttpServletRequest request, Locale locale) {
		long cartId = this.currentCart.findOrCreate(request);
		Carts.Addition addition = this.carts.add(cartId, form.getVariantId(), form.getQuantity());
		String key = "cart.message." + addition.outcome().name().toLowerCase(Locale.ROOT);
		refuseUnlessDone(addition, key);
		return summary(this.carts.view(cartId), message(key, addition.quantity(), locale),
				addition.outcome() == Carts.Addition.Outcome.LIMITED, request, locale);
	}

	@PutMapping("/lines/{variantId}")
	CartSummary change(@PathVariable long variantId, @Valid @RequestBody QuantityChange change,
			HttpServletRequest request, Locale locale) {
		long cartId = cartHolding(variantId, request);
		if (change.getQuantity() == 0) {
			return remove(variantId, request, locale);
		}
		Carts.Addition addition = this.carts.change(cartId, variantId, change.getQuantity());
		String key = "cart.message.updated." + addition.outcome().name().toLowerCase(Locale.ROOT);
		refuseUnlessDone(addition, key);
		return summary(this.carts.view(cartId), message(key, addition.quantity(), locale),
				addition.outcome() == Carts.Addition.Outcome.LIMITED, request, locale);
	}

	@DeleteMapping("/lines/{variantId}")
	CartSummary remove(@PathVariable long variantId, HttpServletRequest request, Locale locale) {
		long cartId = cartHolding(variantId, request);
		this.carts.setQuantity(cartId, variantId, 0);
		return summary(this.carts.view(cartId), message("cart.message.removed", 0, locale), false, request, locale);
	}

	private long cartHolding(long variantId, HttpServletRequest request) {
		return this.currentCart.find(request)
			.filter((cartId) -> this.carts.view(cartId).lines().stream().anyMatch((l) -> l.variantId() == variantId))
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "api.cart.no-such-line"));
	}

	private static void refuseUnlessDone(Carts.Addition addition, String key) {
		switch (addition.outcome()) {
			case UNKNOWN_PRODUCT -> throw new ApiException(HttpStatus.NOT_FOUND, key);
			case OUT_OF_STOCK -> throw new ApiException(HttpStatus.CONFLICT, key);
			default -> {
				// added, possibly limited to the stock: the message says which
			}
		}
	}

	private String message(String key, int quantity, Locale locale) {
		return this.messages.getMessage(key, new Object[] { quantity }, locale);
	}

	/**
	 * The summary of a cart after a change, its delivery estimated for the country the
	 * page asks about ({@code ?country=BE}, France by default).
	 */
	private CartSummary summary(CartView cart, String message, boolean limited, HttpServletRequest request,
			Locale locale) {
		Country country = CartController.country(request.getParameter("country"));
		return CartSummary.of(cart, this.shipping.of(cart, country), message, limited, this.messages, this.money,
				this.weights, locale);
	}

	/**
	 * A new quantity for a line; zero removes it.
	 */
	static class QuantityChange {

		@Min(value = 0, message = "{cart.message.invalid}")
		@Max(value = Carts.MAX_QUANTITY, message = "{cart.message.invalid}")
		private int quantity;

		public int getQuantity() {
			return this.quantity;
		}

		public void setQuantity(int quantity) {
			this.quantity = quantity;
		}

	}

}
