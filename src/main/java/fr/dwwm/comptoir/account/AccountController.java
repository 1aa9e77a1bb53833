package fr.dwwm.comptoir.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account area's home page and the personal details form.
 */
@Controller
class AccountController {

	private final AccountRepository accounts;

	AccountController(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/account")
	String home(@AuthenticationPrincipal ShopUser user, Model model) {
		Account account = this.accounts.findById(user.getAccountId()).orElseThrow();
		model.addAttribute("account", account);
		model.addAttribute("noindex", true);
		return "account/home";
	}

	@GetMapping("/account/profile")
	String profileForm(@AuthenticationPrincipal ShopUser user, Model model) {
		Account account = this.accounts.findById(user.getAccountId()).orElseThrow();
		ProfileForm form = new ProfileForm();
		form.setFirstName(account.getFirstName());
		form.setLastName(account.getLastName());
		form.setPhone(account.getPhone());
		form.setLanguage(account.getPreferredLocale());
		model.addAttribute("form", form);
		model.addAttribute("noindex", true);
		return "account/profile";
	}

	@PostMapping("/account/profile")
	@Transactional
	String updateProfile(@AuthenticationPrincipal ShopUser user, @Valid @ModelAttribute("form") ProfileForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			model.addAttribute("noindex", true);
			return "account/profile";
		}
		Account account = this.accounts.findById(user.getAccountId()).orElseThrow();
		account.setFirstName(form.getFirstName().strip());
		account.setLastName(form.getLastName().strip());
		account.setPhone((form.getPhone() == null || form.getPhone().isBlank()) ? null : form.getPhone().strip());
		account.setPreferredLocale(form.getLanguage());
		redirect.addFlashAttribute("accountMessage", "account.profile.saved");
		return "redirect:/account";
	}

	/**
	 * The personal details a customer may change. The e-mail address, the role and the
	 * password are not here: binding only these fields means a crafted request cannot set
	 * them (mass assignment, OWASP ASVS 15.3.3).
	 */
	static class ProfileForm {

		@NotBlank(message = "{validation.first-name.required}")
		@Size(max = 100, message = "{validation.too-long}")
		private String firstName;

		@NotBlank(message = "{validation.last-name.required}")
		@Size(max = 100, message = "{validation.too-long}")
		private String lastName;

		@Pattern(regexp = "|\\+?[0-9 .()-]{6,20}", message = "{validation.phone.invalid}")
		private String phone;

		@Pattern(regexp = "fr|en", message = "{validation.required}")
		private String language = "fr";

		public String getFirstName() {
			return this.firstName;
		}

		public void setFirstName(String firstName) {
			this.firstName = firstName;
		}

		public String getLastName() {
			return this.lastName;
		}

		public void setLastName(String lastName) {
			this.lastName = lastName;
		}

		public String getPhone() {
			return this.phone;
		}

		public void setPhone(String phone) {
			this.phone = phone;
		}

		public String getLanguage() {
			return this.language;
		}

		public void setLanguage(String language) {
			this.language = language;
		}

	}

}
