package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.account.ShopUser;
import fr.dwwm.comptoir.web.BackOfficeFlash;
import fr.dwwm.comptoir.web.NoIndex;
import jakarta.validation.Valid;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Promotion codes in the back office (administrators only): the list with their uses, the
 * form to create or edit one, deactivation. The rules and the audit are in
 * {@link PromoCodeAdministration}.
 */
@Controller
@NoIndex
class AdminPromoCodeController {

	private final PromoCodeAdministration promoCodes;

	AdminPromoCodeController(PromoCodeAdministration promoCodes) {
		this.promoCodes = promoCodes;
	}

	@InitBinder("promo")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("promoCode", "kind", "amount", "startsOn", "endsOn", "minimumBasket", "maxUses",
				"perCustomerLimit", "active", "version");
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/admin/promo-codes")
	String list(Model model) {
		model.addAttribute("promoCodes", this.promoCodes.all());
		return "admin/promo-codes";
	}

	@GetMapping("/admin/promo-codes/new")
	String newForm(Model model) {
		PromoCodeForm form = new PromoCodeForm();
		form.setStartsOn(java.time.LocalDate.now(Invoices.SHOP_ZONE));
		form.setEndsOn(form.getStartsOn().plusMonths(1));
		model.addAttribute("promo", form);
		return "admin/promo-code-form";
	}

	@PostMapping("/admin/promo-codes")
	String create(@Valid @ModelAttribute("promo") PromoCodeForm form, BindingResult errors,
			@AuthenticationPrincipal ShopUser staff, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return "admin/promo-code-form";
		}
		PromoCodeAdministration.Result result = this.promoCodes.create(form, staff.getAccountId());
		return saved(result, model, redirect);
	}

	@GetMapping("/admin/promo-codes/{id}")
	String editForm(@PathVariable long id, Model model) {
		PromoCodeAdministration.PromoCode promo = this.promoCodes.find(id)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		if (!model.containsAttribute("promo")) {
			model.addAttribute("promo", PromoCodeForm.of(promo));
		}
		model.addAttribute("existing", promo);
		return "admin/promo-code-form";
	}

	@PostMapping("/admin/promo-codes/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("promo") PromoCodeForm form, BindingResult errors,
			@AuthenticationPrincipal ShopUser staff, Model model, RedirectAttributes redirect) {
		PromoCodeAdministration.PromoCode existing = this.promoCodes.find(id)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		model.addAttribute("existing", existing);
		if (errors.hasErrors()) {
			return "admin/promo-code-form";
		}
		return saved(this.promoCodes.update(id, form, staff.getAccountId()), model, redirect);
	}

	@PostMapping("/admin/promo-codes/{id}/deactivate")
	String deactivate(@PathVariable long id, @AuthenticationPrincipal ShopUser staff, RedirectAttributes redirect) {
		if (!this.promoCodes.activate(id, false, staff.getAccountId())) {
			throw new ResponseStatusException(NOT_FOUND);
		}
		redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.promo.deactivated");
		return "redirect:/admin/promo-codes";
	}

	@PostMapping("/admin/promo-codes/{id}/activate")
	String activate(@PathVariable long id, @AuthenticationPrincipal ShopUser staff, RedirectAttributes redirect) {
		if (!this.promoCodes.activate(id, true, staff.getAccountId())) {
			throw new ResponseStatusException(NOT_FOUND);
		}
		redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.promo.activated");
		return "redirect:/admin/promo-codes";
	}

	/** After a save: the list with a message, or the form again with what was typed. */
	private static String saved(PromoCodeAdministration.Result result, Model model, RedirectAttributes redirect) {
		if (result.refusal() != null) {
			model.addAttribute("refusal", result.refusal());
			return "admin/promo-code-form";
		}
		redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.promo.saved");
		return "redirect:/admin/promo-codes";
	}

}
