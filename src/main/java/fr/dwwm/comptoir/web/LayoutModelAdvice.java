package fr.dwwm.comptoir.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.dwwm.comptoir.system.PublicUrl;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Values the common layout needs on every page.
 */
@ControllerAdvice
class LayoutModelAdvice {

	private final JavaScriptModules modules;

	private final ThemeColors themeColors;

	private final PublicUrl publicUrl;

	LayoutModelAdvice(JavaScriptModules modules, PublicUrl publicUrl) {
		this.modules = modules;
		this.publicUrl = publicUrl;
		List<CharterColors.Token> charter = CharterColors.fromClasspath();
		CharterColors.Token surface = charter.stream()
			.filter((token) -> "surface".equals(token.name()))
			.findFirst()
			.orElseThrow();
		this.themeColors = new ThemeColors(surface.light(), surface.dark());
	}

	/**
	 * The colour a phone gives its address bar, or an installed shop its title bar, in
	 * each theme: the header's ({@code --cpt-color-surface}), so that the bar and the
	 * header are one.
	 * @return the colours of the light and dark themes
	 */
	@ModelAttribute("themeColors")
	ThemeColors themeColors() {
		return this.themeColors;
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
	/**
	 * The reference of this request ({@link RequestReference}), shown on the error page
	 * so that a customer can quote it.
	 * @param request the current request
	 * @return e.g. {@code K7QX-M2PA}, or {@code null} outside a request filtered by it
	 */
	@ModelAttribute("requestReference")
	String requestReference(HttpServletRequest request) {
		return (request.getAttribute(RequestReference.ATTRIBUTE) instanceof String reference) ? reference : null;
	}

	/**
	 * Whether the visitor is signed in, for the header's account and sign-out links: what
	 * {@code sec:authorize="isAuthenticated()"} said, read from the request (whose
	 * principal Spring Security leaves empty for an anonymous visitor) rather than by
	 * evaluating a security expression four times a page.
	 * @param request the current request
	 * @return {@code true} for a customer or staff member signed in
	 */
	@ModelAttribute("signedIn")
	boolean signedIn(HttpServletRequest request) {
		return request.getUserPrincipal() != null;
	}

	@ModelAttribute("currentUrl")
	String currentUrl(HttpServletRequest request) {
		// Absolute URL of this page without its query: the default canonical URL. The
		// shop's configured address, never the request's Host header, which anybody may
		// forge (HostHeaderAttackTests).
		return this.publicUrl.link(request.getRequestURI());
	}

	/**
	 * The bar colours of the two themes.
	 *
	 * @param light the light theme's, e.g. {@code #ffffff}
	 * @param dark the dark theme's
	 */
	public record ThemeColors(String light, String dark) {

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
