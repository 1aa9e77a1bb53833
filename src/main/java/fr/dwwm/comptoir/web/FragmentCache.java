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
 * links (not the visitor's cart, name or session). As a safeguard, HTML holding this
 * request's script nonce or a CSRF field is never kept: it belongs to one visitor.
 */
@Component
public class FragmentCache {

	private static final int MAXIMUM_ENTRIES = 5_000;

	private static final String SELECTOR = " :: ";

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
		Key key = new Key(name, arguments, locale, request.getContextPath());
		String html = this.rendered.getIfPresent(key);
		if (html == null) {
			html = this.templates.render(template, fragments, arguments, locale, request, current.getResponse());
			if (belongsToOneVisitor(html, request)) {
				logger.warn("Fragment {} holds a nonce or CSRF field: rendered on each use, never cached", name);
			}
			else {
				// Stored under a copy: the caller's map may change after this call.
				this.rendered.put(new Key(name, new HashMap<>(arguments), locale, request.getContextPath()), html);
			}
		}
		return html;
	}

	/**
	 * How many fragments are kept.
	 * @return the number of entries
	 */
	long size() {
		this.rendered.cleanUp();
		return this.rendered.estimatedSize();
	}

	private static boolean belongsToOneVisitor(String html, HttpServletRequest request) {
		Object nonce = request.getAttribute(ContentSecurityPolicyFilter.NONCE_ATTRIBUTE);
		return html.contains("_csrf") || (nonce != null && html.contains(nonce.toString()));
	}

	private record Key(String fragment, Map<String, ?> arguments, Locale locale, String contextPath) {

	}

}
