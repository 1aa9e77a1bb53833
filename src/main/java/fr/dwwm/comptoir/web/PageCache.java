package fr.dwwm.comptoir.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.dwwm.comptoir.security.ContentSecurityPolicyFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * Keeps the HTML of the {@linkplain SharedPage shared pages} (home, catalogue, product,
 * search, editors' pages) and serves it again to the next visitors without a session, as
 * long as the storefront has not changed: the page is rendered once per address, language
 * and {@linkplain ContentVersion content version}, instead of once per visit. Serving a
 * kept page costs one SQL statement (the version) and no template.
 *
 * <p>
 * <strong>Never stale.</strong> A page is kept with the version read before its data, and
 * served only while PostgreSQL still gives that version. Any transaction that changes
 * what the storefront shows raises it as it commits (a price in the back office, a stock
 * taken by an order, a review approved, a module moved), on this instance or another, so
 * the very next visitor gets the page rendered anew. Kept pages also expire a minute
 * after being rendered: the longest the shop's other caches may lag behind another
 * instance, and the bound for a module whose own tables are not watched.
 *
 * <p>
 * <strong>Never someone else's.</strong> Only a {@code GET} from a visitor without a
 * session cookie (so not logged in, no cart, no message waiting), not switching language,
 * to a handler marked {@link SharedPage}, answered 200 in HTML without creating a
 * session, is kept. Every security filter still runs on every request, kept page or not:
 * rate limits, headers, a fresh Content-Security-Policy nonce. What belongs to one
 * request is taken out of the kept HTML and put back for each visitor: the script nonce
 * and the masked CSRF token of the forms (the visitor's own, from their cookie).
 *
 * <p>
 * <strong>Its parts.</strong> This filter serves and keeps pages; it does nothing else.
 * Which page may be kept is known only to Spring MVC, once it has found the handler: the
 * {@link SharedPageInterceptor} then reads the version and starts the {@link PageCapture}
 * this filter wrapped the response with. An event that must happen on every view, kept
 * page or not, is published by the controller through {@link EveryViewEvents}, which
 * records it in the capture; this filter publishes it again, through the same service,
 * when it serves the page. Controllers never depend on this filter (ArchUnit says so).
 */
@Component
public class PageCache extends OncePerRequestFilter {

	/** How long a kept page may be served, at most, after it was rendered. */
	private static final Duration TIME_TO_LIVE = Duration.ofMinutes(1);

	/** Characters kept, all pages together (about 250 pages of 30,000 characters). */
	private static final long MAXIMUM_CHARACTERS = 8_000_000;

	/*
	 * Marks standing for this request's values in the kept HTML. NUL never comes from
	 * PostgreSQL (text cannot hold it) nor from a request (ControlCharactersFilter), so a
	 * page cannot contain a mark of its own.
	 */
	private static final String NONCE_MARK = "\u0000nonce\u0000";

	private static final String CSRF_MARK = "\u0000csrf\u0000";

	/** Spring Security's name for the CSRF field of forms. */
	private static final String CSRF_FIELD = "name=\"_csrf\"";

	private final Cache<Key, KeptPage> pages = Caffeine.newBuilder()
		.maximumWeight(MAXIMUM_CHARACTERS)
		.<Key, KeptPage>weigher((key, page) -> page.html().length())
		.expireAfterWrite(TIME_TO_LIVE)
		.build();

	private final ContentVersion versions;

	private final LocaleResolver locales;

	private final EveryViewEvents events;

	private final String sessionCookie;

	PageCache(ContentVersion versions, LocaleResolver locales, EveryViewEvents events,
			@Value("${server.servlet.session.cookie.name}") String sessionCookie) {
		this.versions = versions;
		this.locales = locales;
		this.events = events;
		this.sessionCookie = sessionCookie;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!sameForEveryone(request)) {
			chain.doFilter(request, response);
			return;
		}
		Key key = new Key(keyUrl(request), this.locales.resolveLocale(request));
		KeptPage kept = this.pages.getIfPresent(key);
		Long version = null;
		if (kept != null) {
			version = this.versions.currentOrZero();
			if (kept.version() == version) {
				serve(kept, request, response);
				return;
			}
		}
		// The version just read, if any, is the one the page will be kept with: it was
		// read before the page's data, and need not be read twice.
		PageCapture capture = new PageCapture(response, version);
		chain.doFilter(request, capture);
		String html = capture.captured();
		if (html == null) {
			return;
		}
		if (capture.getStatus() == HttpServletResponse.SC_OK && request.getSession(false) == null
				&& isHtml(capture.getContentType())) {
			keep(key, capture, html, request);
			allowBrowsersToKeep(response);
		}
		response.getWriter().write(html);
	}

	/** Forgets every kept page: each is rendered anew on its next visit. */
	public void clear() {
		this.pages.invalidateAll();
	}

	private boolean sameForEveryone(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || request.getParameter(ShopLocaleResolver.PARAMETER) != null) {
			return false;
		}
		if (WebUtils.getCookie(request, this.sessionCookie) != null) {
			return false;
		}
		Authentication visitor = SecurityContextHolder.getContext().getAuthentication();
		return visitor == null || visitor instanceof AnonymousAuthenticationToken;
	}

	/**
	 * The page's address as the page reads it: the query string as sent (links of the
	 * page repeat it) and the parameters as the controller reads them (a test may set
	 * them without a query string).
	 */
	private static String keyUrl(HttpServletRequest request) {
		StringBuilder url = new StringBuilder(request.getRequestURL()).append('?')
			.append(Objects.toString(request.getQueryString(), ""));
		request.getParameterMap().forEach((name, values) -> {
			for (String value : values) {
				url.append('\u0000').append(name).append('=').append(value);
			}
		});
		return url.toString();
	}

	private void keep(Key key, PageCapture response, String html, HttpServletRequest request) {
		if (html.indexOf('\u0000') >= 0) {
			return;
		}
		String kept = html;
		Object nonce = request.getAttribute(ContentSecurityPolicyFilter.NONCE_ATTRIBUTE);
		if (nonce instanceof String value && !value.isEmpty()) {
			kept = kept.replace(value, NONCE_MARK);
		}
		if (kept.contains(CSRF_FIELD) && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
			kept = kept.replace(csrf.getToken(), CSRF_MARK);
		}
		this.pages.put(key, new KeptPage(response.version(), kept, response.getContentType(), response.getLocale(),
				response.everyViewEvents()));
	}

	private void serve(KeptPage kept, HttpServletRequest request, HttpServletResponse response) throws IOException {
		String html = kept.html();
		if (html.contains(NONCE_MARK)) {
			html = html.replace(NONCE_MARK, (String) request.getAttribute(ContentSecurityPolicyFilter.NONCE_ATTRIBUTE));
		}
		if (html.contains(CSRF_MARK)) {
			// The visitor's own token, masked for this response; set in a cookie if new.
			html = html.replace(CSRF_MARK, ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken());
		}
		response.setContentType(kept.contentType());
		response.setLocale(kept.locale());
		this.events.replay(kept.everyViewEvents());
		allowBrowsersToKeep(response);
		response.getWriter().write(html);
	}

	/**
	 * Lets the browser, and the shop's service worker, keep this page for when the
	 * network fails ({@code no-cache}: kept, but asked again each time it is online).
	 * Every other response keeps Spring Security's {@code no-store}: the pages of a
	 * visitor with a session, and this page too if it sets a cookie (the visitor's first
	 * CSRF token), which the service worker cannot see (scripts are never shown
	 * {@code Set-Cookie}).
	 */
	private static void allowBrowsersToKeep(HttpServletResponse response) {
		if (response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		}
	}

	private static boolean isHtml(String contentType) {
		return contentType != null && contentType.startsWith("text/html");
	}

	/** A page as one kind of visitor asks for it: its full address and its language. */
	private record Key(String url, Locale locale) {
	}

	/** A page's HTML with marks for the nonce and CSRF token, and how to send it. */
	private record KeptPage(long version, String html, String contentType, Locale locale,
			List<Object> everyViewEvents) {
	}

}
