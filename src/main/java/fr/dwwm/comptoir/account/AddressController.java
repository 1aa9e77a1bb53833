package fr.dwwm.comptoir.account;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
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
 * A customer's saved addresses. Another customer's address answers 404, exactly like an
 * address that does not exist.
 */
@Controller
class AddressController {

	private final AddressRepository addresses;

	AddressController(AddressRepository addresses) {
		this.addresses = addresses;
	}

	@InitBinder("address")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("label", "firstName", "lastName", "line1", "line2", "postalCode", "city", "country",
				"phone", "default", "version");
		// An empty optional field (phone, second line) is no value, not an invalid one.
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/account/addresses")
	String list(@AuthenticationPrincipal ShopUser user, Model model) {
		model.addAttribute("addresses", this.addresses.findByAccountIdOrderByIsDefaultDescIdAsc(user.getAccountId()));
		model.addAttribute("noindex", true);
		return "account/addresses";
	}

	@GetMapping("/account/addresses/new")
	String newForm(Model model) {
		Address address = new Address();
		address.setLabel("");
		model.addAttribute("address", address);
		model.addAttribute("noindex", true);
		return "account/address-form";
	}

	@GetMapping("/account/addresses/{id}")
	String editForm(@AuthenticationPrincipal ShopUser user, @PathVariable long id, Model model) {
		model.addAttribute("address", owned(user, id));
		model.addAttribute("noindex", true);
		return "account/address-form";
	}

	@PostMapping("/account/addresses")
	@Transactional
	String create(@AuthenticationPrincipal ShopUser user, @Valid @ModelAttribute("address") Address address,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!checked(address, errors, model)) {
			return "account/address-form";
		}
		address.setAccountId(user.getAccountId());
		boolean first = this.addresses.findByAccountIdOrderByIsDefaultDescIdAsc(user.getAccountId()).isEmpty();
		if (address.isDefault() || first) {
			this.addresses.clearDefault(user.getAccountId());
			address.setDefault(true);
		}
		this.addresses.save(address);
		redirect.addFlashAttribute("accountMessage", "account.address.saved");
		return "redirect:/account/addresses";
	}

	@PostMapping("/account/addresses/{id}")
	@Transactional
	String update(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@Valid @ModelAttribute("address") Address form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Address address = owned(user, id);
		if (!checked(form, errors, model)) {
			return "account/address-form";
		}
		if (form.isDefault()) {
			this.addresses.clearDefault(user.getAccountId());
			address = owned(user, id);
		}
		address.setLabel(form.getLabel());
		address.setFirstName(form.getFirstName());
		address.setLastName(form.getLastName());
		address.setLine1(form.getLine1());
		address.setLine2(form.getLine2());
		address.setPostalCode(form.getPostalCode());
		address.setCity(form.getCity());
		address.setCountry(form.getCountry());
		address.setPhone(form.getPhone());
		address.setDefault(form.isDefault() || address.isDefault());
		redirect.addFlashAttribute("accountMessage", "account.address.saved");
		return "redirect:/account/addresses";
	}

	@PostMapping("/account/addresses/{id}/delete")
	@Transactional
	String delete(@AuthenticationPrincipal ShopUser user, @PathVariable long id, RedirectAttributes redirect) {
		this.addresses.delete(owned(user, id));
		redirect.addFlashAttribute("accountMessage", "account.address.deleted");
		return "redirect:/account/addresses";
	}

	private Address owned(ShopUser user, long id) {
		return this.addresses.findByIdAndAccountId(id, user.getAccountId())
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "No such address"));
	}

	private static boolean checked(Address address, BindingResult errors, Model model) {
		if (!errors.hasFieldErrors("postalCode") && !address.postalCodeMatchesCountry()) {
			errors.rejectValue("postalCode", "validation.postal-code.country");
		}
		model.addAttribute("noindex", true);
		return !errors.hasErrors();
	}

}
