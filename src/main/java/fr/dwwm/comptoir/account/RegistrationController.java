package fr.dwwm.comptoir.account;

import fr.dwwm.comptoir.web.NoIndex;
import java.util.Locale;

import fr.dwwm.comptoir.security.PasswordPolicy;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Registration, the verification link and its resending.
 */
@Controller
@NoIndex
class RegistrationController {

	private final Registration registration;

	private final PasswordPolicy passwordPolicy;

	RegistrationController(Registration registration, PasswordPolicy passwordPolicy) {
		this.registration = registration;
		this.passwordPolicy = passwordPolicy;
	}

	@InitBinder
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("email", "firstName", "lastName", "password", "privacyAccepted");
	}

	@GetMapping("/register")
	String form(Model model) {
		model.addAttribute("form", new RegistrationForm());
		return registerPage(model);
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors, Locale locale,
			Model model) {
		for (String problem : this.passwordPolicy.problems(form.getPassword(), false, form.getEmail(),
				form.getFirstName(), form.getLastName())) {
			errors.rejectValue("password", problem);
		}
		if (errors.hasErrors()) {
			form.setPassword(null);
			return registerPage(model);
		}
		this.registration.register(form, locale);
		return "redirect:/register/sent";
	}

	@GetMapping("/register/sent")
	String sent() {
		return "account/register-sent";
	}

	@GetMapping("/register/confirm")
	String confirm(@RequestParam(required = false) String token) {
		return this.registration.confirm(token) ? "redirect:/login?verified" : "redirect:/login?invalid-link";
	}

	@PostMapping("/register/resend")
	String resend(@RequestParam(defaultValue = "") String email, Locale locale) {
		this.registration.resendVerification(email, locale);
		return "redirect:/register/sent";
	}

	private String registerPage(Model model) {
		model.addAttribute("minimumLength", PasswordPolicy.CUSTOMER_MIN_LENGTH);
		return "account/register";
	}

}
