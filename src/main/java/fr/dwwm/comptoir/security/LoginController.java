package fr.dwwm.comptoir.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Shows the login form; Spring Security handles the POST to {@code /login}.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String loginForm(Model model) {
		model.addAttribute("noindex", true);
		return "security/login";
	}

}
