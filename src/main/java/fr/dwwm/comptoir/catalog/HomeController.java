package fr.dwwm.comptoir.catalog;

import java.util.Map;

import fr.dwwm.comptoir.web.SharedPage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The shop's front page: its shelves, the products it puts forward and the latest ones.
 */
@Controller
class HomeController {

	private static final int SHOWN = 8;

	private final ProductQueries queries;

	private final Categories categories;

	HomeController(ProductQueries queries, Categories categories) {
		this.queries = queries;
		this.categories = categories;
	}

	@GetMapping("/")
	@SharedPage
	String home(Model model) {
		model.addAttribute("shelves", this.categories.tree().roots());
		model.addAttribute("newest", this.queries
			.find(new ProductFilter(null, null, null, null, false, false, Map.of(), ProductSort.NEWEST, 0, SHOWN))
			.items());
		return "catalog/home";
	}

}
