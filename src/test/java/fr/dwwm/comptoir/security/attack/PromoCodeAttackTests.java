package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.cart.Carts;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.order.Checkout;
import fr.dwwm.comptoir.order.CheckoutRefusal;
import fr.dwwm.comptoir.order.NewOrder;
import fr.dwwm.comptoir.order.Orders;
import fr.dwwm.comptoir.order.PromoCodes;
import fr.dwwm.comptoir.order.Quote;
import fr.dwwm.comptoir.order.TestOrders;
import fr.dwwm.comptoir.test.CheckoutForm;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Business logic, as an attacker abuses it: the welcome code {@code BIENVENUE10}, meant
 * once per customer, taken again by the same account, by the same address typed in
 * another case, or by several checkouts of one customer sent at the same instant.
 */
@IntegrationTest
class PromoCodeAttackTests {

	private static final String CODE = "BIENVENUE10";

	private static final String ALREADY_USED = "Vous avez déjà utilisé le code « BIENVENUE10 ».";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private Carts carts;

	@Autowired
	private Checkout checkout;

	@Autowired
	private Orders orders;

	private CatalogFixtures fixtures;

	private long category;

	@BeforeEach
	void catalog() {
		this.fixtures = new CatalogFixtures(this.jdbc);
		this.category = this.fixtures.category("Codes promo attaqués", null);
	}

	@Test
	void aCustomerWhoUsedTheWelcomeCodeIsRefusedItAgainSignedInOrAsAGuestAndNothingIsCharged() {
		long product = product();
		Account customer = this.accounts.customer();
		Http signedIn = new Http(this.port);
		signedIn.login(customer.getEmail(), TestAccounts.PASSWORD);
		Document quoted = quoteWithCode(signedIn, product, null);
		assertThat(quoted.select("main").text()).contains("Code BIENVENUE10 appliqué");
		String discountedTotal = quoted.select("input[name=expectedTotalCents]").val();
		assertThat(order(signedIn, quoted, null).statusCode()).as("the first use").isEqualTo(302);

		Document again = quoteWithCode(signedIn, product, null);
		assertThat(again.select("main").text()).contains(ALREADY_USED).doesNotContain("Code BIENVENUE10 appliqué");
		// The attacker insists: the code and the discounted total of the first time.
		Map<String, String> insisting = CheckoutForm.filled(again, null);
		insisting.put("promoCode", CODE);
		insisting.put("expectedTotalCents", discountedTotal);
		HttpResponse<String> refused = signedIn.submit("POST", "/checkout", insisting);
		assertThat(refused.statusCode()).as("refused, the page shown again").isEqualTo(200);
		assertThat(Jsoup.parse(refused.body()).select("[role=alert]").text()).contains("Rien n'a été débité");
		assertThat(Jsoup.parse(refused.body()).select("main").text()).contains(ALREADY_USED);

		// Signed out, as a guest with the account's address in capitals.
		Http guest = new Http(this.port);
		String shouted = customer.getEmail().toUpperCase(Locale.ROOT);
		Document asGuest = quoteWithCode(guest, product, shouted);
		assertThat(asGuest.select("main").text()).contains(ALREADY_USED);
		assertThat(order(guest, asGuest, shouted).statusCode()).isEqualTo(200);

		assertThat(ordersWithTheCode(customer.getEmail())).isEqualTo(1);
		assertThat(payments(customer.getEmail())).as("charged once, for the first order only").isEqualTo(1);
	}

	@Test
	void aGuestWhoUsedTheWelcomeCodeIsRefusedItUnderTheSameAddressTypedInAnotherCase() {
		long product = product();
		String email = "client-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
		Http first = new Http(this.port);
		assertThat(order(first, quoteWithCode(first, product, email), email).statusCode()).isEqualTo(302);

		Http second = new Http(this.port);
		String otherCase = "Client-" + email.substring("client-".length(), email.indexOf('@')).toUpperCase(Locale.ROOT)
				+ "@Exemple.TEST";
		Document page = quoteWithCode(second, product, otherCase);
		assertThat(page.select("main").text()).contains(ALREADY_USED);
		HttpResponse<String> refused = order(second, page, otherCase);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(refused.body()).select("[role=alert]").text()).contains("Rien n'a été débité");

