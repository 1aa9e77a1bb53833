package fr.dwwm.comptoir.order;

import java.util.Locale;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The shipping methods of the back office (administrators only): the list in the
 * checkout's order, with buttons to move a method and to switch it off or on; the form of
 * a method with its price grid by country and weight.
 */
@Controller
@NoIndex
class AdminShippingController {

	private final ShippingAdministration shipping;

	AdminShippingController(ShippingAdministration shipping) {
		this.shipping = shipping;
	}

	@InitBinder("method")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("shippingCode", "name", "description", "minDays", "maxDays", "freeFrom", "active",
				"version", "bandCountry", "bandWeight", "bandPrice");
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/admin/shipping")
	String list(Model model) {
		model.addAttribute("methods", this.shipping.all());
		return "admin/shipping";
	}

	@GetMapping("/admin/shipping/new")
	String newForm(Model model) {
		model.addAttribute("method", new ShippingMethodForm());
		return "admin/shipping-form";
	}

	@PostMapping("/admin/shipping")
	String create(@Valid @ModelAttribute("method") ShippingMethodForm form, BindingResult errors,
			@AuthenticationPrincipal ShopUser staff, Model model, RedirectAttributes redirect) {
		check(form, errors);
		if (errors.hasErrors()) {
			return "admin/shipping-form";
		}
		return saved(this.shipping.create(form, staff.getAccountId()), model, redirect);
	}

	@GetMapping("/admin/shipping/{id}")
	String editForm(@PathVariable long id, Model model, Locale locale) {
		ShippingAdministration.Method method = this.shipping.find(id)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		model.addAttribute("method", ShippingMethodForm.of(method, locale));
		model.addAttribute("existing", method);
		return "admin/shipping-form";
	}

	@PostMapping("/admin/shipping/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("method") ShippingMethodForm form, BindingResult errors,
			@AuthenticationPrincipal ShopUser staff, Model model, RedirectAttributes redirect) {
		ShippingAdministration.Method existing = this.shipping.find(id)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		model.addAttribute("existing", existing);
		// The code is chosen at creation: the one of the method, whatever the form says.
		form.setShippingCode(existing.code());
		check(form, errors);
		if (errors.hasErrors()) {
			return "admin/shipping-form";
		}
		return saved(this.shipping.update(id, form, staff.getAccountId()), model, redirect);
	}

	@PostMapping("/admin/shipping/{id}/{action:activate|deactivate}")
	String activate(@PathVariable long id, @PathVariable String action, @AuthenticationPrincipal ShopUser staff,
			RedirectAttributes redirect) {
		boolean active = "activate".equals(action);
		if (!this.shipping.activate(id, active, staff.getAccountId())) {
			throw new ResponseStatusException(NOT_FOUND);
		}
		redirect.addFlashAttribute(BackOfficeFlash.MESSAGE,
				active ? "admin.shipping.activated" : "admin.shipping.deactivated");
		return "redirect:/admin/shipping";
	}

	@PostMapping("/admin/shipping/{id}/move")
	String move(@PathVariable long id, @RequestParam(defaultValue = "") String direction,
			@AuthenticationPrincipal ShopUser staff, RedirectAttributes redirect) {
		if (!"up".equals(direction) && !"down".equals(direction)) {
			redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.shipping.not-moved");
			return "redirect:/admin/shipping";
		}
		if (!this.shipping.move(id, "up".equals(direction), staff.getAccountId())) {
			throw new ResponseStatusException(NOT_FOUND);
		}
		redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.shipping.moved");
		return "redirect:/admin/shipping";
	}

	/** The rules a single field's constraint cannot say. */
	private static void check(ShippingMethodForm form, BindingResult errors) {
		if (form.getMinDays() != null && form.getMaxDays() != null && form.getMaxDays() < form.getMinDays()) {
			errors.rejectValue("maxDays", "admin.shipping.days.order");
		}
		form.checkBands(errors);
	}

	/** After a save: the list with a message, or the form again with what was typed. */
	private static String saved(ShippingAdministration.Result result, Model model, RedirectAttributes redirect) {
		if (result.refusal() != null) {
			model.addAttribute("refusal", result.refusal());
			return "admin/shipping-form";
		}
		redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.shipping.saved");
		return "redirect:/admin/shipping";
	}

}
