package fr.dwwm.comptoir.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import jakarta.servlet.http.Cookie;

import fr.dwwm.comptoir.module.api.ShopEvent;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.ShopCaches;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.SqlStatements;
import io.micrometer.core.instrument.MeterRegistry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public pages' HTML is kept and served again, on the real PostgreSQL: never stale
 * (the content version raised by the database's triggers), never someone else's (nonce,
 * CSRF token, visitors with a session).
 */
@IntegrationTest
@RecordApplicationEvents
class PageCacheTests {

	private static final String PRODUCT = "/products/confiture-de-figues";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PageCache pages;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private ApplicationEvents events;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private CacheManager caches;

	@LocalServerPort
	private int port;

	@BeforeEach
	@AfterEach
	void startAsAnAnonymousVisitorWithNoKeptPage() {
		// A request made with user(...) leaves its login in TestSecurityContextHolder,
		// which
		// MockMvc applies to the next requests, even another test class's.
		TestSecurityContextHolder.clearContext();
		this.pages.clear();
	}

	@Test
	void aPageServedAgainCostsOnlyTheContentVersionAndGetsThisRequestsNonceAndCsrfToken() throws Exception {
		MockHttpServletResponse first = fetch(PRODUCT);
		SqlStatements.reset();
		MockHttpServletResponse second = fetch(PRODUCT);
		assertThat(SqlStatements.sent()).containsExactly("SELECT version FROM content_version");

		Document page = Jsoup.parse(second.getContentAsString());
		String nonce = second.getHeader("Content-Security-Policy").replaceAll(".*'nonce-([^']+)'.*", "$1");
		assertThat(nonce).isNotEqualTo(nonceOf(first));
		assertThat(page.select("script[nonce]")).isNotEmpty()
			.allSatisfy((script) -> assertThat(script.attr("nonce")).isEqualTo(nonce));
		assertThat(page.select("input[name=_csrf]")).isNotEmpty()
			.allSatisfy((field) -> assertThat(field.val()).isNotBlank()
				.isNotEqualTo(Jsoup.parse(first.getContentAsString()).selectFirst("input[name=_csrf]").val()));
		assertThat(second.getContentAsString()).doesNotContain("\u0000");
		assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
		assertThat(second.getHeader("Content-Language")).isEqualTo("fr");
		assertThat(page.title()).isEqualTo(Jsoup.parse(first.getContentAsString()).title());

		// Kept encoded and cut at its marks: byte for byte the rendered page, accents and
		// euro signs included, but for this request's nonce and token.
		String firstToken = Jsoup.parse(first.getContentAsString()).selectFirst("input[name=_csrf]").val();
		String secondToken = page.selectFirst("input[name=_csrf]").val();
		assertThat(second.getContentAsString()).contains("€", "é")
			.isEqualTo(first.getContentAsString().replace(nonceOf(first), nonce).replace(firstToken, secondToken));
	}

	@Test
	void anotherNameInTheHostHeaderGetsTheSameKeptPageNotACopyOfItsOwn() throws Exception {
		fetch(PRODUCT);
		SqlStatements.reset();
		MockHttpServletResponse forged = this.mvc.perform(get(PRODUCT).header("Host", "pirate.example"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(SqlStatements.sent()).as("served from the page kept for the shop's own name")
			.containsExactly("SELECT version FROM content_version");
		assertThat(forged.getContentAsString()).doesNotContainIgnoringCase("pirate");
	}

	@Test
	void aChangeCommittedInPostgresqlShowsOnTheVeryNextPageWhoeverMadeIt() throws Exception {
		fetch(PRODUCT);
		String name = this.jdbc.sql("SELECT name FROM product WHERE slug = 'confiture-de-figues'")
			.query(String.class)
			.single();
		try {
			// As a script in psql would: no code of the shop involved, only the trigger.
			this.jdbc.sql("UPDATE product SET name = 'Confiture de figues noires' WHERE slug = 'confiture-de-figues'")
				.update();
			assertThat(Jsoup.parse(fetch(PRODUCT).getContentAsString()).selectFirst("h1").text())
				.isEqualTo("Confiture de figues noires");
		}
		finally {
			this.jdbc.sql("UPDATE product SET name = :name WHERE slug = 'confiture-de-figues'")
				.param("name", name)
				.update();
		}
		assertThat(Jsoup.parse(fetch(PRODUCT).getContentAsString()).selectFirst("h1").text()).isEqualTo(name);
	}

	@Test
	void aPageRenderedAnewAfterAChangeReadsTheVersionOnce() throws Exception {
		// The first visit fills the shop's caches afresh (ShopCaches says why).
		ShopCaches.empty(this.caches);
		fetch(PRODUCT);
		this.jdbc.sql("UPDATE category SET position = position WHERE slug = 'ceramique'").update();
		SqlStatements.reset();
		fetch(PRODUCT);
		assertThat(SqlStatements.sent()).hasSize(5)
			.filteredOn("SELECT version FROM content_version"::equals)
			.hasSize(1);
		SqlStatements.reset();
		fetch(PRODUCT);
		assertThat(SqlStatements.sent()).as("kept again with the new version")
			.containsExactly("SELECT version FROM content_version");
	}

	@Test
	void theVersionRisesOnceWhenATransactionCommitsNeverBefore() {
		long before = version();
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("UPDATE product_variant SET stock = stock + 1 WHERE sku = 'EPI-CONF-001'").update();
			this.jdbc.sql("UPDATE category SET position = position WHERE slug = 'ceramique'").update();
			assertThat(version()).as("inside the transaction, before its commit").isEqualTo(before);
		});
		assertThat(version()).as("after the commit: once for two tables").isEqualTo(before + 1);
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("UPDATE product_variant SET stock = stock - 1 WHERE sku = 'EPI-CONF-001'").update();
			status.setRollbackOnly();
		});
		assertThat(version()).as("a rolled back transaction changed nothing").isEqualTo(before + 1);
		this.jdbc.sql("UPDATE product_variant SET stock = stock - 1 WHERE sku = 'EPI-CONF-001'").update();
	}

	@Test
	void aLoggedInCustomerIsNeverServedAVisitorsPage() throws Exception {
		fetch("/");
		SqlStatements.reset();
		String page = this.mvc.perform(get("/").with(user("client@comptoir.test").roles("CUSTOMER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(SqlStatements.sent()).as("rendered, not served from the cache").hasSizeGreaterThan(1);
		assertThat(Jsoup.parse(page).select(".site-header__account a[href=/account]")).hasSize(1);
	}

	@Test
	void guestsWithACartAreServedTheKeptPageEachWithTheirOwnCartAndToken() throws Exception {
		fetch(PRODUCT);
		long variant = figJam();
		Http camille = new Http(this.port);
		Http dominique = new Http(this.port);
		assertThat(
				camille.postForm(PRODUCT, "/cart/lines", Map.of("variantId", String.valueOf(variant), "quantity", "2"))
					.statusCode())
			.isEqualTo(302);
		assertThat(dominique
			.postForm(PRODUCT, "/cart/lines", Map.of("variantId", String.valueOf(variant), "quantity", "3"))
			.statusCode()).isEqualTo(302);
		double hits = hits();

		Document forCamille = Jsoup.parse(camille.get(PRODUCT).body());
		Document forDominique = Jsoup.parse(dominique.get(PRODUCT).body());
		assertThat(hits() - hits).as("both served the kept page").isEqualTo(2);
		assertThat(forCamille.select("[data-cart-count]").text()).isEqualTo("2");
		assertThat(forCamille.select("[data-cart-count-label]").text()).isEqualTo("(2 articles)");
		assertThat(forDominique.select("[data-cart-count]").text()).isEqualTo("3");
		assertThat(forDominique.select("[data-cart-count-label]").text()).isEqualTo("(3 articles)");
		assertThat(forCamille.select(".site-header__account a[href=/login]")).as("still a guest's header").hasSize(1);

		// Each form carries its visitor's own token: Camille's page adds to Camille's
		// cart.
		String token = forCamille.select("form.add-to-cart input[name=_csrf]").attr("value");
		assertThat(camille
			.submit("POST", "/cart/lines",
					Map.of("variantId", String.valueOf(variant), "quantity", "1", "_csrf", token))
			.statusCode()).isEqualTo(302);
		assertThat(dominique
			.submit("POST", "/cart/lines",
					Map.of("variantId", String.valueOf(variant), "quantity", "1", "_csrf", token))
			.statusCode()).as("Camille's token refused to Dominique").isEqualTo(403);
		assertThat(Jsoup.parse(camille.get(PRODUCT).body()).select("[data-cart-count]").text()).isEqualTo("3");
		assertThat(Jsoup.parse(dominique.get(PRODUCT).body()).select("[data-cart-count]").text()).isEqualTo("3");
	}

	@Test
	void aGuestsPageKeptForOthersHoldsNeitherTheirCartNorTheirToken() throws Exception {
		this.pages.clear();
		long variant = figJam();
		Http guest = new Http(this.port);
		guest.postForm(PRODUCT, "/cart/lines", Map.of("variantId", String.valueOf(variant), "quantity", "4"));
		String guestsToken = Jsoup.parse(guest.get(PRODUCT).body()).select("input[name=_csrf]").first().attr("value");
		double hits = hits();
		String visitor = new Http(this.port).get(PRODUCT).body();
		assertThat(hits() - hits).as("the page the guest had rendered was kept").isEqualTo(1);
		Document page = Jsoup.parse(visitor);
		assertThat(page.select("[data-cart-count]").text()).isEqualTo("0");
		assertThat(page.select("[data-cart-count-label]").text()).isEqualTo("(vide)");
		assertThat(visitor).doesNotContain(guestsToken);
	}

	@Test
	void aSessionCookieThatNamesNoSessionGetsTheKeptPageWithAnEmptyCart() throws Exception {
		fetch(PRODUCT);
		double hits = hits();
		String page = this.mvc.perform(get(PRODUCT).cookie(new Cookie("COMPTOIR_SESSION", "a-session-of-their-own")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(hits() - hits).isEqualTo(1);
		assertThat(Jsoup.parse(page).select("[data-cart-count]").text()).isEqualTo("0");
	}

	@Test
	void aKeptPageServedToAGuestWithACartReadsTheirSessionWithoutOpeningATransaction() throws Exception {
		fetch(PRODUCT);
		long variant = figJam();
		Http guest = new Http(this.port);
		guest.postForm(PRODUCT, "/cart/lines", Map.of("variantId", String.valueOf(variant), "quantity", "2"));
		double hits = hits();

		SqlStatements.reset();
		String page = this.mvc
			.perform(get(PRODUCT).cookie(new Cookie("COMPTOIR_SESSION", guest.cookie("COMPTOIR_SESSION"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(hits() - hits).isEqualTo(1);
		assertThat(Jsoup.parse(page).select("[data-cart-count]").text()).as("the guest's own cart").isEqualTo("2");
		assertThat(SqlStatements.sent()).as("the session with its attributes (once), content version, the cart's units")
			.hasSize(3)
			.contains("SELECT version FROM content_version")
			.filteredOn((statement) -> statement.contains("FROM SPRING_SESSION S"))
			.hasSize(1);
		assertThat(SqlStatements.transactions()).as("no COMMIT: each read is one statement").isZero();
	}

	@Test
	void guestsWhoseCartsHoldTheSameLinesAreServedOneKeptCartPageForThreeStatements() throws Exception {
		Http camille = guestWith(2);
		Http dominique = guestWith(2);
		Http claude = guestWith(3);
		camille.get("/cart");
		double hits = hits();

		SqlStatements.reset();
		String page = this.mvc
			.perform(get("/cart").cookie(new Cookie("COMPTOIR_SESSION", dominique.cookie("COMPTOIR_SESSION"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(hits() - hits).as("the page kept for Camille's cart, which holds the same").isEqualTo(1);
		assertThat(SqlStatements.sent()).as("the session, the cart's contents, the content version")
			.hasSize(3)
			.contains("SELECT version FROM content_version")
			.filteredOn((statement) -> statement.contains("string_agg"))
			.hasSize(1);
		assertThat(SqlStatements.transactions()).isZero();
		Document forDominique = Jsoup.parse(page);
		assertThat(forDominique.select("input[name=quantity]").eachAttr("value")).containsExactly("2");
		assertThat(forDominique.select("[data-cart-count]").text()).isEqualTo("2");
		assertThat(page).doesNotContain("\u0000");

		assertThat(Jsoup.parse(claude.get("/cart").body()).select("input[name=quantity]").eachAttr("value"))
			.as("another cart, another page")
			.containsExactly("3");
	}

	@Test
	void aCartPageShowsAPriceChangedInTheBackOfficeOnTheVeryNextView() throws Exception {
		Http guest = guestWith(2);
		guest.get("/cart");
		long variant = figJam();
		int price = this.jdbc.sql("SELECT price_cents FROM product_variant WHERE id = :id")
			.param("id", variant)
			.query(Integer.class)
			.single();
		try {
			this.jdbc.sql("UPDATE product_variant SET price_cents = 1234 WHERE id = :id").param("id", variant).update();
			assertThat(Jsoup.parse(guest.get("/cart").body()).select("[data-line-total]").text()).startsWith("24,68");
		}
		finally {
			this.jdbc.sql("UPDATE product_variant SET price_cents = :price WHERE id = :id")
				.param("price", price)
				.param("id", variant)
				.update();
		}
	}

	@Test
	void aCartPageServedAgainToAVisitorWithoutASessionIsStillNotLeftForTheBrowserToKeep() {
		Http visitor = new Http(this.port);
		visitor.get(PRODUCT);
		assertThat(visitor.get(PRODUCT).headers().firstValue("Cache-Control")).as("a product page may be kept")
			.hasValue("no-cache");
		visitor.get("/cart");
		double hits = hits();
		HttpResponse<String> again = visitor.get("/cart");
		assertThat(hits() - hits).isEqualTo(1);
		assertThat(again.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(again.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
	}

	/**
	 * A guest with units of the jam in their cart, the addition's message already seen.
	 */
	private Http guestWith(int quantity) {
		Http guest = new Http(this.port);
		assertThat(guest
			.postForm(PRODUCT, "/cart/lines",
					Map.of("variantId", String.valueOf(figJam()), "quantity", String.valueOf(quantity)))
			.statusCode()).isEqualTo(302);
		guest.get("/cart");
		return guest;
	}

	/** The variant of the product page's jam, for a guest's cart. */
	private long figJam() {
		return this.jdbc.sql("SELECT id FROM product_variant WHERE sku = 'EPI-CONF-001'").query(Long.class).single();
	}

	private double hits() {
		return this.meters.get("comptoir.page.cache").tag("result", "hit").counter().count();
	}

	@Test
	void aKeptPageGoesOutCompressedOnceWithThisRequestsNonceInPlaceAndNeverCompressedItself() throws Exception {
		Http browser = new Http(this.port);
		browser.get(PRODUCT);
		double hits = hits();

		HttpResponse<byte[]> kept = browser.getBytes(PRODUCT, "Accept-Encoding", "gzip, deflate, br");

		assertThat(hits()).isEqualTo(hits + 1);
		assertThat(kept.headers().allValues("Content-Encoding")).containsExactly("gzip");
		assertThat(String.join(",", kept.headers().allValues("Vary"))).containsIgnoringCase("accept-encoding");
		assertThat(kept.headers().firstValueAsLong("Content-Length")).hasValue(kept.body().length);
		String nonce = kept.headers()
			.firstValue("Content-Security-Policy")
			.orElseThrow()
			.replaceAll(".*'nonce-([^']+)'.*", "$1");
		// Inflated once, the page itself (Tomcat did not compress it a second time), with
		// this response's nonce; the nonce travels as it is, outside the compressed
		// parts.
		String html;
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(kept.body()))) {
			html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(html).startsWith("<!DOCTYPE html>").contains("nonce=\"" + nonce + "\"").doesNotContain("\u0000");
		assertThat(new String(kept.body(), StandardCharsets.ISO_8859_1)).contains(nonce);
	}

	@Test
	void aKeptPageAskedWithoutGzipGoesOutAsItIs() {
		Http browser = new Http(this.port);
		browser.get(PRODUCT);
		double hits = hits();

		HttpResponse<byte[]> kept = browser.getBytes(PRODUCT, "Accept-Encoding", "gzip;q=0, deflate");

		assertThat(hits()).isEqualTo(hits + 1);
		assertThat(kept.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(new String(kept.body(), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>").contains("</html>");
	}

	@Test
	void aProductPageServedAgainStillTellsTheModulesItWasViewed() throws Exception {
		fetch(PRODUCT);
		fetch(PRODUCT);
		fetch(PRODUCT);
		assertThat(this.events.stream(ShopEvent.ProductViewed.class)).hasSize(3);
	}

	@Test
	void switchingLanguageIsNeverServedFromTheCacheSinceItSetsTheLanguageCookie() throws Exception {
		fetch(PRODUCT + "?lang=en");
		MockHttpServletResponse again = fetch(PRODUCT + "?lang=en");
		assertThat(again.getCookie("comptoir-lang")).isNotNull();
		assertThat(again.getHeader("Content-Language")).isEqualTo("en");
	}

	@Test
	void aPageNotMarkedSharedIsNeverKept() throws Exception {
		fetch("/login");
		SqlStatements.reset();
		MockHttpServletResponse again = fetch("/login");
		assertThat(Jsoup.parse(again.getContentAsString()).select("input[name=_csrf]")).isNotEmpty();
		assertThat(SqlStatements.sent()).doesNotContain("SELECT version FROM content_version");
	}

	private MockHttpServletResponse fetch(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
	}

	private static String nonceOf(MockHttpServletResponse response) {
		return response.getHeader("Content-Security-Policy").replaceAll(".*'nonce-([^']+)'.*", "$1");
	}

	private long version() {
		return this.jdbc.sql("SELECT version FROM content_version").query(Long.class).single();
	}

}
