package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
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

import static fr.dwwm.comptoir.security.attack.Attacker.location;
import static fr.dwwm.comptoir.security.attack.Attacker.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on the shop's rules rather than on its code: an order's idempotency key
 * replayed by someone else to be shown that order, and keys that can be guessed. (The
 * same form sent twice by its own visitor still gives one order: {@code CheckoutTests}
 * and {@code CheckoutPagesTests}.)
 */
@IntegrationTest
class BusinessLogicAttackTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	private long product;

	@BeforeEach
	void aProductInStock() {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		this.product = fixtures.product(fixtures.category("Attaques", null), "Confiture d'attaque", 690, 500, Map.of());
	}

	@Test
	void anotherCustomersIdempotencyKeyGivesAnyoneElseARefusalThatRevealsNothing() {
		Account victim = this.accounts.customer();
		Http victimsBrowser = new Http(this.port);
		signIn(victimsBrowser, victim.getEmail());
		String reference = placeOrder(victimsBrowser, null);
		UUID key = keyOf(reference);

		Http anonymous = new Http(this.port);
		Http otherGuest = new Http(this.port);
		Http otherCustomer = new Http(this.port);
		signIn(otherCustomer, this.accounts.customer().getEmail());
		for (Http attacker : new Http[] { anonymous, otherGuest, otherCustomer }) {
			Map<String, String> form = CheckoutForm.filled(checkoutPage(attacker),
					(attacker == otherCustomer) ? null : "mallory-" + UUID.randomUUID() + "@exemple.test");
			form.put("idempotencyKey", key.toString());
			HttpResponse<String> replayed = attacker.submit("POST", "/checkout", form);

			assertThat(location(replayed)).doesNotContain(reference);
			assertThat(replayed.body()).doesNotContain(reference).doesNotContain(victim.getEmail());
			assertThat(attacker.get("/checkout/orders/" + reference).statusCode()).isEqualTo(404);
			assertThat(attacker.getBytes("/checkout/orders/" + reference + "/invoice.pdf").statusCode()).isEqualTo(404);
		}
		assertThat(ordersWithKey(key)).as("the victim's order only").isEqualTo(1);
	}

	@Test
	void noDemoOrderHasAKeyAnyoneCanCompute() {
		int guessable = this.jdbc.sql("""
				SELECT count(*) FROM customer_order
				WHERE idempotency_key IN (SELECT md5('comptoir-demo-order-' || n)::uuid
				                          FROM generate_series(1, 20000) AS n)""").query(Integer.class).single();
		assertThat(guessable).isZero();
	}

	private String placeOrder(Http browser, String guestEmail) {
		HttpResponse<String> placed = browser.submit("POST", "/checkout",
				CheckoutForm.filled(checkoutPage(browser), guestEmail));
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(302);
		return location(placed).replaceFirst(".*/", "");
	}

	private Document checkoutPage(Http browser) {
		browser.postForm("/login", "/cart/lines",
				Map.of("variantId", String.valueOf(variantOf(this.product)), "quantity", "1"));
		HttpResponse<String> page = browser.get("/checkout");
		assertThat(page.statusCode()).isEqualTo(200);
		return Jsoup.parse(page.body());
	}

	private UUID keyOf(String reference) {
		return this.jdbc.sql("SELECT idempotency_key FROM customer_order WHERE reference = :reference")
			.param("reference", reference)
			.query(UUID.class)
			.single();
	}

	private int ordersWithKey(UUID key) {
		return this.jdbc.sql("SELECT count(*) FROM customer_order WHERE idempotency_key = :key")
			.param("key", key)
			.query(Integer.class)
			.single();
	}

	private long variantOf(long product) {
		return fr.dwwm.comptoir.catalog.CatalogFixtures.firstVariant(this.jdbc, product);
	}

}
