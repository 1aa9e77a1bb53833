package fr.dwwm.comptoir.cms;

import fr.dwwm.comptoir.security.RichTextSanitizer;
import fr.dwwm.comptoir.web.SharedPage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Shows a published CMS page at {@code /pages/{slug}}.
 */
@Controller
class CmsPageController {

	private final CmsPageRepository pages;

	private final RichTextSanitizer sanitizer;

	CmsPageController(CmsPageRepository pages, RichTextSanitizer sanitizer) {
		this.pages = pages;
		this.sanitizer = sanitizer;
	}

	@GetMapping("/pages/{slug}")
	@SharedPage
	String page(@PathVariable String slug, Model model) {
		CmsPage page = this.pages.findBySlugAndStatus(slug, CmsPage.Status.PUBLISHED)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "Unknown page"));
		model.addAttribute("page", page);
		// Stored HTML is never trusted: it goes through the allow-list again before
		// display.
		model.addAttribute("safeContent", this.sanitizer.sanitize(page.getContentHtml()));
		return "cms/page";
	}

}
