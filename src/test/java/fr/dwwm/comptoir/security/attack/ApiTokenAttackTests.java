package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.util.Map;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on the REST API's tokens: another account's token id in the path; a token in
 * the query string, where logs and histories keep it; a token whose account was disabled;
 * a forged header added to a session's request to skip the CSRF check; a guessed or
 * malformed token. None opens anything, none gives a 500.
 */
@IntegrationTest
class ApiTokenAttackTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Mailbox mailbox;

	@Test
	void aTokenCannotRevokeAnotherAccountsTokenWhateverTheSpellingOfItsId() {
		Account victim = this.accounts.customer();
		signedIn(victim).createApiToken("Victime", "READ");
		long victimsToken = this.jdbc.sql("SELECT id FROM api_token WHERE account_id = ?")
			.param(victim.getId())
			.query(Long.class)
			.single();
		String attacker = signedIn(this.accounts.customer()).createApiToken("Attaquant", "READ_WRITE");
		Http script = new Http(this.port);
		for (String spelling : Attacker.spellings("/api/v1/tokens/" + victimsToken)) {
			HttpResponse<String> answer = script.send("DELETE", spelling, "Authorization", "Bearer " + attacker);
			assertThat(answer.statusCode()).as(spelling).isNotEqualTo(204).isNotEqualTo(500);
		}
		assertThat(this.jdbc.sql("SELECT revoked_at IS NULL FROM api_token WHERE id = ?")
			.param(victimsToken)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aTokenInTheQueryStringOrOfADisabledAccountOrGuessedOpensNothing() {
		Account customer = this.accounts.customer();
		String token = signedIn(customer).createApiToken("Script", "READ");
		Http script = new Http(this.port);
		assertThat(script.get("/api/v1/orders?access_token=" + token).statusCode()).isEqualTo(401);
		for (String forged : new String[] { "cpt_" + "A".repeat(43), "cpt_", token + "x", "' OR 1=1 --",
				"A".repeat(5000), "cpt_%00" }) {
			assertThat(script.get("/api/v1/orders", "Authorization", "Bearer " + forged).statusCode()).as(forged)
				.isEqualTo(401);
		}
		assertThat(script.get("/api/v1/orders", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
		this.jdbc.sql("UPDATE account SET enabled = false WHERE id = ?").param(customer.getId()).update();
		assertThat(script.get("/api/v1/orders", "Authorization", "Bearer " + token).statusCode())
			.as("the account was disabled")
			.isEqualTo(401);
	}

	@Test
	void aTokenMadeWithAStolenPasswordOpensNothingOnceTheOwnerResetsThePassword() {
		Account victim = this.accounts.customer();
		String thiefs = signedIn(victim).createApiToken("Script du voleur", "READ_WRITE");
		Http script = new Http(this.port);
		assertThat(script.get("/api/v1/orders", "Authorization", "Bearer " + thiefs).statusCode()).isEqualTo(200);

		Http owner = new Http(this.port);
		owner.postForm("/password/forgot", "/password/forgot", Map.of("email", victim.getEmail()));
		String link = Mailbox.link(this.mailbox.to(victim.getEmail()).get(0), "/password/reset");
		assertThat(owner
			.postForm(link, "/password/reset", Map.of("token", link.substring(link.indexOf("token=") + 6), "password",
					"Reprise-en-main-du-compte-2026"))
			.statusCode()).isEqualTo(302);
		assertThat(script.get("/api/v1/orders", "Authorization", "Bearer " + thiefs).statusCode())
			.as("the token made before the reset")
			.isEqualTo(401);
		assertThat(this.mailbox.to(victim.getEmail())).extracting((mail) -> mail.text())
			.anySatisfy((text) -> assertThat(text).contains("jeton d'API", "révoqué"));
	}

	@Test
	void aPasswordChangedByItsSignedInOwnerKeepsTheirTokens() {
		Account customer = this.accounts.customer();
		Http session = signedIn(customer);
		String token = session.createApiToken("Synchronisation comptable", "READ");
		session.postForm("/account/security", "/account/security/password",
				Map.of("current", TestAccounts.PASSWORD, "password", "Une-autre-phrase-de-passe-2026"));
		assertThat(this.jdbc.sql("SELECT password_changed_at IS NOT NULL FROM account WHERE id = ?")
			.param(customer.getId())
			.query(Boolean.class)
			.single()).as("the password changed").isTrue();
		assertThat(new Http(this.port).get("/api/v1/orders", "Authorization", "Bearer " + token).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aForgedBearerHeaderDoesNotLetASessionsRequestSkipTheCsrfCheck() {
		Account customer = this.accounts.customer();
		Http session = signedIn(customer);
		HttpResponse<String> forged = session.submit("POST", "/account/security/sessions/end-others", Map.of(),
				"Authorization", "Bearer cpt_" + "B".repeat(43));
		assertThat(forged.statusCode()).as("no CSRF token: refused, whatever the header").isEqualTo(403);
		HttpResponse<String> api = session.send("DELETE", "/api/v1/tokens/1", "Authorization", "Bearer junk");
		assertThat(api.statusCode()).as("the session does not stand in for a bad token").isEqualTo(401);
	}

	@Test
	void aTokenIsLimitedPerMinuteWhateverAddressItIsSentFrom() {
		String token = signedIn(this.accounts.customer()).createApiToken("Robot", "READ");
		String other = signedIn(this.accounts.customer()).createApiToken("Autre", "READ");
		Http script = new Http(this.port);
		int refusedAt = -1;
		for (int request = 1; request <= 301 && refusedAt < 0; request++) {
			// A new address for every request, as a botnet or a rotating proxy would.
			int status = script
				.get("/api/v1/tokens", "Authorization", "Bearer " + token, "X-Forwarded-For",
						"203.0.113." + request % 250)
				.statusCode();
			if (status == 429) {
				refusedAt = request;
			}
		}
		assertThat(refusedAt).as("the 301st request of the minute").isEqualTo(301);
		assertThat(script.get("/api/v1/tokens", "Authorization", "Bearer " + other).statusCode())
			.as("another token is counted apart")
			.isEqualTo(200);
	}

	@Test
	void anAdministratorsReadWriteTokenNeitherCreatesAProductNorMovesAnOrder() {
		StaffLogin admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port);
		String token = admin.http().createApiToken("Script du personnel", "READ_WRITE");
		long category = new CatalogFixtures(this.jdbc).category("Rayon de l'attaquant", null);
		String sku = "TOKEN-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Http script = new Http(this.port);
		HttpResponse<String> product = script.sendJson("POST", "/api/v1/admin/products", """
				{"name":"Bol volé","sku":"%s","summary":"Un bol.","description":"Un bol.","priceCents":900,
				 "vatRate":"20.00","categoryId":%d,"active":true}""".formatted(sku, category), null, "Authorization",
				"Bearer " + token);
		assertThat(product.statusCode()).as("a token never stands for the second factor").isEqualTo(403);
		assertThat(this.jdbc.sql("SELECT count(*) FROM product WHERE sku = ?").param(sku).query(Integer.class).single())
			.isZero();
		String order = this.jdbc.sql("SELECT reference FROM customer_order WHERE status = 'PAID' LIMIT 1")
			.query(String.class)
			.optional()
			.orElse("CPT-0000-000000");
		HttpResponse<String> move = script.sendJson("POST", "/api/v1/admin/orders/" + order + "/status",
				"{\"status\":\"CANCELLED\"}", null, "Authorization", "Bearer " + token);
		assertThat(move.statusCode()).isEqualTo(403);
		assertThat(script.get("/api/v1/admin/orders", "Authorization", "Bearer " + token).statusCode())
			.as("nor reads all the orders")
			.isEqualTo(403);
	}

	private Http signedIn(Account account) {
		Http session = new Http(this.port);
		session.login(account.getEmail(), TestAccounts.PASSWORD);
		return session;
	}

}
