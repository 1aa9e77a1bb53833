package fr.dwwm.comptoir.order;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.PostalAddress;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.cart.Carts;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import fr.dwwm.comptoir.test.SqlStatements;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The back-office's dashboard and orders through Tomcat, as an administrator with a
 * second factor: figures equal to what SQL counts, orders moved only along their state
 * machine, by the pages and by the REST API alike.
 */
@IntegrationTest
class AdminOrderTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private Checkout checkout;

	@Autowired
	private Carts carts;

	@Autowired
	private Orders orders;

	@Autowired
	private OrderQueries orderQueries;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Mailbox mailbox;

	@Autowired
	private MockMvc mvc;

	private StaffLogin admin;

	@BeforeEach
	void login() {
		this.admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port);
	}

	@Test
	void theDashboardShowsTheOrdersOfTheLast30DaysAsSqlCountsThem() {
		String reference = placeOrder("tableau");
		HttpResponse<String> page = this.admin.http().get("/admin");
		assertThat(page.statusCode()).isEqualTo(200);
		long paid = this.jdbc
			.sql("""
					SELECT count(*) FROM customer_order
					WHERE placed_at >= now() - interval '30 days' AND status IN ('PAID', 'PREPARING', 'SHIPPED', 'DELIVERED')""")
			.query(Long.class)
			.single();
		assertThat(Jsoup.parse(page.body()).select("[data-kpi=orders]").text()).isEqualTo(String.valueOf(paid));
		assertThat(page.body()).contains("id=\"chart-data\"").contains("chart.umd");
		assertThat(reference).isNotNull();
	}

	@Test
	void aStatusChangeWithANoteOverFiveHundredCharactersIsRefusedWithAMessage() {
		String reference = placeOrder("note-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test");
		String path = "/admin/orders/" + reference;
		HttpResponse<String> refused = this.admin.http()
			.postForm(path, path + "/status", Map.of("status", "PREPARING", "note", "n".repeat(501)));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(302);
		assertThat(Jsoup.parse(this.admin.http().get(path).body()).select(".alert-danger[role=alert]").text())
			.contains("La note ne doit pas dépasser 500 caractères");
		assertThat(status(reference)).isEqualTo(OrderStatus.PAID);
	}

	@Test
	void anOrderIsShippedWithATrackingNumberAndTheCustomerIsMailed() {
		String email = "suivi-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
		String reference = placeOrder(email);
		HttpResponse<String> list = this.admin.http().get("/admin/orders?status=PAID&customer=" + email);
		assertThat(Jsoup.parse(list.body()).select("main table a").eachText()).containsExactly(reference);

		String path = "/admin/orders/" + reference;
		HttpResponse<String> refused = this.admin.http().postForm(path, path + "/status", Map.of("status", "SHIPPED"));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(302);
		assertThat(Jsoup.parse(this.admin.http().get(path).body()).select(".alert-danger[role=alert]").text())
			.as("no tracking number, no shipment: said as an error")
			.contains("Saisissez le numéro de suivi");
		assertThat(status(reference)).isEqualTo(OrderStatus.PAID);

		this.admin.http().postForm(path, path + "/status", Map.of("status", "DELIVERED"));
		assertThat(Jsoup.parse(this.admin.http().get(path).body()).select(".alert-danger[role=alert]").text())
			.contains("n'est pas permis");
		assertThat(status(reference)).isEqualTo(OrderStatus.PAID);

		this.admin.http().postForm(path, path + "/status", Map.of("status", "PREPARING"));
		assertThat(status(reference)).isEqualTo(OrderStatus.PREPARING);
		this.admin.http()
			.postForm(path, path + "/status", Map.of("status", "SHIPPED", "trackingNumber", "6A9876543210"));
		assertThat(status(reference)).isEqualTo(OrderStatus.SHIPPED);
		assertThat(this.mailbox.to(email)).anySatisfy((mail) -> assertThat(mail.text()).contains("6A9876543210"));
	}

	@Test
	void theApiMovesAnOrderByTheSameRulesAndASecondIdenticalMoveIsAConflict() {
		String email = "api-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
		String reference = placeOrder(email);
		String path = "/api/v1/admin/orders/" + reference;
		String csrf = this.admin.http().csrfToken("/admin");
		HttpResponse<String> read = this.admin.http().get(path);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("\"status\":\"PAID\"", "\"allowedMoves\":[\"PREPARING\",\"CANCELLED\"]",
				"\"email\":\"" + email + "\"", "\"currency\":\"EUR\"");
		assertThat(read.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("no-store"));

		HttpResponse<String> noTracking = this.admin.http()
			.sendJson("POST", path + "/status", "{\"status\":\"SHIPPED\"}", csrf);
		assertThat(noTracking.statusCode()).isEqualTo(422);
		assertThat(noTracking.body()).contains("Saisissez le numéro de suivi");
		assertThat(this.admin.http()
			.sendJson("POST", path + "/status", "{\"status\":\"PREPARING\",\"note\":\"" + "n".repeat(501) + "\"}", csrf)
			.statusCode()).as("a note over 500 characters").isEqualTo(422);
		assertThat(this.admin.http().sendJson("POST", path + "/status", "{\"status\":\"EXPEDIEE\"}", csrf).statusCode())
			.isEqualTo(422);
		assertThat(status(reference)).isEqualTo(OrderStatus.PAID);

		HttpResponse<String> preparing = this.admin.http()
			.sendJson("POST", path + "/status", "{\"status\":\"PREPARING\"}", csrf);
		assertThat(preparing.statusCode()).isEqualTo(200);
		assertThat(preparing.body()).contains("\"status\":\"PREPARING\"");
		HttpResponse<String> again = this.admin.http()
			.sendJson("POST", path + "/status", "{\"status\":\"PREPARING\"}", csrf);
		assertThat(again.statusCode()).as("the same move sent twice changes the order once").isEqualTo(409);
		assertThat(again.body()).contains("n'est pas permis");
		HttpResponse<String> shipped = this.admin.http()
			.sendJson("POST", path + "/status", "{\"status\":\"SHIPPED\",\"trackingNumber\":\"6A1234567890\"}", csrf);
		assertThat(shipped.statusCode()).isEqualTo(200);
		assertThat(shipped.body()).contains("\"trackingNumber\":\"6A1234567890\"", "\"allowedMoves\":[\"DELIVERED\"]");
		assertThat(status(reference)).isEqualTo(OrderStatus.SHIPPED);
		assertThat(this.mailbox.to(email)).anySatisfy((mail) -> assertThat(mail.text()).contains("6A1234567890"));
		assertThat(this.admin.http().get("/api/v1/admin/orders/CMD-INCONNUE").statusCode()).isEqualTo(404);
	}

	@Test
	void theApiListFiltersLikeThePageAndCostsTheSameStatementsWhateverItsLength() throws Exception {
		String email = "liste-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
		String reference = placeOrder(email);
		HttpResponse<String> found = this.admin.http().get("/api/v1/admin/orders?status=PAID&customer=" + email);
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains("\"reference\":\"" + reference + "\"", "\"total\":1");
		assertThat(this.admin.http().get("/api/v1/admin/orders?status=SHIPPED&customer=" + email).body())
			.contains("\"total\":0");
		assertThat(this.admin.http().get("/api/v1/admin/orders?status=perdue").statusCode()).isEqualTo(400);
		assertThat(this.admin.http().get("/api/v1/admin/orders?from=hier").statusCode()).isEqualTo(400);

		Authentication staff = this.admin.authentication();
		SqlStatements.reset();
		this.mvc.perform(get("/api/v1/admin/orders?customer=" + email).with(authentication(staff)))
			.andExpect(MockMvcResultMatchers.status().isOk());
		int one = SqlStatements.sent().size();
		SqlStatements.reset();
		this.mvc.perform(get("/api/v1/admin/orders").with(authentication(staff)))
			.andExpect(MockMvcResultMatchers.status().isOk());
		assertThat(SqlStatements.sent())
			.as("a page of twenty orders costs what a page of one does: the list, and the cart of whoever is signed in")
			.hasSize(one)
			.hasSizeLessThanOrEqualTo(2);
	}

	private OrderStatus status(String reference) {
		return this.orderQueries.byReference(reference).orElseThrow().status();
	}

	private String placeOrder(String email) {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long product = fixtures.product(fixtures.category("Back-office", null), "Produit du back-office", 1200, 10,
				Map.of());
		long cart = this.carts.create(null);
		this.carts.add(cart, variantOf(product), 1);
		long total = this.checkout.quote(this.carts.view(cart), null, null).totals().totalCents();
		String address = email.contains("@") ? email : email + "@exemple.test";
		return this.checkout
			.place(new NewOrder(cart, null, address, Locale.FRANCE,
					new PostalAddress("Alex", "Petit", "1 rue Haute", null, "13001", "Marseille", "FR", null), null,
					null, UUID.randomUUID(), total, new NewOrder.Card("4242424242424242", "12/39", "123", "A P")))
			.reference();
	}

	private long variantOf(long product) {
		return fr.dwwm.comptoir.catalog.CatalogFixtures.firstVariant(this.jdbc, product);
	}

}
