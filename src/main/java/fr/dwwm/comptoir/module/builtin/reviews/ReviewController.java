package fr.dwwm.comptoir.module.builtin.reviews;

import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import fr.dwwm.comptoir.module.api.ModuleCustomer;
import fr.dwwm.comptoir.module.api.ShopCatalog;
import fr.dwwm.comptoir.module.api.ShopCustomers;
import fr.dwwm.comptoir.module.api.ShopModules;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Receives a customer's review from the form of a product page, then goes back to that
 * page, where the module's block says what happened (or shows the form again with its
 * values and the errors).
 */
@Controller
class ReviewController {

	private final Reviews reviews;

	private final ShopModules modules;

	private final ShopCustomers customers;

	private final ShopCatalog catalog;

	ReviewController(Reviews reviews, ShopModules modules, ShopCustomers customers, ShopCatalog catalog) {
		this.reviews = reviews;
		this.modules = modules;
		this.customers = customers;
		this.catalog = catalog;
	}

	@PostMapping("/modules/reviews/products/{productId}")
	String write(@PathVariable long productId, @Valid @ModelAttribute("reviewForm") ReviewForm form,
			BindingResult result, Locale locale, RedirectAttributes redirect) {
		if (!this.modules.isEnabled(ReviewsModule.CODE)) {
			throw new ResponseStatusException(NOT_FOUND);
		}
		String productUrl = this.catalog.product(productId, locale)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND))
			.url();
		ModuleCustomer customer = this.customers.current().orElse(null);
		if (customer == null) {
			return "redirect:/login";
		}
		if (result.hasErrors()) {
			redirect.addFlashAttribute("reviewForm", form);
			redirect.addFlashAttribute("reviewErrors", errorsByField(result));
			return "redirect:" + productUrl + "#reviews";
		}
		boolean moderated = this.modules.settings(ReviewsModule.CODE).flag("moderation");
		boolean saved = this.reviews.add(productId, customer.accountId(), customer.displayName(), form, !moderated);
		redirect.addFlashAttribute("reviewOutcome",
				!saved ? "module.reviews.already" : (moderated ? "module.reviews.sent" : "module.reviews.published"));
		return "redirect:" + productUrl + "#reviews";
	}

	private static Map<String, String> errorsByField(BindingResult result) {
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		for (FieldError error : result.getFieldErrors()) {
			errors.putIfAbsent(error.getField(), error.getDefaultMessage());
		}
		return errors;
	}

}
