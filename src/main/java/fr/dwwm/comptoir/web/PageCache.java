package fr.dwwm.comptoir.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.dwwm.comptoir.security.ContentSecurityPolicyFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.HtmlUtils;
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
 * <strong>Never someone else's.</strong> Only a {@code GET} from a visitor who is not
 * signed in, not switching language, to a handler marked {@link SharedPage}, answered 200
 * in HTML without creating a session, is kept and served. A guest with a session (a cart)
 * gets kept pages too, unless a message waits for them in their session (a flash
 * attribute after a redirect): their page is rendered, and shows it. A signed-in customer
 * never does: modules show them parts of their own (the reviews module's form). Every
 * security filter still runs on every request, kept page or not: rate limits, headers, a
 * fresh Content-Security-Policy nonce. What belongs to one request is taken out of the
 * kept HTML and put back for each visitor: the script nonce, the masked CSRF token of the
 * forms (the visitor's own, from their cookie), and the number of units in the header's
 * cart badge and its spoken label ({@link VisitorCart}; 0 without a session, at no cost).
 * A page is compressed once, when it is kept ({@link CompressedPage}), not for each
 * visitor; these values are put in as they are, never compressed.
 *
 * <p>
 * <strong>The cart page.</strong> A page that shows the cart's lines
 * ({@link SharedPage#perCart()}) is kept once per cart contents (each line's variant and
 * quantity, {@link VisitorCart#contents}) and served only to a guest whose cart holds
 * exactly the same: two guests with one jar of jam each get the same page, a guest with
 * two jars another one. The contents are read before the page's data and again before it
 * is kept: a cart changed meanwhile (another tab) keeps nothing. The filter learns which
 * addresses are such pages from the handler when it renders them, never from how the
 * address is spelled, so no spelling of it can be served a page kept for another cart.
 * Such a page is never left for a browser to keep: it shows a cart.
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

	/**
	 * Bytes kept, all pages together: about 250 pages of 30,000 bytes, each with its
	 * compressed copies.
	 */
	private static final long MAXIMUM_BYTES = 16_000_000;

	/** The header's badge and its label, as the layout writes them. */
	private static final String CART_COUNT_OPENING = "data-cart-count aria-hidden=\"true\">";

	private static final String CART_LABEL_OPENING = "data-cart-count-label>";

	private static final String CART_LABEL_MESSAGE = "layout.cart.count";

	/** Where Spring MVC keeps the messages waiting for the next page of a session. */
	private static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

	/** Spring Security's name for the CSRF field of forms. */
	private static final String CSRF_FIELD = "name=\"_csrf\"";

	private final Cache<Key, KeptPage> pages = Caffeine.newBuilder()
		.maximumWeight(MAXIMUM_BYTES)
		.<Key, KeptPage>weigher((key, page) -> page.size())
		.expireAfterWrite(TIME_TO_LIVE)
		.build();

	private final ContentVersion versions;

	private final LocaleResolver locales;

	private final EveryViewEvents events;

	private final String sessionCookie;

	private final VisitorCart visitorCart;

	/**
	 * The addresses (with their language) of the pages kept per cart, as their handler
	 * said when they were rendered: a request for one reads the visitor's cart first.
	 */
	private final Cache<Key, Boolean> perCartAddresses = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(TIME_TO_LIVE)
		.build();

	private final MessageSource messages;

	private final Counter hits;

	private final Counter misses;

	/** Whether the shop compresses its responses ({@code server.compression.enabled}). */
	private final boolean compression;

	PageCache(ContentVersion versions, LocaleResolver locales, EveryViewEvents events,
			@Value("${server.servlet.session.cookie.name}") String sessionCookie, VisitorCart visitorCart,
			MessageSource messages, MeterRegistry meters,
			@Value("${server.compression.enabled:false}") boolean compression) {
		this.compression = compression;
		this.versions = versions;
		this.locales = locales;
		this.events = events;
		this.sessionCookie = sessionCookie;
		this.visitorCart = visitorCart;
		this.messages = messages;
		this.hits = Counter.builder("comptoir.page.cache")
			.description("Shared pages served kept, or rendered")
			.tag("result", "hit")
			.register(meters);
		this.misses = Counter.builder("comptoir.page.cache")
			.description("Shared pages served kept, or rendered")
			.tag("result", "miss")
			.register(meters);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!sameForEveryone(request)) {
			chain.doFilter(request, response);
			return;
		}
		Key key = new Key(keyUrl(request), this.locales.resolveLocale(request), null);
		VisitorCart.Contents cart = null;
		if (this.perCartAddresses.getIfPresent(key) != null) {
			cart = this.visitorCart.contents(request);
			if (cart == null) {
				chain.doFilter(request, response);
				return;
			}
			key = key.withCart(cart);
		}
		KeptPage kept = this.pages.getIfPresent(key);
		Long version = null;
		if (kept != null) {
			version = this.versions.currentOrZero();
			if (kept.version() == version) {
				this.hits.increment();
				serve(kept, cart, request, response);
				return;
			}
		}
		// The version just read, if any, is the one the page will be kept with: it was
		// read before the page's data, and need not be read twice.
		PageCapture capture = new PageCapture(response, version, cart);
		chain.doFilter(request, capture);
		String html = capture.captured();
		if (html == null) {
			return;
		}
		this.misses.increment();
		HttpSession session = request.getSession(false);
		if (capture.getStatus() == HttpServletResponse.SC_OK && (session == null || !session.isNew())
				&& isHtml(capture.getContentType())
				&& StandardCharsets.UTF_8.name().equalsIgnoreCase(capture.getCharacterEncoding())) {
			keep(key, capture, html, request);
			if (session == null && capture.cart() == null) {
				allowBrowsersToKeep(response);
			}
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
		Authentication visitor = SecurityContextHolder.getContext().getAuthentication();
		if (visitor != null && !(visitor instanceof AnonymousAuthenticationToken)) {
			return false;
		}
		return !hasMessageWaiting(request);
	}

	/**
	 * Whether a guest's session holds a message for this page (a flash attribute whose
	 * redirect leads here, or anywhere): the page must be rendered to show it. A message
	 * waiting for another page (the cart's, after adding to it) changes nothing here.
	 */
	private boolean hasMessageWaiting(HttpServletRequest request) {
		if (WebUtils.getCookie(request, this.sessionCookie) == null) {
			return false;
		}
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(FLASH_MAPS) instanceof Collection<?> waiting)) {
			return false;
		}
		String path = request.getRequestURI();
		return waiting.stream()
			.anyMatch((map) -> map instanceof FlashMap flash && !flash.isExpired()
					&& (flash.getTargetRequestPath() == null || flash.getTargetRequestPath().equals(path)));
	}

	/**
	 * The page's address as the page reads it: the path, the query string as sent (links
	 * of the page repeat it) and the parameters as the controller reads them (a test may
	 * set them without a query string). Not the scheme nor the {@code Host} header: pages
	 * write the shop's configured address only, and a key holding the host would let
	 * anybody fill the cache with copies by sending made-up names.
	 */
	private static String keyUrl(HttpServletRequest request) {
		StringBuilder url = new StringBuilder(request.getRequestURI()).append('?')
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
		Key address = new Key(key.url(), key.locale(), null);
		Key kept = address;
		VisitorCart.Contents shown = response.cart();
		if (shown != null) {
			// The cart may have changed while the page was rendered (in another tab):
			// then the page is not kept, as it may show either contents.
			if (!shown.equals(this.visitorCart.contents(request))) {
				return;
			}
			kept = address.withCart(shown);
		}
		String page = html;
		Object nonce = request.getAttribute(ContentSecurityPolicyFilter.NONCE_ATTRIBUTE);
		if (nonce instanceof String value && !value.isEmpty()) {
			page = page.replace(value, Mark.NONCE.text);
		}
		if (page.contains(CSRF_FIELD) && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
			page = page.replace(csrf.getToken(), Mark.CSRF.text);
		}
		if (page.contains(CART_COUNT_OPENING)) {
			// The badge's number and label as this visitor saw them: exactly one of each,
			// or the page is not kept.
			page = markContent(markContent(page, CART_COUNT_OPENING, Mark.CART_COUNT.text), CART_LABEL_OPENING,
					Mark.CART_LABEL.text);
			if (page == null) {
				return;
			}
		}
		this.pages.put(kept, KeptPage.of(response.version(), page, response.getContentType(), response.getLocale(),
				response.everyViewEvents()));
		if (shown != null) {
			this.perCartAddresses.put(address, Boolean.TRUE);
		}
	}

	private void serve(KeptPage kept, VisitorCart.Contents cart, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		// The values this visitor gets in place of the marks, each worked out once.
		byte[][] values = new byte[Mark.values().length][];
		if (kept.has(Mark.NONCE)) {
			values[Mark.NONCE.ordinal()] = utf8(
					(String) request.getAttribute(ContentSecurityPolicyFilter.NONCE_ATTRIBUTE));
		}
		if (kept.has(Mark.CART_COUNT)) {
			int units = (cart != null) ? cart.units() : this.visitorCart.count(request);
			values[Mark.CART_COUNT.ordinal()] = utf8(Integer.toString(units));
			values[Mark.CART_LABEL.ordinal()] = utf8(HtmlUtils
				.htmlEscape(this.messages.getMessage(CART_LABEL_MESSAGE, new Object[] { units }, kept.locale())));
		}
		if (kept.has(Mark.CSRF)) {
			// The visitor's own token, masked for this response; set in a cookie if new.
			values[Mark.CSRF.ordinal()] = utf8(
					((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken());
		}
		response.setContentType(kept.contentType());
		response.setLocale(kept.locale());
		this.events.replay(kept.everyViewEvents());
		if (request.getSession(false) == null && cart == null) {
			allowBrowsersToKeep(response);
		}
		byte[][] shown = new byte[kept.marks().length][];
		for (int i = 0; i < shown.length; i++) {
			shown[i] = values[kept.marks()[i].ordinal()];
		}
		ServletOutputStream out = response.getOutputStream();
		byte[] gzip = (this.compression && CompressedPage.acceptedBy(request.getHeaders(HttpHeaders.ACCEPT_ENCODING)))
				? kept.compressed().gzip(shown) : null;
		if (gzip != null) {
			// Compressed once for all visitors: Tomcat sees the encoding and leaves it.
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
			response.setContentLength(gzip.length);
			out.write(gzip);
			return;
		}
		// The page's text is kept encoded: serving it writes its bytes and this visitor's
		// values in one pass, instead of searching and copying the whole page for each
		// mark, then encoding it.
		for (int i = 0; i < shown.length; i++) {
			out.write(kept.texts()[i]);
			out.write(shown[i]);
		}
		out.write(kept.texts()[shown.length]);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Replaces the text of the one element opened by {@code opening} with a mark.
	 * @return the page, or {@code null} when the element is missing or repeated
	 */
	private static String markContent(String html, String opening, String mark) {
		if (html == null) {
			return null;
		}
		int start = html.indexOf(opening);
		if (start < 0 || html.indexOf(opening, start + 1) >= 0) {
			return null;
		}
		int from = start + opening.length();
		int end = html.indexOf("</span>", from);
		return (end < 0) ? null : html.substring(0, from) + mark + html.substring(end);
	}

	/**
	 * Lets the browser, and the shop's service worker, keep this page for when the
	 * network fails ({@code no-cache}: kept, but asked again each time it is online).
	 * Every other response keeps Spring Security's {@code no-store}: the pages of a
	 * visitor with a session (kept pages served to a guest included: they show their
	 * cart), and this page too if it sets a cookie (the visitor's first CSRF token),
	 * which the service worker cannot see (scripts are never shown {@code Set-Cookie}).
	 */
	private static void allowBrowsersToKeep(HttpServletResponse response) {
		if (response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		}
	}

	private static boolean isHtml(String contentType) {
		return contentType != null && contentType.startsWith("text/html");
	}

	/**
	 * A page as one kind of visitor asks for it: its full address, its language and, for
	 * a page that shows the cart, the cart's lines ({@code null} for any other page).
	 */
	private record Key(String url, Locale locale, String cart) {

		Key withCart(VisitorCart.Contents contents) {
			return new Key(this.url, this.locale, contents.lines());
		}

	}

	/**
	 * What stands for one request's value in a kept page. NUL never comes from PostgreSQL
	 * (text cannot hold it) nor from a request (ControlCharactersFilter), so a page
	 * cannot contain a mark of its own.
	 */
	private enum Mark {

		NONCE("\u0000nonce\u0000"), CSRF("\u0000csrf\u0000"), CART_COUNT("\u0000cart-count\u0000"),
		CART_LABEL("\u0000cart-label\u0000");

		private final String text;

		Mark(String text) {
			this.text = text;
		}

	}

	/**
	 * A kept page: its text in UTF-8 cut at each mark ({@code texts} has one more part
	 * than {@code marks}), the same compressed, and how to send it.
	 */
	private record KeptPage(long version, byte[][] texts, Mark[] marks, CompressedPage compressed, String contentType,
			Locale locale, List<Object> everyViewEvents) {

		/** Cuts a marked page at its marks. */
		static KeptPage of(long version, String html, String contentType, Locale locale, List<Object> everyViewEvents) {
			List<byte[]> texts = new ArrayList<>();
			List<Mark> marks = new ArrayList<>();
			int from = 0;
			for (int at = html.indexOf('\u0000'); at >= 0; at = html.indexOf('\u0000', from)) {
				Mark mark = markAt(html, at);
				texts.add(utf8(html.substring(from, at)));
				marks.add(mark);
				from = at + mark.text.length();
			}
			texts.add(utf8(html.substring(from)));
			byte[][] parts = texts.toArray(byte[][]::new);
			return new KeptPage(version, parts, marks.toArray(Mark[]::new), CompressedPage.of(parts), contentType,
					locale, everyViewEvents);
		}

		private static Mark markAt(String html, int at) {
			for (Mark mark : Mark.values()) {
				if (html.startsWith(mark.text, at)) {
					return mark;
				}
			}
			throw new IllegalStateException("A NUL that is not a mark, at " + at);
		}

		boolean has(Mark mark) {
			return Arrays.asList(this.marks).contains(mark);
		}

		/**
		 * Its text, and as much again for its compressed copies (a third each, a few).
		 */
		int size() {
			return 2 * Arrays.stream(this.texts).mapToInt((text) -> text.length).sum();
		}

	}

}
