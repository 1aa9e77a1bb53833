package fr.dwwm.comptoir.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The shop's front page.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}

}
