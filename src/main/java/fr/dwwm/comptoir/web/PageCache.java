package fr.dwwm.comptoir.web;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.dwwm.comptoir.security.ContentSecurityPolicyFilter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
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

	private static final String EVENTS_ATTRIBUTE = PageCache.class.getName() + ".events";

	private static final Logger logger = LoggerFactory.getLogger(PageCache.class);

	private final Cache<Key, KeptPage> pages = Caffeine.newBuilder()
		.maximumWeight(MAXIMUM_CHARACTERS)
		.<Key, KeptPage>weigher((key, page) -> page.html().length())
		.expireAfterWrite(TIME_TO_LIVE)
		.build();

	private final ContentVersion versions;

	private final LocaleResolver locales;

	private final ApplicationEventPublisher events;

	private final String sessionCookie;

	PageCache(ContentVersion versions, LocaleResolver locales, ApplicationEventPublisher events,
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
			version = versionOrZero();
			if (kept.version() == version) {
				serve(kept, request, response);
				return;
			}
		}
		// The version just read, if any, is the one the page will be kept with: it was
		// read
		// before the page's data, and need not be read twice.
		Capture capture = new Capture(response, version);
		chain.doFilter(request, capture);
		String html = capture.captured();
		if (html == null) {
			return;
		}
		if (capture.getStatus() == HttpServletResponse.SC_OK && request.getSession(false) == null
				&& isHtml(capture.getContentType())) {
			keep(key, capture, html, request);
		}
		response.getWriter().write(html);
	}

	/**
	 * The interceptor that tells this filter a page is shared: it reads the content
	 * version before the page reads its data (unless the filter just did, finding an
	 * outdated page), and starts capturing the HTML.
	 * @return the interceptor, for Spring MVC
	 */
	HandlerInterceptor sharedPages() {
		return new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				Capture capture = WebUtils.getNativeResponse(response, Capture.class);
				if (capture != null && handler instanceof HandlerMethod method
						&& method.hasMethodAnnotation(SharedPage.class)) {
					long version = (capture.version() != null) ? capture.version() : versionOrZero();
					if (version != 0) {
						capture.start(version);
						request.setAttribute(EVENTS_ATTRIBUTE, new ArrayList<>());
					}
				}
				return true;
			}
		};
	}

	/**
	 * Publishes an event that must happen on every view of the page, kept or not (a
	 * product viewed, for the modules that count views): now, and again each time this
	 * page is served from the cache.
	 * @param event the event
	 */
	public void publishOnEveryView(Object event) {
		this.events.publishEvent(event);
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null
				&& request.getAttribute(EVENTS_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof List<?> list) {
			@SuppressWarnings("unchecked")
			List<Object> published = (List<Object>) list;
			published.add(event);
		}
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

	/** The content version, or 0 (never kept) when PostgreSQL does not answer. */
	private long versionOrZero() {
		try {
			return this.versions.current();
		}
		catch (DataAccessException ex) {
			logger.debug("Pages neither kept nor served from the cache: {}", ex.getMessage());
			return 0;
		}
	}

	private void keep(Key key, Capture response, String html, HttpServletRequest request) {
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
		@SuppressWarnings("unchecked")
		List<Object> published = (List<Object>) request.getAttribute(EVENTS_ATTRIBUTE);
		this.pages.put(key, new KeptPage(response.version(), kept, response.getContentType(), response.getLocale(),
				(published != null) ? List.copyOf(published) : List.of()));
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
		kept.published().forEach(this.events::publishEvent);
		response.getWriter().write(html);
	}

	private static boolean isHtml(String contentType) {
		return contentType != null && contentType.startsWith("text/html");
	}

	/** A page as one kind of visitor asks for it: its full address and its language. */
	private record Key(String url, Locale locale) {
	}

	/** A page's HTML with marks for the nonce and CSRF token, and how to send it. */
	private record KeptPage(long version, String html, String contentType, Locale locale, List<Object> published) {
	}

	/**
	 * The response of a page that may be kept: passes everything through until the page
	 * is known to be shared, then collects what the template writes, so that it can be
	 * kept before being sent. A redirect or an error drops what was collected, as they
	 * drop a response's buffer.
	 */
	private static final class Capture extends HttpServletResponseWrapper {

		private Long version;

		private CharArrayWriter buffer;

		private PrintWriter writer;

		private boolean abandoned;

		Capture(HttpServletResponse response, Long versionAlreadyRead) {
			super(response);
			this.version = versionAlreadyRead;
		}

		void start(long contentVersion) {
			this.version = contentVersion;
			this.buffer = new CharArrayWriter(32 * 1024);
			this.writer = new PrintWriter(this.buffer);
		}

		/** The content version read for this request, or {@code null} if not read yet. */
		Long version() {
			return this.version;
		}

		/** What the page wrote, or {@code null} if nothing was collected. */
		String captured() {
			if (this.buffer == null || this.abandoned) {
				return null;
			}
			this.writer.flush();
			return this.buffer.toString();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			return (this.writer != null && !this.abandoned) ? this.writer : super.getWriter();
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			// Bytes rather than text: not an HTML page; passed through, never kept.
			abandon();
			return super.getOutputStream();
		}

		@Override
		public void flushBuffer() throws IOException {
			if (this.writer == null || this.abandoned) {
				super.flushBuffer();
			}
		}

		@Override
		public boolean isCommitted() {
			return (this.writer == null || this.abandoned) && super.isCommitted();
		}

		@Override
		public void resetBuffer() {
			if (this.buffer != null) {
				this.buffer.reset();
			}
			super.resetBuffer();
		}

		@Override
		public void reset() {
			if (this.buffer != null) {
				this.buffer.reset();
			}
			super.reset();
		}

		@Override
		public void sendError(int status) throws IOException {
			abandon();
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			abandon();
			super.sendError(status, message);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			abandon();
			super.sendRedirect(location);
		}

		/** Not a page to keep after all: what was collected is dropped, like a reset. */
		private void abandon() {
			this.abandoned = true;
		}

	}

}
