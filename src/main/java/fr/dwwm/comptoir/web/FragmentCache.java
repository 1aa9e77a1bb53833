package fr.dwwm.comptoir.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.dwwm.comptoir.security.ContentSecurityPolicyFilter;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The HTML of template fragments that depend only on their arguments and the language,
 * rendered once and then reused: a product card is the same for every visitor who sees
 * that product at that price and stock, in that language. Templates call it in place of
 * {@code th:replace}, in two steps because Thymeleaf evaluates {@code th:utext} in a
 * restricted mode that refuses calls to beans:
 *
 * <pre>{@code
 * <li th:each="p : ${products}"
 *     th:with="card=${@fragmentCache.html('catalog/fragments :: card', 'product', p)}"
 *     th:utext="${card}"></li>
 * }</pre>
 *
 * <p>
 * The arguments <em>are</em> the key: a card's arguments hold everything the card shows
 * (name, price, stock, picture), so a product edited in the back office, or whose stock
 * moved, has other arguments and gets a freshly rendered card on its next display; there
 * is nothing to evict. Old entries go when the cache is full or unused for an hour. The
 * arguments must therefore be values ({@code equals} on their content: records, strings,
 * numbers), and the fragment must read nothing else than its arguments, messages and
 * links (not the visitor's cart, name or session). A form is fine: its CSRF token, the
 * one part of it that is the visitor's, is taken out of the kept HTML and each use puts
 * in the token of its own request, as the page cache does ({@link PageCache}). As a
 * safeguard, HTML holding this request's script nonce, or a CSRF field with another token
 * than this request's, is never kept.
 */
@Component
public class FragmentCache {

	private static final int MAXIMUM_ENTRIES = 5_000;

	private static final String SELECTOR = " :: ";

	/**
	 * Where the request's CSRF token was in a kept fragment: a character no rendered HTML
	 * holds (control characters are refused in every input, and Thymeleaf escapes what it
	 * prints).
	 */
	private static final String CSRF_MARK = "\u0000csrf\u0000";

	private static final Logger logger = LoggerFactory.getLogger(FragmentCache.class);

	private final Cache<Key, String> rendered = Caffeine.newBuilder()
		.maximumSize(MAXIMUM_ENTRIES)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	private final TemplateRenderer templates;

	/**
	 * A cache rendering with this renderer.
	 * @param templates the renderer
	 */
	public FragmentCache(TemplateRenderer templates) {
		this.templates = templates;
	}

	/**
	 * The HTML of a fragment, rendered for these arguments in the page's language.
	 * @param fragment {@code template :: fragment}, as in {@code th:replace}
	 * @param namesAndValues the fragment's parameters: a name, its value, the next name…
	 * (templates may not build a map themselves)
	 * @return the HTML, from the cache or rendered now
	 */
	public String html(String fragment, Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("Expected names and values in pairs for " + fragment);
		}
		Map<String, Object> arguments = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return html(fragment, arguments);
	}

	/**
	 * The HTML of a fragment, rendered for these arguments in the page's language.
	 * @param fragment {@code template :: fragment}, as in {@code th:replace}
	 * @param arguments the fragment's parameters by name
	 * @return the HTML, from the cache or rendered now
	 */
	public String html(String fragment, Map<String, ?> arguments) {
		int separator = fragment.indexOf(SELECTOR);
		if (separator < 0) {
			throw new IllegalArgumentException("Expected 'template :: fragment', got: " + fragment);
		}
		return kept(fragment, fragment.substring(0, separator),
				Set.of(fragment.substring(separator + SELECTOR.length())), arguments);
	}

	/**
	 * The HTML of a whole template that depends only on its variables and the language (a
	 * module's block that its module declares shareable).
	 * @param template the template's name
	 * @param variables what it reads, by name
	 * @return the HTML, from the cache or rendered now
	 */
	public String template(String template, Map<String, ?> variables) {
		return kept(template, template, Set.of(), variables);
	}

	private String kept(String name, String template, Set<String> fragments, Map<String, ?> arguments) {
		ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		HttpServletRequest request = current.getRequest();
		Locale locale = RequestContextUtils.getLocale(request);
		CsrfToken csrf = (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) ? token : null;
		// With or without a token to put in its forms (an error page may have none): two
		// renderings, never one served for the other.
		Key key = new Key(name, arguments, locale, request.getContextPath(), csrf != null);
		String kept = this.rendered.getIfPresent(key);
		if (kept != null) {
			// Only a rendering made with a token can hold its mark (the key says which).
			return (csrf != null) ? kept.replace(CSRF_MARK, csrf.getToken()) : kept;
		}
		String html = this.templates.render(template, fragments, arguments, locale, request, current.getResponse());
		String keepable = withoutVisitorsToken(html, request, csrf);
		if (keepable == null) {
			logger.warn("Fragment {} holds a nonce or another CSRF token: rendered on each use, never cached", name);
		}
		else {
			// Stored under a copy: the caller's map may change after this call.
			this.rendered.put(new Key(name, new HashMap<>(arguments), locale, request.getContextPath(), csrf != null),
					keepable);
		}
		return html;
	}

	/**
	 * The HTML to keep: as rendered, with this request's CSRF token in its place as a
	 * mark; {@code null} if it holds what must never be kept (this request's script
	 * nonce, or a CSRF field whose token is not this request's).
	 */
	private static String withoutVisitorsToken(String html, HttpServletRequest request, CsrfToken csrf) {
		Object nonce = request.getAttribute(ContentSecurityPolicyFilter.NONCE_ATTRIBUTE);
		if (nonce != null && html.contains(nonce.toString())) {
			return null;
		}
		if (!html.contains("_csrf")) {
			return html;
		}
		if (csrf == null || !html.contains(csrf.getToken())) {
			return null;
		}
		return html.replace(csrf.getToken(), CSRF_MARK);
	}

	/**
	 * How many fragments are kept.
	 * @return the number of entries
	 */
	long size() {
		this.rendered.cleanUp();
		return this.rendered.estimatedSize();
	}

	private record Key(String fragment, Map<String, ?> arguments, Locale locale, String contextPath,
			boolean withCsrfToken) {

	}

}
