package fr.dwwm.comptoir.cart;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.dwwm.comptoir.account.Country;
import fr.dwwm.comptoir.web.Money;
import fr.dwwm.comptoir.web.NoIndex;
import fr.dwwm.comptoir.web.SharedPage;
import fr.dwwm.comptoir.web.Weights;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cart page and its forms. Every action is a plain form POST followed by a redirect,
 * so the cart works without JavaScript; prices and stock are checked on every change.
 */
@Controller
@NoIndex
class CartController {

	private final Carts carts;

	private final CurrentCart currentCart;

	private final ShippingEstimates shipping;

	private final MessageSource messages;

	private final Money money;

	private final Weights weights;

	CartController(Carts carts, CurrentCart currentCart, ShippingEstimates shipping, MessageSource messages,
			Money money, Weights weights) {
		this.carts = carts;
		this.currentCart = currentCart;
		this.shipping = shipping;
		this.messages = messages;
		this.money = money;
		this.weights = weights;
	}

	/**
	 * The cart, with what delivering it would cost to the country chosen on the page
	 * ({@code ?country=BE}; France when none or an unknown one is asked). What it shows
	 * depends on the cart's lines and the storefront only: the page cache keeps it once
	 * per cart contents for guests.
	 */
	@GetMapping("/cart")
	@SharedPage(perCart = true)
	String cart(@RequestParam(required = false) String country, HttpServletRequest request, Model model,
			Locale locale) {
		CartView cart = this.currentCart.find(request).map(this.carts::view).orElse(CartView.EMPTY);
		Country destination = country(country);
		Optional<ShippingEstimate> estimate = this.shipping.of(cart, destination);
		model.addAttribute("cart", cart);
		CartBadgeAdvice.countTheLinesShown(model, cart);
		model.addAttribute("country", destination);
		model.addAttribute("freeShipping", estimate.map(ShippingEstimate::freeShipping).orElse(null));
		model.addAttribute("shippingEstimate",
				estimate.map((known) -> CartSummary.estimateHeading(known, this.messages, this.weights, locale))
					.orElse(null));
		model.addAttribute("deliveries",
				estimate.map((known) -> CartSummary.deliveries(known, this.messages, this.money, locale))
					.orElse(List.of()));
		return "cart/cart";
	}

	/**
	 * The delivery country a cart page asks about.
	 * @param code the country's code, as typed in the address
	 * @return the country, France by default
	 */
	static Country country(String code) {
		return Country.of(code).orElse(Country.FR);
	}

	@PostMapping("/cart/lines")
	String add(@Valid @ModelAttribute AddToCart form, BindingResult errors, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			redirect.addFlashAttribute("cartMessage", "cart.message.invalid");
			return "redirect:/cart";
		}
		Carts.Addition addition = this.carts.add(this.currentCart.findOrCreate(request), form.getVariantId(),
				form.getQuantity());
		redirect.addFlashAttribute("cartMessage", "cart.message." + addition.outcome().name().toLowerCase());
		redirect.addFlashAttribute("cartQuantity", addition.quantity());
		return "redirect:/cart";
	}

	@PostMapping("/cart/lines/{variantId}")
	String update(@PathVariable long variantId, @RequestParam(defaultValue = "-1") int quantity,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (quantity < 0 || quantity > Carts.MAX_QUANTITY) {
			redirect.addFlashAttribute("cartMessage", "cart.message.invalid");
			return "redirect:/cart";
		}
		this.currentCart.find(request).ifPresent((cart) -> {
			if (quantity > 0) {
				Carts.Addition addition = this.carts.change(cart, variantId, quantity);
				redirect.addFlashAttribute("cartMessage",
						"cart.message.updated." + addition.outcome().name().toLowerCase());
				redirect.addFlashAttribute("cartQuantity", addition.quantity());
			}
			else {
				this.carts.setQuantity(cart, variantId, 0);
				redirect.addFlashAttribute("cartMessage", "cart.message.removed");
			}
		});
		return "redirect:/cart";
	}

	@PostMapping("/cart/lines/{variantId}/remove")
	String remove(@PathVariable long variantId, HttpServletRequest request, RedirectAttributes redirect) {
		this.currentCart.find(request).ifPresent((cart) -> this.carts.setQuantity(cart, variantId, 0));
		redirect.addFlashAttribute("cartMessage", "cart.message.removed");
		return "redirect:/cart";
	}

	/**
	 * The add-to-cart form of a product page.
	 */
	static class AddToCart {

		@NotNull(message = "{api.cart.product-required}")
		private Long variantId;

		@Min(value = 1, message = "{cart.message.invalid}")
		@Max(value = Carts.MAX_QUANTITY, message = "{cart.message.invalid}")
		private int quantity = 1;

		public Long getVariantId() {
			return this.variantId;
		}

		public void setVariantId(Long variantId) {
			this.variantId = variantId;
		}

		public int getQuantity() {
			return this.quantity;
		}

		public void setQuantity(int quantity) {
			this.quantity = quantity;
		}

	}

}
