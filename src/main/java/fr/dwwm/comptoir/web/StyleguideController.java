package fr.dwwm.comptoir.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The living style guide: every component of the graphic charter, in the light and the
 * dark colour schemes. Demo mode only ({@code app.demo.enabled}); a production shop has
 * no use for it.
 */
@Controller
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class StyleguideController {

	@GetMapping("/styleguide")
	String styleguide(Model model) {
		model.addAttribute("colors", CharterColors.fromClasspath());
		return "web/styleguide";
	}

}
