package fr.dwwm.comptoir.module.builtin.reviews;

import java.util.Locale;
import java.util.Map;

import fr.dwwm.comptoir.module.api.ShopAudit;
import fr.dwwm.comptoir.module.api.ShopCatalog;
import fr.dwwm.comptoir.module.api.ShopModules;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The moderation screen of the back-office ({@code /admin/reviews}, editors and
 * administrators as all of {@code /admin}): approve or reject the reviews waiting.
 */
@Controller
class ReviewModerationController {

	private static final int LISTED = 50;

	private final Reviews reviews;

	private final ShopModules modules;

	private final ShopCatalog catalog;

	private final ShopAudit audit;

	ReviewModerationController(Reviews reviews, ShopModules modules, ShopCatalog catalog, ShopAudit audit) {
		this.reviews = reviews;
		this.modules = modules;
		this.catalog = catalog;
		this.audit = audit;
	}

	@GetMapping("/admin/reviews")
	String list(Model model, Locale locale) {
		requireEnabled();
		model.addAttribute("pending", withProducts(this.reviews.withStatus("PENDING", LISTED), locale));
		model.addAttribute("approved", withProducts(this.reviews.withStatus("APPROVED", 10), locale));
		model.addAttribute("noindex", true);
		return "modules/reviews/moderation";
	}

	@PostMapping("/admin/reviews/{id}/approve")
	String approve(@PathVariable long id, RedirectAttributes redirect) {
		return moderate(id, true, redirect);
	}

	@PostMapping("/admin/reviews/{id}/reject")
	String reject(@PathVariable long id, RedirectAttributes redirect) {
		return moderate(id, false, redirect);
	}

	private String moderate(long id, boolean approve, RedirectAttributes redirect) {
		requireEnabled();
		if (this.reviews.moderate(id, approve).isPresent()) {
			this.audit.record(ReviewsModule.CODE, approve ? "REVIEW_APPROVE" : "REVIEW_REJECT", "review:" + id,
					Map.of());
			redirect.addFlashAttribute("adminMessage",
					approve ? "module.reviews.moderation.approved" : "module.reviews.moderation.rejected");
		}
		else {
			redirect.addFlashAttribute("adminError", "module.reviews.moderation.gone");
		}
		return "redirect:/admin/reviews";
	}

	private java.util.List<Map<String, Object>> withProducts(java.util.List<Reviews.Moderated> list, Locale locale) {
		return list.stream()
			.map((moderated) -> Map.<String, Object>of("review", moderated.review(), "product",
					this.catalog.product(moderated.productId(), locale)
						.map(ShopCatalog.ProductTeaser::name)
						.orElse("#" + moderated.productId())))
			.toList();
	}

	private void requireEnabled() {
		if (!this.modules.isEnabled(ReviewsModule.CODE)) {
			throw new ResponseStatusException(NOT_FOUND);
		}
	}

}
