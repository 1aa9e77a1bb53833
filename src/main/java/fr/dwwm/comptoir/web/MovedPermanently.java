package fr.dwwm.comptoir.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a visitor from a page's former address to its current one with a permanent
 * redirect ({@code 301}): browsers, and search engines, then use the new address from
 * there on. A product or CMS page whose address changed keeps its former ones for this.
 */
public final class MovedPermanently {

	private MovedPermanently() {
	}

	/**
	 * The view that redirects permanently to a page of the shop.
	 * @param request the request that asked for the former address
	 * @param target the current address, e.g. {@code /products/bol-bleu?variant=7}
	 * @return a {@code redirect:} view name, its address encoded
	 */
	public static String to(HttpServletRequest request, UriComponentsBuilder target) {
		request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.MOVED_PERMANENTLY);
		// Built, then every component encoded: a "{" a visitor typed becomes %7B. (The
		// builder's own encode() keeps "{…}" as a template variable, which the redirect
		// would then try to fill from the model: a 500.)
		return "redirect:" + target.build().encode().toUriString();
	}

}
