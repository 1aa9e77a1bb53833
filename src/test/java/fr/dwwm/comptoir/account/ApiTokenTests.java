package fr.dwwm.comptoir.account;

import java.net.http.HttpResponse;
import java.util.Map;

import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.SqlStatements;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Personal API tokens, from « Mon compte › Accès API » to the REST API, on the real
 * database: a token is shown once and kept as a digest; it reads its owner's orders (and
 * only theirs: another customer's is 404), in private answers that set no cookie; a
 * read-only token that writes gets a 403 problem; a revoked or expired token a 401
 * problem; its last use is shown.
 */
@IntegrationTest
class ApiTokenTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private fr.dwwm.comptoir.order.DeliveredOrders orders;

	@Test
	void aTokenIsShownOnceKeptAsADigestAndReadsItsOwnersOrdersOnly() {
		Account customer = this.accounts.customer();
		Http session = signedIn(customer);
		String token = create(session, "Script de compta", "READ");
		assertThat(token).matches("cpt_[A-Za-z0-9_-]{43}");
		assertThat(session.get("/account/api-tokens").body()).as("never shown again")
			.doesNotContain(token)
			.contains("Script de compta", "Lecture seule", "Jamais utilisé");
		assertThat(this.jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = :token")
			.param("token", token)
			.query(Integer.class)
			.single()).as("no token kept in clear").isZero();

		String mine = order(customer);
		String theirs = order(this.accounts.customer());
		Http script = new Http(this.port);
		HttpResponse<String> list = script.get("/api/v1/orders", "Authorization", "Bearer " + token);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("\"reference\":\"" + mine + "\"").doesNotContain(theirs);
		assertThat(list.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("no-store", "private"));
		assertThat(list.headers().firstValue("Set-Cookie")).as("a token request keeps no session").isEmpty();
		assertThat(script.get("/api/v1/orders/" + mine, "Authorization", "Bearer " + token).body())
			.contains("\"placedAt\":\"20", "\"currency\":\"EUR\"");
		HttpResponse<String> stranger = script.get("/api/v1/orders/" + theirs, "Authorization", "Bearer " + token);
		assertThat(stranger.statusCode()).as("another customer's order does not exist").isEqualTo(404);
		assertThat(stranger.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(session.get("/account/api-tokens").body()).contains("Dernière utilisation le");

		String paid = this.orders.pay(customer.getId(), customer.getEmail(), Map.of(jam(), 1)).reference();
		assertThat(script.get("/api/v1/orders/" + paid, "Authorization", "Bearer " + token).body())
			.contains("\"invoice\":\"/api/v1/orders/" + paid + "/invoice.pdf\"");
		HttpResponse<byte[]> pdf = script.getBytes("/api/v1/orders/" + paid + "/invoice.pdf", "Authorization",
				"Bearer " + token);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(script.getBytes("/api/v1/orders/" + mine + "/invoice.pdf", "Authorization", "Bearer " + token)
			.statusCode()).as("not invoiced yet").isEqualTo(404);
		assertThat(script.getBytes("/api/v1/orders/" + theirs + "/invoice.pdf", "Authorization", "Bearer " + token)
			.statusCode()).as("another customer's invoice").isEqualTo(404);
	}

	private long jam() {
		return this.jdbc.sql("""
				SELECT v.id FROM product_variant v JOIN product p ON p.id = v.product_id
				WHERE p.slug = 'confiture-de-figues' ORDER BY v.position, v.id LIMIT 1""").query(Long.class).single();
	}

	@Test
	void aReadOnlyTokenThatWritesGets403AndARevokedOrExpiredToken401() {
		Account customer = this.accounts.customer();
		Http session = signedIn(customer);
		String reader = create(session, "Lecteur", "READ");
		String writer = create(session, "Rédacteur", "READ_WRITE");
		long readerId = id("Lecteur", customer);
		Http script = new Http(this.port);

		HttpResponse<String> refused = script.send("DELETE", "/api/v1/tokens/" + readerId, "Authorization",
				"Bearer " + reader);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("lecture seule");
		assertThat(
				script.send("DELETE", "/api/v1/tokens/" + readerId, "Authorization", "Bearer " + writer).statusCode())
			.as("a read-write token revokes")
			.isEqualTo(204);

		HttpResponse<String> revoked = script.get("/api/v1/orders", "Authorization", "Bearer " + reader);
		assertThat(revoked.statusCode()).isEqualTo(401);
		assertThat(revoked.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(revoked.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");

		this.jdbc.sql(
				"UPDATE api_token SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second' "
						+ "WHERE account_id = :account")
			.param("account", customer.getId())
			.update();
		assertThat(script.get("/api/v1/orders", "Authorization", "Bearer " + writer).statusCode()).as("expired")
			.isEqualTo(401);
		assertThat(session.get("/account/api-tokens").body()).contains("Révoqué le", "Expiré le");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_log WHERE action IN ('API_TOKEN_CREATE', 'API_TOKEN_REVOKE')
				AND actor_account_id = :account""").param("account", customer.getId()).query(Integer.class).single())
			.isEqualTo(3);
	}

	@Test
	void aReadWriteTokenFillsItsOwnersCartWithoutSessionNorCsrfTokenAndAReadOnlyOneCannot() {
		Account customer = this.accounts.customer();
		Http session = signedIn(customer);
		String writer = create(session, "Application", "READ_WRITE");
		String reader = create(session, "Tableau de bord", "READ");
		long variant = this.jdbc.sql("""
				SELECT v.id FROM product_variant v JOIN product p ON p.id = v.product_id
				WHERE p.slug = 'confiture-de-figues' ORDER BY v.position, v.id LIMIT 1""").query(Long.class).single();
		String line = "{\"variantId\":" + variant + ",\"quantity\":2}";
		Http app = new Http(this.port);

		HttpResponse<String> refused = app.sendJson("POST", "/api/v1/cart/lines", line, null, "Authorization",
				"Bearer " + reader);
		assertThat(refused.statusCode()).isEqualTo(403);
		HttpResponse<String> added = app.sendJson("POST", "/api/v1/cart/lines", line, null, "Authorization",
				"Bearer " + writer);
		assertThat(added.statusCode()).isEqualTo(200);
		assertThat(added.body()).contains("\"itemCount\":2");
		assertThat(added.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(session.get("/cart").body()).as("the account's own cart, seen in its browser")
			.contains("Confiture de figues");
	}

	@Test
	void theOrdersListCostsTheSameStatementsWhateverTheNumberOfOrders() throws Exception {
		Account few = this.accounts.customer();
		order(few);
		Account many = this.accounts.customer();
		for (int i = 0; i < 5; i++) {
			order(many);
		}
		int one = statements(few);
		assertThat(statements(many)).as("no statement per order").isEqualTo(one).isLessThanOrEqualTo(2);
	}

	private int statements(Account account) throws Exception {
		// Once first, so that both measured requests find the shop's caches as warm (they
		// expire after a minute): in one CI run the first request cost 4 statements and
		// the second 2, whatever the number of orders.
		this.mvc.perform(get("/api/v1/orders").with(user(AccountUserDetailsService.principal(account))))
			.andExpect(status().isOk());
		SqlStatements.reset();
		this.mvc.perform(get("/api/v1/orders").with(user(AccountUserDetailsService.principal(account))))
			.andExpect(status().isOk());
		return SqlStatements.sent().size();
	}

	private Http signedIn(Account account) {
		Http session = new Http(this.port);
		session.login(account.getEmail(), TestAccounts.PASSWORD);
		return session;
	}

	private static String create(Http session, String name, String scope) {
		HttpResponse<String> page = session.postForm("/account/api-tokens", "/account/api-tokens",
				Map.of("name", name, "scope", scope, "days", "30"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("no-store"));
		return Jsoup.parse(page.body()).select("[data-new-token]").val();
	}

	private long id(String name, Account account) {
		return this.jdbc.sql("SELECT id FROM api_token WHERE name = :name AND account_id = :account")
			.param("name", name)
			.param("account", account.getId())
			.query(Long.class)
			.single();
	}

	private String order(Account account) {
		return this.jdbc
			.sql("""
					INSERT INTO customer_order (reference, idempotency_key, account_id, email, status, shipping_method_id,
					    shipping_method_name, items_total_cents, discount_cents, shipping_cents, total_cents,
					    terms_accepted_at)
					SELECT 'API-2026-' || lpad(nextval('customer_order_number_seq')::text, 6, '0'), gen_random_uuid(), :account,
					    :email, 'AWAITING_PAYMENT', id, name, 1000, 0, 0, 1000, now()
					FROM shipping_method WHERE code = 'COLISSIMO'
					RETURNING reference""")
			.param("account", account.getId())
			.param("email", account.getEmail())
			.query(String.class)
			.single();
	}

}
