package fr.dwwm.comptoir.system;

import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.ComptoirApplication;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the shop on one PostgreSQL, as behind a load balancer without sticky
 * sessions: the test's own shop (instance A) and a second one started here on another
 * port (instance B). A customer signed in and served by A carries on with B — same
 * session, same cart — and a stock change made through A is what B shows next.
 */
@IntegrationTest
class TwoInstancesTests {

	private static ConfigurableApplicationContext instanceB;

	@LocalServerPort
	private int portA;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@BeforeAll
	static void startASecondInstance() {
		instanceB = new SpringApplicationBuilder(ComptoirApplication.class).profiles("test")
			.properties("server.port=0", "spring.main.banner-mode=off")
			.run();
	}

	@AfterAll
	static void stopTheSecondInstance() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	@Test
	void twoInstancesEnforceOneRateLimitNotTwo() {
		// The search allows 60 requests a minute per client address; one client (the
		// address the proxy names) alternates between the two instances.
		String client = "198.51.100." + (1 + new java.util.Random().nextInt(250));
		Http onA = new Http(this.portA);
		Http onB = onA.onPort(portB());
		int allowed = 0;
		int refusedByA = 0;
		int refusedByB = 0;
		for (int i = 0; i < 70; i++) {
			boolean toA = i % 2 == 0;
			int status = (toA ? onA : onB).get("/search?q=miel", "X-Forwarded-For", client).statusCode();
			if (status == 429) {
				refusedByA += toA ? 1 : 0;
				refusedByB += toA ? 0 : 1;
			}
			else {
				allowed++;
			}
		}
		assertThat(allowed).as("one limit for the cluster (counters in each JVM allowed 70)").isEqualTo(60);
		assertThat(refusedByA).isEqualTo(5);
		assertThat(refusedByB).isEqualTo(5);
	}

	@Test
	void aSignedInCustomersSessionAndCartSurviveBeingServedByTheOtherInstance() {
		long product = product("Pot partagé", 10);
		Http onA = new Http(this.portA);
		onA.login(this.accounts.customer().getEmail(), TestAccounts.PASSWORD);
		String productPage = "/products/" + slug(product);
		assertThat(onA
			.postForm(productPage, "/cart/lines",
					Map.of("variantId", String.valueOf(variantOf(product)), "quantity", "2"))
			.statusCode()).isEqualTo(302);

		Http onB = onA.onPort(portB());
		assertThat(onB.get("/account").statusCode()).as("still signed in on B").isEqualTo(200);
		assertThat(Jsoup.parse(onB.get("/cart").body()).select("main").text()).as("the cart, read by B")
			.contains("Pot partagé");
		assertThat(onB
			.postForm(productPage, "/cart/lines",
					Map.of("variantId", String.valueOf(variantOf(product)), "quantity", "1"))
			.statusCode()).as("a form whose token B issued, sent to B").isEqualTo(302);
		assertThat(this.jdbc.sql("""
				SELECT l.quantity FROM cart_line l JOIN cart c ON c.id = l.cart_id
				WHERE l.variant_id = :variant AND c.checked_out_at IS NULL""")
			.param("variant", variantOf(product))
			.query(Integer.class)
			.single()).as("one cart, changed by both instances").isEqualTo(3);
	}

	@Test
	void aStockChangeMadeThroughOneInstanceIsSeenByTheOther() {
		long product = product("Bocal rare", 3);
		String page = "/products/" + slug(product);
		Http visitorOnB = new Http(portB());
		assertThat(Jsoup.parse(visitorOnB.get(page).body()).select("main").text()).contains("Plus que 3 en stock");

		StaffLogin editorOnA = StaffLogin.as(Role.EDITOR, this.accounts, this.portA);
		editorOnA.http()
			.postForm("/admin/products/" + product, "/admin/products/" + product + "/stock",
					Map.of("delta", "-1", "reason", "ADJUSTMENT", "note", "Bocal fêlé"));

		assertThat(Jsoup.parse(visitorOnB.get(page).body()).select("main").text()).contains("Plus que 2 en stock");
	}

	private static int portB() {
		return Integer.parseInt(instanceB.getEnvironment().getProperty("local.server.port"));
	}

	private long product(String name, int stock) {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		return fixtures.product(
				fixtures.category("Deux instances " + UUID.randomUUID().toString().substring(0, 6), null),
				name + " " + UUID.randomUUID().toString().substring(0, 6), 990, stock, Map.of());
	}

	private String slug(long product) {
		return this.jdbc.sql("SELECT slug FROM product WHERE id = :id")
			.param("id", product)
			.query(String.class)
			.single();
	}

	private long variantOf(long product) {
		return fr.dwwm.comptoir.catalog.CatalogFixtures.firstVariant(this.jdbc, product);
	}

}
