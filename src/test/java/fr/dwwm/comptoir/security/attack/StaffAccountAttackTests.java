package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on the staff accounts: an editor who invites an administrator or promotes
 * themselves; an administrator's invitation carrying extra fields (an account already
 * verified, a password, a disabled flag); an administrator's role change naming a
 * customer, or a role that is not a staff role.
 */
@IntegrationTest
class StaffAccountAttackTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anEditorNeitherInvitesAnAdministratorNorPromotesThemselves() {
		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		String email = unique("intrus");
		HttpResponse<String> invite = editor.http()
			.postForm("/admin", "/admin/staff",
					Map.of("email", email, "firstName", "Mallory", "lastName", "Intrus", "role", "ADMIN"));
		assertThat(invite.statusCode()).isEqualTo(403);
		HttpResponse<String> promote = editor.http()
			.postForm("/admin", "/admin/staff/" + editor.account().getId() + "/role", Map.of("role", "ADMIN"));
		assertThat(promote.statusCode()).isEqualTo(403);
		assertThat(this.jdbc.sql("SELECT count(*) FROM account WHERE email = :email")
			.param("email", email)
			.query(Integer.class)
			.single()).isZero();
		assertThat(role(editor.account().getId())).isEqualTo("EDITOR");
	}

	@Test
	void anInvitationsExtraFieldsNeitherVerifyTheAccountNorSetItsPassword() {
		StaffLogin admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port);
		String email = unique("invite");
		Map<String, String> form = new LinkedHashMap<>(
				Map.of("email", email, "firstName", "Élise", "lastName", "Fontaine", "role", "EDITOR"));
		form.putAll(Map.of("password", TestAccounts.PASSWORD, "passwordHash", "x", "emailVerifiedAt",
				"2026-01-01T00:00:00Z", "enabled", "false", "id", "1"));
		admin.http().postForm("/admin/staff", "/admin/staff", form);

		Map<String, Object> row = this.jdbc.sql("""
				SELECT enabled, email_verified_at IS NULL AS unverified, role_code FROM account WHERE email = :email""")
			.param("email", email)
			.query()
			.singleRow();
		assertThat(row).containsEntry("enabled", true)
			.containsEntry("unverified", true)
			.containsEntry("role_code", "EDITOR");
		assertThat(new fr.dwwm.comptoir.test.Http(this.port).login(email, TestAccounts.PASSWORD)
			.headers()
			.firstValue("Location")).as("the password sent with the form opens nothing")
			.hasValueSatisfying((location) -> assertThat(location).contains("error"));
	}

	@Test
	void aRoleChangeNamingACustomerOrARoleThatIsNotStaffChangesNothing() {
		StaffLogin admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port);
		Account customer = this.accounts.customer();
		Account editor = this.accounts.create(Role.EDITOR, null);
		admin.http().postForm("/admin/staff", "/admin/staff/" + customer.getId() + "/role", Map.of("role", "ADMIN"));
		admin.http().postForm("/admin/staff", "/admin/staff/" + editor.getId() + "/role", Map.of("role", "CUSTOMER"));
		admin.http()
			.postForm("/admin/staff", "/admin/staff/" + editor.getId() + "/role", Map.of("role", "ADMIN' OR '1'='1"));
		assertThat(role(customer.getId())).isEqualTo("CUSTOMER");
		assertThat(role(editor.getId())).isEqualTo("EDITOR");
	}

	private String role(long accountId) {
		return this.jdbc.sql("SELECT role_code FROM account WHERE id = :id")
			.param("id", accountId)
			.query(String.class)
			.single();
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
	}

}
