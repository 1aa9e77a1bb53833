package fr.dwwm.comptoir.admin;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers and the audit log in the back-office, through Tomcat, as an administrator
 * with a second factor: search, disabling that ends the customer's sessions at once,
 * anonymisation on request, the rules that protect staff accounts, and the audit trail of
 * it all.
 */
@IntegrationTest
class AdminCustomerTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	private StaffLogin admin;

	@BeforeEach
	void login() {
		this.admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port);
	}

	@Test
	void theSearchFindsACustomerByPartOfTheirEmailWhateverTheCase() {
		Account customer = this.accounts.customer();
		Account other = this.accounts.customer();
		String part = customer.getEmail().substring("customer-".length(), "customer-".length() + 13).toUpperCase();
		HttpResponse<String> page = this.admin.http().get("/admin/customers?q=" + encode(part));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(customer.getEmail()).doesNotContain(other.getEmail());
	}

	@Test
	void anAdministratorFindsACustomerByAnAddressTheyLeftAndTheirPageListsIt() {
		Account customer = this.accounts.customer();
		String formerEmail = "ancienne-" + UUID.randomUUID() + "@exemple.test";
		this.jdbc.sql("INSERT INTO account_former_email (account_id, email) VALUES (:id, :email)")
			.param("id", customer.getId())
			.param("email", formerEmail)
			.update();
		HttpResponse<String> found = this.admin.http().get("/admin/customers?q=" + encode(formerEmail.toUpperCase()));
		assertThat(found.body()).as("someone writing from the address an account left").contains(customer.getEmail());
		assertThat(this.admin.http().get("/admin/customers/" + customer.getId()).body()).contains(formerEmail);
	}

	@Test
	void wildcardsTypedInTheSearchAreTakenLiterally() {
		Account customer = this.accounts.customer();
		String uuid = customer.getEmail().substring("customer-".length(), "customer-".length() + 8);
		assertThat(this.admin.http().get("/admin/customers?q=" + encode("customer_" + uuid)).body())
			.doesNotContain(customer.getEmail());
		assertThat(this.admin.http().get("/admin/customers?q=" + encode("customer%" + uuid)).body())
			.doesNotContain(customer.getEmail());
		assertThat(this.admin.http().get("/admin/customers?q=" + encode("customer-" + uuid)).body())
			.contains(customer.getEmail());
	}

	@Test
	void disablingACustomerEndsTheirOpenSessionAtOnceAndTheyCanNoLongerLogIn() {
		Account customer = this.accounts.customer();
		Http customerBrowser = new Http(this.port);
		customerBrowser.login(customer.getEmail(), TestAccounts.PASSWORD);
		assertThat(customerBrowser.get("/account").statusCode()).isEqualTo(200);

		HttpResponse<String> disabled = post(customer, "disable", Map.of());
		assertThat(disabled.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/admin/customers/" + customer.getId()));
		assertThat(follow(disabled).body()).contains("Le compte est désactivé");

		HttpResponse<String> afterwards = customerBrowser.get("/account");
		assertThat(afterwards.statusCode()).as("the open session has ended").isEqualTo(302);
		assertThat(afterwards.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
		assertThat(
				new Http(this.port).login(customer.getEmail(), TestAccounts.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?disabled"));
		assertThat(enabled(customer)).isFalse();
	}

	@Test
	void anEnabledAgainCustomerCanLogInAgain() {
		Account customer = this.accounts.customer();
		post(customer, "disable", Map.of());
		post(customer, "enable", Map.of());
		assertThat(enabled(customer)).isTrue();
		assertThat(
				new Http(this.port).login(customer.getEmail(), TestAccounts.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("/login"));
	}

	@Test
	void anAdministratorCannotDisableTheirOwnAccount() {
		Account own = this.admin.account();
		HttpResponse<String> refused = post(own, "disable", Map.of());
		assertThat(follow(refused).body()).contains("Vous ne pouvez ni désactiver ni anonymiser votre propre compte");
		assertThat(enabled(own)).isTrue();
		assertThat(this.admin.http().get("/admin").statusCode()).as("still logged in").isEqualTo(200);
	}

	@Test
	void anAdministratorCannotDisableOrAnonymiseAnotherStaffAccount() {
		Account editor = this.accounts.create(Role.EDITOR, null);
		assertThat(follow(post(editor, "disable", Map.of())).body()).contains("membre du personnel");
		post(editor, "anonymise", Map.of("confirm", "true"));
		Map<String, Object> row = this.jdbc.sql("SELECT email, enabled FROM account WHERE id = :id")
			.param("id", editor.getId())
			.query()
			.singleRow();
		assertThat(row).containsEntry("email", editor.getEmail()).containsEntry("enabled", true);
	}

	@Test
	void anonymisingACustomerErasesTheirNameAndEmailOnceConfirmed() {
		Account customer = this.accounts.customer();
		post(customer, "anonymise", Map.of());
		assertThat(this.jdbc.sql("SELECT email FROM account WHERE id = :id")
			.param("id", customer.getId())
			.query(String.class)
			.single()).as("nothing is erased without the confirmation").isEqualTo(customer.getEmail());

		HttpResponse<String> anonymised = post(customer, "anonymise", Map.of("confirm", "true"));
		assertThat(follow(anonymised).body()).contains("Le compte est anonymisé");
		Map<String, Object> row = this.jdbc
			.sql("SELECT email, first_name, last_name, enabled, anonymised_at FROM account WHERE id = :id")
			.param("id", customer.getId())
			.query()
			.singleRow();
		assertThat(row.get("email")).isNull();
		assertThat(row.get("first_name")).isNull();
		assertThat(row.get("last_name")).isNull();
		assertThat(row.get("enabled")).isEqualTo(false);
		assertThat(row.get("anonymised_at")).isNotNull();
		String part = customer.getEmail().substring("customer-".length(), "customer-".length() + 13);
		assertThat(this.admin.http().get("/admin/customers?q=" + encode(part)).body())
			.doesNotContain(customer.getEmail())
			.contains("Aucun compte");
		assertThat(
				new Http(this.port).login(customer.getEmail(), TestAccounts.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
	}

	@Test
	void theAuditLogListsTheDisablingAndFiltersByAction() {
		Account customer = this.accounts.customer();
		post(customer, "disable", Map.of());
		String target = "account:" + customer.getId() + "<";

		HttpResponse<String> disablings = this.admin.http()
			.get("/admin/audit?action=CUSTOMER_DISABLE&actor=" + encode(this.admin.account().getEmail()));
		assertThat(disablings.statusCode()).isEqualTo(200);
		assertThat(disablings.body()).contains(">CUSTOMER_DISABLE<").contains(target);
		assertThat(this.admin.http().get("/admin/audit?action=customer_*").body()).as("an action prefix")
			.contains(target);
		assertThat(this.admin.http().get("/admin/audit?action=LOGIN").body()).doesNotContain(">CUSTOMER_DISABLE<")
			.doesNotContain(target);
		assertThat(this.admin.http().get("/admin/audit?action=CUSTOMER_DISABLE&outcome=FAILURE").body())
			.doesNotContain(target);
	}

	@Test
	void anEditorGets403OnTheCustomersAndTheAuditLog() {
		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		assertThat(editor.http().get("/admin").statusCode()).as("logged in with a second factor").isEqualTo(200);
		assertThat(editor.http().get("/admin/customers").statusCode()).isEqualTo(403);
		assertThat(editor.http().get("/admin/customers/" + editor.account().getId()).statusCode()).isEqualTo(403);
		assertThat(editor.http().get("/admin/audit").statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> post(Account account, String action, Map<String, String> fields) {
		return this.admin.http()
			.postForm("/admin/customers/" + account.getId(), "/admin/customers/" + account.getId() + "/" + action,
					fields);
	}

	/** Opens the page a response redirects to, with the same session. */
	private HttpResponse<String> follow(HttpResponse<String> redirect) {
		String location = redirect.headers().firstValue("Location").orElseThrow();
		return this.admin.http().get(location.replaceFirst("^https?://[^/]+", ""));
	}

	private boolean enabled(Account account) {
		return this.jdbc.sql("SELECT enabled FROM account WHERE id = :id")
			.param("id", account.getId())
			.query(Boolean.class)
			.single();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
