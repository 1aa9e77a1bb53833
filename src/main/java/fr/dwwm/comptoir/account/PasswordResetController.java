package fr.dwwm.comptoir.account;

import fr.dwwm.comptoir.web.NoIndex;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of the password reset: asking for a link, then choosing a new password.
 */
@Controller
@NoIndex
class PasswordResetController {

	private final PasswordReset reset;

	PasswordResetController(PasswordReset reset) {
		this.reset = reset;
	}

	@GetMapping("/password/forgot")
	String forgotForm() {
		return "account/password-forgot";
	}

	@PostMapping("/password/forgot")
	String forgot(@RequestParam(defaultValue = "") String email, Locale locale) {
		if (!email.isBlank() && email.length() <= 254) {
			this.reset.request(email, locale);
		}
		return "redirect:/password/forgot?sent";
	}

	@GetMapping("/password/reset")
	String resetForm(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("validLink", this.reset.isValid(token));
		return "account/password-reset";
	}

	@PostMapping("/password/reset")
	String resetPassword(@RequestParam(required = false) String token, @RequestParam(defaultValue = "") String password,
			Locale locale, Model model) {
		List<String> problems;
		try {
			problems = this.reset.reset(token, password, locale);
		}
		catch (PasswordReset.RefusedPassword ex) {
			problems = ex.problems();
		}
		if (problems.isEmpty()) {
			return "redirect:/login?reset";
		}
		model.addAttribute("token", token);
		model.addAttribute("validLink", !problems.contains("reset.invalid-link"));
		model.addAttribute("problems", problems);
		return "account/password-reset";
	}

}
