package fr.dwwm.comptoir.cms;

import fr.dwwm.comptoir.security.RichTextSanitizer;
import fr.dwwm.comptoir.web.MovedPermanently;
import fr.dwwm.comptoir.web.SharedPage;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Shows a published CMS page at {@code /pages/{slug}}, and sends a visitor who follows
 * one of its former addresses to it.
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
	String page(@PathVariable String slug, Model model, HttpServletRequest request) {
		CmsPage page = this.pages.findBySlugAndStatus(slug, CmsPage.Status.PUBLISHED).orElse(null);
		if (page == null) {
			String moved = this.pages.movedTo(slug)
				.orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "Unknown page"));
			return MovedPermanently.to(request, UriComponentsBuilder.fromPath("/pages/").path(moved));
		}
		model.addAttribute("page", page);
		// Stored HTML is never trusted: it goes through the allow-list again before
		// display.
		model.addAttribute("safeContent", this.sanitizer.sanitize(page.getContentHtml()));
		return "cms/page";
	}

}
