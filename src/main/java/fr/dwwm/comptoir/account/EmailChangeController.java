package fr.dwwm.comptoir.account;

import java.util.Locale;
import java.util.Optional;

import fr.dwwm.comptoir.web.NoIndex;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing the address an account signs in with: the form (new address and password),
 * then the link mailed to the new address, opened in the account's own session.
 */
@Controller
@NoIndex
class EmailChangeController {

	private final AccountRepository accounts;

	private final PasswordConfirmation passwordConfirmation;

	private final EmailChange emailChange;

	EmailChangeController(AccountRepository accounts, PasswordConfirmation passwordConfirmation,
			EmailChange emailChange) {
		this.accounts = accounts;
		this.passwordConfirmation = passwordConfirmation;
		this.emailChange = emailChange;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("email", "current");
	}

	@GetMapping("/account/email")
	String form(@AuthenticationPrincipal ShopUser user, Model model) {
		model.addAttribute("form", new EmailChangeForm());
		return page(user, model);
	}

	@PostMapping("/account/email")
	String request(@AuthenticationPrincipal ShopUser user, @Valid @ModelAttribute("form") EmailChangeForm form,
			BindingResult errors, HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
		String current = this.accounts.findById(user.getAccountId()).orElseThrow().getEmail();
		if (!errors.hasFieldErrors("email") && Account.normaliseEmail(form.getEmail()).equals(current)) {
			errors.rejectValue("email", "account.email.same");
		}
		if (!errors.hasFieldErrors("current") && !this.passwordConfirmation.confirms(user.getAccountId(),
				form.getCurrent(), request.getRemoteAddr(), "EMAIL_CHANGE_REQUEST")) {
			errors.rejectValue("current", "password.current-wrong");
		}
		if (errors.hasErrors()) {
			form.setCurrent(null);
			return page(user, model);
		}
		this.emailChange.request(user.getAccountId(), form.getEmail(), locale);
		redirect.addFlashAttribute("sentTo", Account.normaliseEmail(form.getEmail()));
		return "redirect:/account/email";
	}

	@GetMapping("/account/email/confirm")
	String confirmPage(@AuthenticationPrincipal ShopUser user, @RequestParam(required = false) String token,
			Model model) {
		Optional<String> newEmail = this.emailChange.pending(token, user.getAccountId());
		model.addAttribute("token", token);
		model.addAttribute("newEmail", newEmail.orElse(null));
		return "account/email-confirm";
	}

	@PostMapping("/account/email/confirm")
	String confirm(@AuthenticationPrincipal ShopUser user, @RequestParam(required = false) String token,
			HttpServletRequest request, HttpServletResponse response, Authentication authentication, Model model) {
		boolean changed;
		try {
			changed = this.emailChange.confirm(token, user.getAccountId());
		}
		catch (EmailChange.AddressTaken ex) {
			model.addAttribute("addressTaken", true);
			return "account/email-confirm";
		}
		if (!changed) {
			return "account/email-confirm";
		}
		// Every session of the account has ended, this one too: it signs in again with
		// the new address, which the browser's password manager then learns.
		new SecurityContextLogoutHandler().logout(request, response, authentication);
		return "redirect:/login?email-changed";
	}

	private String page(ShopUser user, Model model) {
		model.addAttribute("account", this.accounts.findById(user.getAccountId()).orElseThrow());
		model.addAttribute("validityHours", EmailChange.VALIDITY.toHours());
		return "account/email";
	}

}
