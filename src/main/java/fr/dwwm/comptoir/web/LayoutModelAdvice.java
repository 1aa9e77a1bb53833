package fr.dwwm.comptoir.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Values the common layout needs on every page.
 */
@ControllerAdvice
class LayoutModelAdvice {

	private final JavaScriptModules modules;

	LayoutModelAdvice(JavaScriptModules modules) {
		this.modules = modules;
	}

	/**
	 * The import map of the page's JavaScript modules.
	 * @return {@code {"imports": {"/js/api.js": "/js/api-5d41….js", …}}}
	 */
	@ModelAttribute("importMap")
	Map<String, Map<String, String>> importMap() {
		return Map.of("imports", this.modules.versionedUrls());
	}

	/**
	 * Link to the current page in the other language, keeping its query parameters. On an
	 * error page it points to the page that failed, not to {@code /error}.
	 * @param request the current request
	 * @param locale the language of the current page
	 * @return a site-relative URL ending with {@code lang=fr} or {@code lang=en}
	 */
	@ModelAttribute("currentUrl")
	String currentUrl(HttpServletRequest request) {
		// Absolute URL of this page without its query: the default canonical URL.
		return ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).build().toUriString();
	}

	@ModelAttribute("otherLanguageUrl")
	String otherLanguageUrl(HttpServletRequest request, Locale locale) {
		String other = "en".equals(locale.getLanguage()) ? "fr" : "en";
		Object failedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (failedPath != null) ? failedPath.toString() : request.getRequestURI();
		String query = (failedPath != null) ? null : request.getQueryString();
		// A single leading slash keeps the link on this site ("//host" would leave it).
		String sitePath = "/" + path.replaceFirst("^/+", "");
		return UriComponentsBuilder.fromPath(sitePath)
			.query(query)
			.replaceQueryParam(ShopLocaleResolver.PARAMETER, other)
			.build()
			.toUriString();
	}

}
