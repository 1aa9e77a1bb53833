package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static fr.dwwm.comptoir.security.attack.Attacker.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on access control (IDOR): another customer's address or session reached by its
 * identifier, in the path, in a request parameter named like the form, or in a hidden
 * field; a back-office path spelled another way, by someone without the role or whose
 * password expired; the former address of a hidden product or a draft page, which must
 * not give away its new one. Each time, the other customer's row must stay exactly as it
 * was, and the attacker must learn nothing about it.
 */
@IntegrationTest
class AccessControlAttackTests {

	private static final String VICTIMS_STREET = "12 rue de la Victime";

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	private Account victim;

	private long victimsAddress;

	private Account attacker;

	private Http browser;

	@BeforeEach
	void aVictimWithAnAddressAndAnAttackerSignedIn() {
		this.victim = this.accounts.customer();
		this.victimsAddress = this.jdbc.sql("""
				INSERT INTO address (account_id, label, first_name, last_name, line1, postal_code, city, is_default)
				VALUES (:account, 'Maison', 'Léa', 'Bernard', :street, '69001', 'Lyon', true) RETURNING id""")
			.param("account", this.victim.getId())
			.param("street", VICTIMS_STREET)
			.query(Long.class)
			.single();
		this.attacker = this.accounts.customer();
		this.browser = new Http(this.port);
		signIn(this.browser, this.attacker.getEmail());
	}

	@Test
	void noSpellingOfAFormerAddressRevealsWhereAnUnpublishedProductOrADraftPageMoved() {
		String unique = java.util.UUID.randomUUID().toString().substring(0, 8);
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long product = fixtures.product(fixtures.category("Rayon caché " + unique, null), "Secret " + unique, 500, 1,
				Map.of());
		this.jdbc.sql("UPDATE product SET slug = :slug, active = false WHERE id = :id")
			.param("slug", "nouveau-secret-" + unique)
			.param("id", product)
			.update();
		this.jdbc.sql("INSERT INTO product_former_slug (slug, product_id) VALUES (:slug, :id)")
			.param("slug", "ancien-secret-" + unique)
			.param("id", product)
			.update();
		long page = this.jdbc
			.sql("""
					INSERT INTO cms_page (slug, title, content_html, status) VALUES (:slug, 'Brouillon', '<p>x</p>', 'DRAFT')
					RETURNING id""")
			.param("slug", "nouvelle-page-" + unique)
			.query(Long.class)
			.single();
		this.jdbc.sql("INSERT INTO cms_page_former_slug (slug, page_id) VALUES (:slug, :id)")
			.param("slug", "ancienne-page-" + unique)
			.param("id", page)
			.update();

		for (String former : new String[] { "/products/ancien-secret-" + unique, "/pages/ancienne-page-" + unique }) {
			for (String spelling : Attacker.spellings(former)) {
				HttpResponse<String> answer = this.browser.get(spelling);
				assertThat(answer.statusCode()).as(spelling).isNotIn(301, 302, 200);
				assertThat(answer.headers().firstValue("Location").orElse("") + answer.body()).as(spelling)
					.doesNotContain("nouveau-secret-" + unique, "nouvelle-page-" + unique);
			}
		}
	}

	@Test
	void aNewAddressNamingAnotherCustomersAddressInTheFormsFieldNeverRewritesIt() {
		for (String field : new String[] { "address", "id", "address.id" }) {
			Map<String, String> form = attackersAddress();
			form.put(field, String.valueOf(this.victimsAddress));
			this.browser.postForm("/account/addresses/new", "/account/addresses", form);
			assertThat(victimsAddressRow()).as("after a parameter " + field)
				.containsEntry("line1", VICTIMS_STREET)
				.containsEntry("account_id", this.victim.getId());
		}
	}

	@Test
	void anOwnAddressSavedWithAnotherCustomersAddressInTheFormsFieldGetsNothingOfIt() {
		this.browser.postForm("/account/addresses/new", "/account/addresses", attackersAddress());
		long own = this.jdbc.sql("SELECT id FROM address WHERE account_id = :account")
			.param("account", this.attacker.getId())
			.query(Long.class)
			.single();
		Map<String, String> form = attackersAddress();
		form.put("address", String.valueOf(this.victimsAddress));
		this.browser.postForm("/account/addresses/" + own, "/account/addresses/" + own, form);
		form.keySet().removeIf((name) -> !name.equals("address"));
		this.browser.postForm("/account/addresses/" + own, "/account/addresses/" + own, form);

		Map<String, Object> row = this.jdbc.sql("SELECT line1, city FROM address WHERE id = :id")
			.param("id", own)
			.query()
			.singleRow();
		assertThat(row).containsEntry("line1", "1 place de l'Attaquant").doesNotContainValue("Lyon");
		assertThat(victimsAddressRow()).containsEntry("line1", VICTIMS_STREET);
	}