		assertThat(ordersWithTheCode(email)).isEqualTo(1);
		assertThat(payments(email)).isEqualTo(1);
	}

	@Test
	void checkoutsOfOneCustomerSentAtTheSameInstantWithTheWelcomeCodeGiveItToExactlyOneOrder() throws Exception {
		String email = "course-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
		int sessions = 4;
		List<Http> browsers = new ArrayList<>();
		List<Map<String, String>> forms = new ArrayList<>();
		for (int i = 0; i < sessions; i++) {
			// One product each: nothing but the promotion code is shared by the orders.
			Http browser = new Http(this.port);
			Document page = quoteWithCode(browser, product(), email);
			assertThat(page.select("main").text()).as("no order yet: every session sees the discount")
				.contains("Code BIENVENUE10 appliqué");
			Map<String, String> form = CheckoutForm.filled(page, email);
			form.put("promoCode", CODE);
			browsers.add(browser);
			forms.add(form);
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(sessions);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < sessions; i++) {
				Http browser = browsers.get(i);
				Map<String, String> form = forms.get(i);
				answers.add(pool.submit(() -> {
					start.await();
					return browser.submit("POST", "/checkout", form);
				}));
			}
			start.countDown();
			int placed = 0;
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get();
				if (response.statusCode() == 302) {
					placed++;
				}
				else {
					assertThat(response.statusCode()).isEqualTo(200);
					assertThat(Jsoup.parse(response.body()).select("main").text()).contains(ALREADY_USED);
				}
			}
			assertThat(placed).as("orders placed").isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(ordersWithTheCode(email)).as("orders carrying the code").isEqualTo(1);
		assertThat(payments(email)).isEqualTo(1);
	}

	@Test
	void reservationsOfOneCustomerAllPricedBeforeAnyOrderGiveTheCodeToExactlyOne() throws Exception {
		// The window the pages leave is milliseconds wide; here it is as wide as can be:
		// every quote says the code applies, then every order is reserved at once.
		String email = "fenetre-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
		PromoCodes.Customer customer = new PromoCodes.Customer(null, email);
		int orders = 4;
		List<NewOrder> newOrders = new ArrayList<>();
		List<Quote> quotes = new ArrayList<>();
		for (int i = 0; i < orders; i++) {
			long cart = this.carts.create(null);
			this.carts.add(cart, variantOf(product()), 2);
			Quote quote = this.checkout.quote(this.carts.view(cart), null, CODE, customer,
					fr.dwwm.comptoir.account.Country.FR);
			assertThat(quote.promo()).as("priced before any order: the code applies").isNotNull();
			quotes.add(quote);
			newOrders.add(new NewOrder(cart, null, email, Locale.FRANCE, TestOrders.ADDRESS, null, CODE,
					UUID.randomUUID(), quote.totals().totalCents(), TestOrders.card(TestOrders.ACCEPTED_CARD)));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(orders);
		List<Future<String>> outcomes = new ArrayList<>();
		try {
			for (int i = 0; i < orders; i++) {
				NewOrder order = newOrders.get(i);
				Quote quote = quotes.get(i);
				outcomes.add(pool.submit(() -> {
					start.await();
					try {
						return this.orders.reserve(order, quote).reference();
					}
					catch (CheckoutRefusal refusal) {
						return refusal.getMessageKey();
					}
				}));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get());
			}
			assertThat(results).filteredOn((result) -> result.startsWith("CPT-")).as("orders reserved").hasSize(1);
			assertThat(results).filteredOn((result) -> !result.startsWith("CPT-")).containsOnly("promo.per-customer");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(ordersWithTheCode(email)).isEqualTo(1);
	}

	@Test
	void aCodeKeptWithOneShoppersCartIsNeverAppliedToAnotherShoppersCart() {
		long product = product();
		Http first = new Http(this.port);
		Document applied = quoteWithCode(first, product, "premier-" + UUID.randomUUID() + "@exemple.test");
		assertThat(applied.select("[data-total=checkout]").text()).isNotBlank();
		assertThat(applied.select("main").text()).contains("Remise (" + CODE + ")");

		Http second = new Http(this.port);
		second.postForm("/login", "/cart/lines",
				Map.of("variantId", String.valueOf(variantOf(product)), "quantity", "2"));
		Document other = Jsoup.parse(second.get("/checkout").body());
		assertThat(other.select("input#promoCode").val()).as("the first shopper's code").isEmpty();
		assertThat(other.select("main").text()).doesNotContain("Remise (" + CODE + ")");
	}

	/** A product at 20 €, so that two of them pass the code's 30 € minimum. */
	private long product() {
		return this.fixtures.product(this.category, "Miel convoité", 2000, 100, Map.of());
	}

	/** Puts two of a product in the cart, opens the checkout and applies the code. */
	private Document quoteWithCode(Http http, long product, String email) {
		http.postForm("/login", "/cart/lines",
				Map.of("variantId", String.valueOf(variantOf(product)), "quantity", "2"));
		HttpResponse<String> checkout = http.get("/checkout");
		assertThat(checkout.statusCode()).isEqualTo(200);
		Map<String, String> fields = CheckoutForm.filled(Jsoup.parse(checkout.body()), email);
		fields.put("promoCode", CODE);
		fields.put("intent", "quote");
		HttpResponse<String> quoted = http.submit("POST", "/checkout", fields);
		assertThat(quoted.statusCode()).isEqualTo(200);
		return Jsoup.parse(quoted.body());
	}

	private static HttpResponse<String> order(Http http, Document page, String email) {
		Map<String, String> fields = CheckoutForm.filled(page, email);
		fields.put("promoCode", CODE);
		return http.submit("POST", "/checkout", fields);
	}

	private int ordersWithTheCode(String email) {
		return this.jdbc.sql("""
				SELECT count(*) FROM customer_order
				WHERE email = lower(:email) AND promo_code = :code AND status <> 'CANCELLED'""")
			.param("email", email)
			.param("code", CODE)
			.query(Integer.class)
			.single();
	}

	private int payments(String email) {
		return this.jdbc.sql("""
				SELECT count(*) FROM payment p JOIN customer_order o ON o.id = p.order_id
				WHERE o.email = lower(:email)""").param("email", email).query(Integer.class).single();
	}

	private long variantOf(long product) {
		return fr.dwwm.comptoir.catalog.CatalogFixtures.firstVariant(this.jdbc, product);
	}

}
