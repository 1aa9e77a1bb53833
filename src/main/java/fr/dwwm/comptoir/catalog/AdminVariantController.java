package fr.dwwm.comptoir.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;

import fr.dwwm.comptoir.web.BackOfficeFlash;

import org.springframework.dao.EmptyResultDataAccessException;
import fr.dwwm.comptoir.security.AccountPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The variants of a product in the back office, on the product's page: generating the
 * combinations of chosen option values, and saving one variant's reference, price, weight
 * and active flag. A refused row comes back with what was typed and why (flash attributes
 * {@code variantForm}, {@code variantFormId}, {@code variantErrors}).
 */
@Controller
class AdminVariantController {

	private final VariantAdministration variants;

	private final CatalogAudit audit;

	private final MessageSource messages;

	AdminVariantController(VariantAdministration variants, CatalogAudit audit, MessageSource messages) {
		this.variants = variants;
		this.audit = audit;
		this.messages = messages;
	}

	@InitBinder("variant")
	void allowedFields(WebDataBinder binder) {
		// Never the stock, the product nor the id: they do not come from this form.
		binder.setAllowedFields("sku", "price", "weightGrams", "active", "version");
	}

	@PostMapping("/admin/products/{id}/variants")
	String generate(@PathVariable long id, @RequestParam(name = "value", required = false) List<String> values,
			@AuthenticationPrincipal AccountPrincipal staff, RedirectAttributes redirect) {
		String back = "redirect:/admin/products/" + id + "#variants";
		Set<Long> chosen = new LinkedHashSet<>();
		for (String value : (values != null) ? values : List.<String>of()) {
			if (!value.matches("[0-9]{1,18}")) {
				redirect.addFlashAttribute(BackOfficeFlash.ERROR, "admin.variants.generate.unknown");
				return back;
			}
			chosen.add(Long.valueOf(value));
		}
		try {
			int made = this.variants.generate(id, chosen);
			if (made > 0) {
				this.audit.did("VARIANTS_GENERATE", staff.getAccountId(), "product:" + id,
						Map.of("values", List.copyOf(chosen), "made", made));
			}
			redirect.addFlashAttribute(BackOfficeFlash.MESSAGE,
					(made == 0) ? "admin.variants.generate.nothing" : "admin.variants.generated");
			redirect.addFlashAttribute("variantCount", made);
		}
		catch (ProductRefusal refusal) {
			redirect.addFlashAttribute(BackOfficeFlash.ERROR, refusal.getMessageKey());
		}
		catch (EmptyResultDataAccessException ex) {
			throw new ResponseStatusException(NOT_FOUND, "Unknown product");
		}
		return back;
	}

	@PostMapping("/admin/products/{id}/variants/{variantId}")
	String update(@PathVariable long id, @PathVariable long variantId,
			@Valid @ModelAttribute("variant") VariantForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal staff, RedirectAttributes redirect, Locale locale) {
		if (!this.variants.belongsTo(id, variantId)) {
			throw new ResponseStatusException(NOT_FOUND, "Unknown variant");
		}
		String back = "redirect:/admin/products/" + id + "#variant-" + variantId;
		if (errors.hasErrors()) {
			// Each message names its field and its variant: it is shown above the table,
			// away from the field (RGAA 11.10).
			VariantAdministration.Row variant = row(id, variantId);
			String name = (variant.label() != null) ? variant.label() : variant.sku();
			return refused(form, variantId, errors.getFieldErrors()
				.stream()
				.map((error) -> this.messages.getMessage("admin.variants.error-named",
						new Object[] { fieldLabel(error.getField(), locale), name, error.getDefaultMessage() }, locale))
				.toList(), redirect, back);
		}
		VariantAdministration.Row before = row(id, variantId);
		try {
			this.variants.update(id, variantId, form);
		}
		catch (ProductRefusal refusal) {
			if (refusal.isStale()) {
				redirect.addFlashAttribute(BackOfficeFlash.ERROR, ProductRefusal.STALE);
				return back;
			}
			redirect.addFlashAttribute("variantErrorKeys", List.of(refusal.getMessageKey()));
			return refused(form, variantId, List.of(), redirect, back);
		}
		this.audit.changed("VARIANT_UPDATE", staff.getAccountId(), "variant:" + variantId, before, row(id, variantId));
		redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.variants.saved");
		return back;
	}

	private String fieldLabel(String field, Locale locale) {
		String key = switch (field) {
			case "sku" -> "admin.variants.sku";
			case "price" -> "admin.variants.price";
			case "weightGrams" -> "admin.variants.weight";
			default -> "admin.variants.active";
		};
		return this.messages.getMessage(key, null, locale);
	}

	private VariantAdministration.Row row(long productId, long variantId) {
		return this.variants.ofProduct(productId)
			.stream()
			.filter((row) -> row.id() == variantId)
			.findFirst()
			.orElseThrow();
	}

	private static String refused(VariantForm form, long variantId, List<String> messages, RedirectAttributes redirect,
			String back) {
		redirect.addFlashAttribute(BackOfficeFlash.ERROR, "admin.variants.refused");
		redirect.addFlashAttribute("variantForm", form);
		redirect.addFlashAttribute("variantFormId", variantId);
		redirect.addFlashAttribute("variantErrors", messages);
		return back;
	}

}