	@Test
	void anotherCustomersAddressIsNotFoundWhateverTheWayItsIdentifierIsWritten() {
		for (String path : new String[] { "/account/addresses/" + this.victimsAddress,
				"/account/addresses/%3" + String.valueOf(this.victimsAddress).charAt(0)
						+ String.valueOf(this.victimsAddress).substring(1),
				"/account/addresses/0" + this.victimsAddress }) {
			HttpResponse<String> page = this.browser.get(path);
			assertThat(page.statusCode()).as(path).isIn(400, 404);
			assertThat(page.body()).as(path).doesNotContain(VICTIMS_STREET);
			HttpResponse<String> update = this.browser.postForm("/account/addresses", path, attackersAddress());
			assertThat(update.statusCode()).as("POST " + path).isIn(400, 404);
			HttpResponse<String> delete = this.browser.postForm("/account/addresses", path + "/delete", Map.of());
			assertThat(delete.statusCode()).as("POST " + path + "/delete").isIn(400, 404);
		}
		assertThat(victimsAddressRow()).containsEntry("line1", VICTIMS_STREET);
	}

	@Test
	void anotherCustomersSessionCannotBeEndedFromTheSecurityPage() {
		Http victimsPhone = new Http(this.port);
		signIn(victimsPhone, this.victim.getEmail());
		Http victimsComputer = new Http(this.port);
		signIn(victimsComputer, this.victim.getEmail());
		// The computer's page offers to end the phone's session: its reference.
		String phonesSession = victimsComputer.get("/account/security")
			.body()
			.replaceAll("(?s).*name=\"session\" value=\"([^\"]+)\".*", "$1");
		assertThat(phonesSession).hasSizeLessThan(100);

		this.browser.postForm("/account/security", "/account/security/sessions/end", Map.of("session", phonesSession));
		assertThat(victimsPhone.get("/account").statusCode()).as("the victim's other session lives on").isEqualTo(200);
	}

	@Test
	void noSpellingOfABackOfficePathOpensItToSomeoneWithoutTheRightRole() {
		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		for (String path : List.of("/admin/orders", "/admin/returns", "/admin/promo-codes", "/admin/shipping",
				"/admin/customers", "/admin/staff", "/admin/audit", "/admin/modules", "/api/v1/admin/orders")) {
			for (String spelling : Attacker.spellings(path)) {
				assertThat(new Http(this.port).get(spelling).statusCode()).as("a visitor on " + spelling)
					.isNotEqualTo(200);
				assertThat(this.browser.get(spelling).statusCode()).as("a customer on " + spelling).isNotEqualTo(200);
				assertThat(editor.http().get(spelling).statusCode()).as("an editor on " + spelling).isNotEqualTo(200);
			}
		}
	}

	@Test
	void noSpellingOfABackOfficePathOpensItToAStaffMemberWhosePasswordExpired() {
		StaffLogin admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port,
				Instant.now().minus(Duration.ofDays(400)));
		for (String path : List.of("/admin/orders", "/admin/staff", "/admin/audit", "/api/v1/admin/orders",
				"/account/api-tokens")) {
			for (String spelling : Attacker.spellings(path)) {
				assertThat(admin.http().get(spelling).statusCode()).as(spelling).isNotEqualTo(200);
			}
		}
	}

	@Test
	void noSpellingOfTheDemoMailboxOpensItToAnotherComputer() {
		for (String spelling : Attacker.spellings("/demo/mails")) {
			HttpResponse<String> page = new Http(this.port).get(spelling, "X-Forwarded-For", "203.0.113.50");
			assertThat(page.statusCode()).as(spelling).isNotEqualTo(200);
		}
		assertThat(new Http(this.port).get("/demo/mails").statusCode()).as("from this computer").isEqualTo(200);
	}

	@Test
	void noSpellingOfAnAccountPageIsServedToAVisitor() {
		for (String path : List.of("/account", "/account/addresses", "/account/security", "/checkout")) {
			for (String spelling : Attacker.spellings(path)) {
				HttpResponse<String> page = new Http(this.port).get(spelling);
				assertThat(page.statusCode()).as(spelling).isNotEqualTo(200);
				assertThat(page.body()).as(spelling).doesNotContain(this.attacker.getEmail());
			}
		}
	}

	private Map<String, String> attackersAddress() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("label", "Chez moi");
		form.put("firstName", "Mallory");
		form.put("lastName", "Attaquant");
		form.put("line1", "1 place de l'Attaquant");
		form.put("postalCode", "75001");
		form.put("city", "Paris");
		form.put("country", "FR");
		return form;
	}

	private Map<String, Object> victimsAddressRow() {
		return this.jdbc.sql("SELECT account_id, line1, city FROM address WHERE id = :id")
			.param("id", this.victimsAddress)
			.query()
			.singleRow();
	}

}
