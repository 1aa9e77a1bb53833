package fr.dwwm.comptoir.account;

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
 * A customer's saved addresses. The form binds an {@link AddressForm}; which address is
 * changed comes from the path and the signed-in account only, and another customer's
 * address answers 404, exactly like an address that does not exist.
 */
@Controller
@NoIndex
class AddressController {

	private final SavedAddresses addresses;

	AddressController(SavedAddresses addresses) {
		this.addresses = addresses;
	}

	@InitBinder("address")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("label", "firstName", "lastName", "line1", "line2", "postalCode", "city", "country",
				"phone", "default", "defaultBilling", "version");
		// An empty optional field (phone, second line) is no value, not an invalid one.
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/account/addresses")
	String list(@AuthenticationPrincipal ShopUser user, Model model) {
		model.addAttribute("addresses", this.addresses.of(user.getAccountId()));
		return "account/addresses";
	}

	@GetMapping("/account/addresses/new")
	String newForm(Model model) {
		AddressForm address = new AddressForm();
		address.setLabel("");
		model.addAttribute("address", address);
		return "account/address-form";
	}

	@GetMapping("/account/addresses/{id}")
	String editForm(@AuthenticationPrincipal ShopUser user, @PathVariable long id, Model model) {
		model.addAttribute("address", AddressForm.of(owned(user, id)));
		return "account/address-form";
	}

	@PostMapping("/account/addresses")
	String create(@AuthenticationPrincipal ShopUser user, @Valid @ModelAttribute("address") AddressForm address,
			BindingResult errors, RedirectAttributes redirect) {
		if (!checked(address, errors)) {
			return "account/address-form";
		}
		this.addresses.add(user.getAccountId(), address);
		redirect.addFlashAttribute("accountMessage", "account.address.saved");
		return "redirect:/account/addresses";
	}

	@PostMapping("/account/addresses/{id}")
	String update(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@Valid @ModelAttribute("address") AddressForm address, BindingResult errors, RedirectAttributes redirect) {
		owned(user, id);
		address.setId(id);
		if (!checked(address, errors)) {
			return "account/address-form";
		}
		switch (this.addresses.update(user.getAccountId(), id, address)) {
			case NOT_FOUND -> throw new ResponseStatusException(NOT_FOUND, "No such address");
			case STALE -> {
				errors.reject("account.address.stale");
				return "account/address-form";
			}
			case DONE -> {
				redirect.addFlashAttribute("accountMessage", "account.address.saved");
				return "redirect:/account/addresses";
			}
		}
		throw new IllegalStateException();
	}

	@PostMapping("/account/addresses/{id}/delete")
	String delete(@AuthenticationPrincipal ShopUser user, @PathVariable long id, RedirectAttributes redirect) {
		if (!this.addresses.remove(user.getAccountId(), id)) {
			throw new ResponseStatusException(NOT_FOUND, "No such address");
		}
		redirect.addFlashAttribute("accountMessage", "account.address.deleted");
		return "redirect:/account/addresses";
	}

	private Address owned(ShopUser user, long id) {
		return this.addresses.find(id, user.getAccountId())
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "No such address"));
	}

	private static boolean checked(AddressForm address, BindingResult errors) {
		address.checkPostalCodeOfCountry(errors);
		return !errors.hasErrors();
	}

}
