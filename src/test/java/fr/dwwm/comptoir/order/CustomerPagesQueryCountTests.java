package fr.dwwm.comptoir.order;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.ShopCaches;
import fr.dwwm.comptoir.test.SqlStatements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages a signed-in customer renders (they are never served from the page cache) read
 * each thing once: the account for the modules' blocks, the cart's id for the header and
 * the page, the promotion code and the address book of the checkout; and the header's
 * count of the cart only when the page shows a header and not its lines (a page that
 * shows the lines counts them). Counted on the real PostgreSQL, with the customer's own
 * session (signed in through the login form).
 */
@IntegrationTest
class CustomerPagesQueryCountTests {

	private static final String PRODUCT = "/products/confiture-de-figues";

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private CacheManager caches;

	@Autowired
	private TestAccounts accounts;

	private Http customer;

	private long variant;

	@BeforeEach
	void aSignedInCustomerWithACartAndAnAddress() {
		Account owner = this.accounts.customer();
		this.customer = new Http(this.port);
		this.customer.login(owner.getEmail(), TestAccounts.PASSWORD);
		this.customer.postForm("/account/addresses/new", "/account/addresses",
				Map.of("label", "Maison", "firstName", "Camille", "lastName", "Martin", "line1", "8 rue des Lilas",
						"postalCode", "75011", "city", "Paris", "country", "FR", "default", "on"));
		this.variant = this.jdbc.sql("SELECT id FROM product_variant WHERE sku = 'EPI-CONF-001'")
			.query(Long.class)
			.single();
		this.customer.postForm(PRODUCT, "/cart/lines",
				Map.of("variantId", String.valueOf(this.variant), "quantity", "2"));
		// The first visits fill the caches (modules, menus, shipping methods) and take
		// the flash message of the addition; emptied first (ShopCaches says why).
		ShopCaches.empty(this.caches);
		this.customer.get("/cart");
		this.customer.get("/checkout");
		this.customer.get(PRODUCT);
	}

	@Test
	void theCheckoutReadsEachThingOnceAndWritesNothing() throws Exception {
		List<String> sent = statementsOf("/checkout");
		assertThat(sent)
			.as("session, cart's id, cart's lines, kept promotion code, address book, shipping methods, "
					+ "account (modules)")
			.doesNotHaveDuplicates()
			.hasSize(7)
			.noneMatch(CustomerPagesQueryCountTests::writes)
			.noneMatch(CustomerPagesQueryCountTests::countsTheCart);
	}

	@Test
	void aProductPageReadsTheAccountOnceForAllTheModulesBlocks() throws Exception {
		List<String> sent = statementsOf(PRODUCT);
		assertThat(sent).filteredOn((statement) -> statement.contains("from account")).hasSize(1);
		assertThat(sent).doesNotHaveDuplicates().noneMatch(CustomerPagesQueryCountTests::writes);
	}

	@Test
	void theCartPageReadsTheCartsIdOnce() throws Exception {
		List<String> sent = statementsOf("/cart");
		assertThat(sent).as("session, cart's id, cart's lines, shipping methods, account (modules)")
			.doesNotHaveDuplicates()
			.hasSize(5)
			.noneMatch(CustomerPagesQueryCountTests::writes)
			.noneMatch(CustomerPagesQueryCountTests::countsTheCart);
	}

	@Test
	void theBadgeOfAPageThatShowsTheLinesCountsTheUnitsOfThoseLines() throws Exception {
		this.customer.postForm(PRODUCT, "/cart/lines",
				Map.of("variantId", String.valueOf(this.variant), "quantity", "3"));
		for (String path : List.of("/cart", "/checkout")) {
			Document page = Jsoup.parse(this.customer.get(path).body());
			assertThat(page.select("[data-cart-count]").text()).as(path).isEqualTo("5");
			assertThat(page.select("[data-cart-count-label]").text()).as(path).isEqualTo("(5 articles)");
		}
	}

	@Test
	void anAdditionAnsweredByARedirectNeverCountsTheCartForAHeaderItDoesNotShow() throws Exception {
		SqlStatements.reset();
		this.mvc
			.perform(post("/cart/lines").param("variantId", String.valueOf(this.variant))
				.param("quantity", "1")
				.with(csrf())
				.cookie(new Cookie("COMPTOIR_SESSION", this.customer.cookie("COMPTOIR_SESSION"))))
			.andExpect(status().isFound());
		assertThat(SqlStatements.sent()).isNotEmpty().noneMatch(CustomerPagesQueryCountTests::countsTheCart);
		assertThat(statementsOf("/account")).as("the page after the redirect shows the count")
			.filteredOn(CustomerPagesQueryCountTests::countsTheCart)
			.hasSize(1);
	}

	private List<String> statementsOf(String path) throws Exception {
		SqlStatements.reset();
		this.mvc.perform(get(path).cookie(new Cookie("COMPTOIR_SESSION", this.customer.cookie("COMPTOIR_SESSION"))))
			.andExpect(status().isOk());
		return SqlStatements.sent();
	}

	private static boolean countsTheCart(String statement) {
		return statement.contains("sum(quantity)");
	}

	private static boolean writes(String statement) {
		return statement.startsWith("INSERT") || statement.startsWith("UPDATE") || statement.startsWith("DELETE");
	}

}
