package fr.dwwm.comptoir.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of a page kept per cart that no request through the whole shop can show
 * reliably, because they depend on when the cart changes: the filter is driven here by
 * hand, the handler played by a chain that starts the capture as the
 * {@link SharedPageInterceptor} does for a {@code @SharedPage(perCart = true)} page.
 */
class PageCachePerCartTests {

	private static final VisitorCart.Contents ONE_JAR = new VisitorCart.Contents("12x1", 1);

	private static final VisitorCart.Contents TWO_JARS = new VisitorCart.Contents("12x2", 2);

	/** What the visitor's cart holds now. */
	private VisitorCart.Contents cart;

	private PageCache pages;

	private int rendered;

	@BeforeEach
	void aPageCacheOverAStorefrontThatDoesNotChange() {
		SecurityContextHolder.clearContext();
		ContentVersion version = new ContentVersion(null) {

			@Override
			public long current() {
				return 7;
			}

		};
		VisitorCart visitorCart = new VisitorCart() {

			@Override
			public int count(HttpServletRequest request) {
				throw new AssertionError("a page kept per cart takes its badge from the contents read");
			}

			@Override
			public Contents contents(HttpServletRequest request) {
				return PageCachePerCartTests.this.cart;
			}

		};
		this.pages = new PageCache(version, new FixedLocaleResolver(Locale.FRENCH), new EveryViewEvents((event) -> {
		}), "COMPTOIR_SESSION", visitorCart, new StaticMessageSource(), new SimpleMeterRegistry(), true);
	}

	@Test
	void aCartPageWhoseCartChangedWhileItWasRenderedIsNotKept() throws Exception {
		// Read before the page's data: one jar. The visitor adds one in another tab
		// while the page is rendered: the handler shows two.
		this.cart = ONE_JAR;
		ask(() -> this.cart = TWO_JARS);
		assertThat(this.rendered).isEqualTo(1);

		// Kept, that page would be served to the next cart of one jar, showing two.
		this.cart = ONE_JAR;
		MockHttpServletResponse next = ask(() -> {
		});
		assertThat(next.getContentAsString()).contains("<p>12x1</p>");
		assertThat(this.rendered).as("rendered: nothing was kept").isEqualTo(2);
	}

	@Test
	void aCartPageIsServedAgainOnlyForTheSameContents() throws Exception {
		this.cart = ONE_JAR;
		ask(() -> {
		});
		MockHttpServletResponse again = ask(() -> {
		});
		assertThat(this.rendered).as("served kept").isEqualTo(1);
		assertThat(again.getContentAsString()).contains("<p>12x1</p>");

		this.cart = TWO_JARS;
		MockHttpServletResponse other = ask(() -> {
		});
		assertThat(this.rendered).as("another cart, rendered").isEqualTo(2);
		assertThat(other.getContentAsString()).contains("<p>12x2</p>");
	}

	/**
	 * Asks for the cart page as a guest with a session; the chain plays the handler: its
	 * interceptor reads the cart before the page's data (unless the filter just did),
	 * then it shows the cart as it is when rendered.
	 * @param duringRendering what happens between the two
	 */
	private MockHttpServletResponse ask(Runnable duringRendering) throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cart");
		MockHttpSession session = new MockHttpSession();
		session.setNew(false);
		request.setSession(session);
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain handler = (req, res) -> {
			PageCapture capture = PageCapture.of(res);
			capture.start(7, (capture.cart() != null) ? capture.cart() : this.cart);
			duringRendering.run();
			this.rendered++;
			res.setContentType("text/html;charset=UTF-8");
			res.getWriter().write("<html><body><p>" + this.cart.lines() + "</p></body></html>");
		};
		this.pages.doFilter(request, response, handler);
		return response;
	}

}
