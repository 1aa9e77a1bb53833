package fr.dwwm.comptoir.account;

import fr.dwwm.comptoir.web.NoIndex;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
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
@NoIndex
class AccountController {

	private final AccountRepository accounts;

	private final Profiles profiles;

	AccountController(AccountRepository accounts, Profiles profiles) {
		this.accounts = accounts;
		this.profiles = profiles;
	}

	@GetMapping("/account")
	String home(@AuthenticationPrincipal ShopUser user, Model model) {
		Account account = this.accounts.findById(user.getAccountId()).orElseThrow();
		model.addAttribute("account", account);
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
		return profilePage(account, model);
	}

	@PostMapping("/account/profile")
	String updateProfile(@AuthenticationPrincipal ShopUser user, @Valid @ModelAttribute("form") ProfileForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return profilePage(this.accounts.findById(user.getAccountId()).orElseThrow(), model);
		}
		this.profiles.update(user.getAccountId(), form);
		redirect.addFlashAttribute("accountMessage", "account.profile.saved");
		return "redirect:/account";
	}

	private String profilePage(Account account, Model model) {
		model.addAttribute("email", account.getEmail());
		return "account/profile";
	}

}
