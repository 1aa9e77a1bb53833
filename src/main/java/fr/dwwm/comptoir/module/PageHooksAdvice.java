package fr.dwwm.comptoir.module;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every storefront page its display hooks ({@code displayHooks} in the templates).
 */
@ControllerAdvice
class PageHooksAdvice {

	private final HookRenderer renderer;

	PageHooksAdvice(HookRenderer renderer) {
		this.renderer = renderer;
	}

	@ModelAttribute("displayHooks")
	PageHooks hooks(Locale locale, HttpServletRequest request, HttpServletResponse response) {
		// The back-office shows no storefront module.
		if (request.getRequestURI().startsWith(request.getContextPath() + "/admin")) {
			return null;
		}
		return new PageHooks(this.renderer, locale, request, response);
	}

}
