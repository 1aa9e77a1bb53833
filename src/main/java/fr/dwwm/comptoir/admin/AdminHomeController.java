package fr.dwwm.comptoir.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The back-office's entry page. Only staff who proved a second factor during this session
 * reach it (see the security configuration).
 */
@Controller
class AdminHomeController {

	@GetMapping("/admin")
	String home(Model model) {
		model.addAttribute("noindex", true);
		return "admin/home";
	}

}
