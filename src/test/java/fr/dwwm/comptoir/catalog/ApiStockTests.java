package fr.dwwm.comptoir.catalog;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff part of the REST API, on the real database: a stock adjustment is a new
 * movement (201 and its Location), made once per Idempotency-Key however often and
 * however simultaneously it is sent, refused with a problem when it would empty the stock
 * below zero or is malformed, and closed to a customer, to a staff password without its
 * second factor and to any API token.
 */
@IntegrationTest
class ApiStockTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anAdjustmentIsCreatedOncePerIdempotencyKeyEvenSentTwiceAtOnce() throws Exception {
		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		long[] variant = variant(10);
		String csrf = editor.http().csrfToken("/admin");
		String path = "/api/v1/admin/products/" + variant[0] + "/variants/" + variant[1] + "/stock-movements";
		String body = "{\"delta\":5,\"reason\":\"ADJUSTMENT\",\"note\":\"Livraison reçue\"}";
		String key = UUID.randomUUID().toString();

		HttpResponse<String> created = editor.http().sendJson("POST", path, body, csrf, "Idempotency-Key", key);
		assertThat(created.statusCode()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/api/v1/admin/stock-movements/[0-9]+");
		assertThat(created.body()).contains("\"delta\":5", "\"stockAfter\":15");

		HttpResponse<String> again = editor.http().sendJson("POST", path, body, csrf, "Idempotency-Key", key);
		assertThat(again.statusCode()).as("the same key: the movement it made").isEqualTo(200);
		assertThat(again.headers().firstValue("Location")).hasValue(location);
		assertThat(stock(variant[1])).isEqualTo(15);
		assertThat(editor.http().get(location.replaceFirst("^https?://[^/]+", "")).body())
			.contains("\"stockAfter\":15");

		String twice = UUID.randomUUID().toString();
		List<CompletableFuture<HttpResponse<String>>> parallel = List.of(
				CompletableFuture
					.supplyAsync(() -> editor.http().sendJson("POST", path, body, csrf, "Idempotency-Key", twice)),
				CompletableFuture
					.supplyAsync(() -> editor.http().sendJson("POST", path, body, csrf, "Idempotency-Key", twice)));
		List<Integer> statuses = parallel.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
		assertThat(statuses).containsExactlyInAnyOrder(201, 200);
		assertThat(stock(variant[1])).as("one key sent twice at once changes the stock once").isEqualTo(20);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_log WHERE action = 'STOCK_ADJUST' AND actor_account_id = :staff""")
			.param("staff", editor.account().getId())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aBadAdjustmentIsAProblemAndChangesNothing() {
		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		long[] variant = variant(3);
		long[] other = variant(3);
		String csrf = editor.http().csrfToken("/admin");
		String path = "/api/v1/admin/products/" + variant[0] + "/variants/" + variant[1] + "/stock-movements";
		Map<String, Integer> refusals = Map.of("{\"delta\":-4,\"reason\":\"INVENTORY\"}", 409,
				"{\"delta\":0,\"reason\":\"INVENTORY\"}", 422, "{\"delta\":2,\"reason\":\"ORDER\"}", 422,
				"{\"delta\":\"deux\",\"reason\":\"INVENTORY\"}", 400, "{\"delta\":2", 400);
		refusals.forEach((json, status) -> {
			HttpResponse<String> answer = editor.http().sendJson("POST", path, json, csrf);
			assertThat(answer.statusCode()).as(json).isEqualTo(status);
			assertThat(answer.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		});
		assertThat(editor.http()
			.sendJson("POST", path, "{\"delta\":2,\"reason\":\"INVENTORY\"}", csrf, "Idempotency-Key", "pas-un-uuid")
			.statusCode()).isEqualTo(422);
		assertThat(editor.http()
			.sendJson("POST", "/api/v1/admin/products/" + variant[0] + "/variants/" + other[1] + "/stock-movements",
					"{\"delta\":2,\"reason\":\"INVENTORY\"}", csrf)
			.statusCode()).as("another product's variant").isEqualTo(404);
		assertThat(stock(variant[1])).isEqualTo(3);
		assertThat(stock(other[1])).isEqualTo(3);
	}

	@Test
	void aCustomerAStaffPasswordAloneOrAnyTokenCannotAdjustAStock() {
		long[] variant = variant(7);
		String path = "/api/v1/admin/products/" + variant[0] + "/variants/" + variant[1] + "/stock-movements";
		String body = "{\"delta\":50,\"reason\":\"INVENTORY\"}";

		Account customer = this.accounts.customer();
		Http shopper = new Http(this.port);
		shopper.login(customer.getEmail(), TestAccounts.PASSWORD);
		assertThat(shopper.sendJson("POST", path, body, shopper.csrfToken("/account")).statusCode()).isEqualTo(403);

		Account editor = this.accounts.create(Role.EDITOR, fr.dwwm.comptoir.security.Totp.newSecret());
		Http passwordOnly = new Http(this.port);
		passwordOnly.login(editor.getEmail(), TestAccounts.PASSWORD);
		assertThat(
				passwordOnly.sendJson("POST", path, body, passwordOnly.csrfToken("/login/second-factor")).statusCode())
			.as("second factor not proved")
			.isNotEqualTo(201);

		StaffLogin admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port);
		String token = admin.http().createApiToken("Stock", "READ_WRITE");
		HttpResponse<String> withToken = new Http(this.port).sendJson("POST", path, body, null, "Authorization",
				"Bearer " + token);
		assertThat(withToken.statusCode()).as("a token is never a second factor").isEqualTo(403);
		assertThat(withToken.body()).contains("second facteur");
		assertThat(new Http(this.port).get("/api/v1/orders", "Authorization", "Bearer " + token).statusCode())
			.as("a staff member's token reads their own orders, not sent to the second-factor page")
			.isEqualTo(200);
		assertThat(stock(variant[1])).isEqualTo(7);
	}

	/** A product of this test's own with its one variant: {product id, variant id}. */
	private long[] variant(int stock) {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long product = fixtures.product(fixtures.category("Réserve API", null), "Bocal", 900, stock, Map.of());
		return new long[] { product, fixtures.variantOf(product) };
	}

	private int stock(long variantId) {
		return this.jdbc.sql("SELECT stock FROM product_variant WHERE id = ?")
			.param(variantId)
			.query(Integer.class)
			.single();
	}

}
