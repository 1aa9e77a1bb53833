package fr.dwwm.comptoir.account;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account area: addresses that only their owner can reach (IDOR), the data export
 * that holds only the person's data, and the deletion that erases them (GDPR).
 */
@IntegrationTest
class AccountAreaTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aCustomerCannotReachAnotherCustomersAddress() {
		Account alice = this.accounts.customer();
		Account bob = this.accounts.customer();
		Http aliceBrowser = loggedIn(alice);
		aliceBrowser.postForm("/account/addresses/new", "/account/addresses", address("Maison d'Alice"));
		long addressId = this.jdbc.sql("SELECT id FROM address WHERE account_id = :account")
			.param("account", alice.getId())
			.query(Long.class)
			.single();

		Http bobBrowser = loggedIn(bob);
		assertThat(bobBrowser.get("/account/addresses/" + addressId).statusCode()).isEqualTo(404);
		Map<String, String> takeOver = address("Volée");
		assertThat(bobBrowser.postForm("/account/addresses", "/account/addresses/" + addressId, takeOver).statusCode())
			.isEqualTo(404);
		assertThat(bobBrowser.postForm("/account/addresses", "/account/addresses/" + addressId + "/delete", Map.of())
			.statusCode()).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT label FROM address WHERE id = :id")
			.param("id", addressId)
			.query(String.class)
			.single()).isEqualTo("Maison d'Alice");
		assertThat(bobBrowser.get("/account/addresses").body()).doesNotContain("Maison d'Alice");
	}

	@Test
	void aWrongPostalCodeIsExplainedAndNothingIsSaved() {
		Account alice = this.accounts.customer();
		Http browser = loggedIn(alice);
		Map<String, String> fields = address("Bureau");
		fields.put("postalCode", "7500");
		HttpResponse<String> response = browser.postForm("/account/addresses/new", "/account/addresses", fields);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("ne correspond pas au pays choisi");
		assertThat(this.jdbc.sql("SELECT count(*) FROM address WHERE account_id = :account")
			.param("account", alice.getId())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theExportHoldsOnlyThePersonsData() {
		Account alice = this.accounts.customer();
		Account bob = this.accounts.customer();
		loggedIn(bob).postForm("/account/addresses/new", "/account/addresses", address("Chez Bob"));
		Http browser = loggedIn(alice);
		browser.postForm("/account/addresses/new", "/account/addresses", address("Chez Alice"));
		HttpResponse<String> export = browser.postForm("/account/data", "/account/data/export",
				Map.of("password", TestAccounts.PASSWORD));
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).contains("attachment"));
		assertThat(export.body()).contains(alice.getEmail())
			.contains("Chez Alice")
			.contains("securityEvents")
			.doesNotContain(bob.getEmail())
			.doesNotContain("Chez Bob")
			.doesNotContain("password")
			.doesNotContain("argon2");
	}

	@Test
	void afterDeletionThePersonCannotLogInAndTheirPersonalDataIsGone() {
		Account alice = this.accounts.customer();
		Http browser = loggedIn(alice);
		browser.postForm("/account/addresses/new", "/account/addresses", address("Maison"));

		HttpResponse<String> wrong = browser.postForm("/account/data", "/account/data/delete",
				Map.of("password", "non"));
		assertThat(wrong.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/account/data"));

		HttpResponse<String> deleted = browser.postForm("/account/data", "/account/data/delete",
				Map.of("password", TestAccounts.PASSWORD));
		assertThat(deleted.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/?account-deleted"));
		assertThat(browser.get("/account").statusCode()).as("logged out").isEqualTo(302);
		assertThat(new Http(this.port).login(alice.getEmail(), TestAccounts.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));

		Map<String, Object> row = this.jdbc.sql("SELECT * FROM account WHERE id = :id")
			.param("id", alice.getId())
			.query()
			.singleRow();
		assertThat(row.get("email")).isNull();
		assertThat(row.get("password_hash")).isNull();
		assertThat(row.get("first_name")).isNull();
		assertThat(row.get("last_name")).isNull();
		assertThat(row.get("anonymised_at")).isNotNull();
		assertThat(this.jdbc.sql("SELECT count(*) FROM address WHERE account_id = :id")
			.param("id", alice.getId())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theProfileFormCannotChangeTheRoleOrTheAddress() {
		Account alice = this.accounts.customer();
		Http browser = loggedIn(alice);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("firstName", "Alice");
		fields.put("lastName", "Nouveau");
		fields.put("language", "fr");
		fields.put("role", "ADMIN");
		fields.put("email", "pirate@exemple.test");
		browser.postForm("/account/profile", "/account/profile", fields);
		Map<String, Object> row = this.jdbc.sql("SELECT role_code, email, last_name FROM account WHERE id = :id")
			.param("id", alice.getId())
			.query()
			.singleRow();
		assertThat(row).containsEntry("role_code", "CUSTOMER")
			.containsEntry("email", alice.getEmail())
			.containsEntry("last_name", "Nouveau");
	}

	private Http loggedIn(Account account) {
		Http http = new Http(this.port);
		http.login(account.getEmail(), TestAccounts.PASSWORD);
		return http;
	}

	private static Map<String, String> address(String label) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("label", label);
		fields.put("firstName", "Alice");
		fields.put("lastName", "Durand");
		fields.put("line1", "1 rue de la Paix");
		fields.put("postalCode", "75002");
		fields.put("city", "Paris");
		fields.put("country", "FR");
		return fields;
	}

}
