package fr.dwwm.comptoir.database;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.AccountRoles;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.system.EmbeddedPostgresServer;
import fr.dwwm.comptoir.test.Database;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shop runs as {@code comptoir_app}, which may read and write rows but not change the
 * schema: an SQL injection could not create, alter or drop anything, nor erase the audit
 * log (database/design/roles.sql).
 */
@IntegrationTest
class ApplicationRoleTests {

	private static final String REFUSED = "(?s).*(permission denied|must be owner).*";

	@Autowired
	private EmbeddedPostgresServer server;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private AccountRoles roles;

	@Test
	void theShopConnectsAsTheApplicationRole() {
		assertThat(this.jdbc.sql("SELECT current_user").query(String.class).single())
			.isEqualTo(EmbeddedPostgresServer.APPLICATION_ROLE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE TABLE intruder (id int)", "DROP TABLE product", "DROP TABLE audit_log CASCADE",
			"ALTER TABLE product ADD COLUMN intruder text", "TRUNCATE product CASCADE", "CREATE SCHEMA intruder",
			"CREATE FUNCTION intruder() RETURNS int LANGUAGE sql RETURN 1", "DROP INDEX product_search_idx",
			"CREATE ROLE intruder", "CREATE DATABASE intruder" })
	void theApplicationRoleCannotChangeTheSchema(String ddl) {
		JdbcClient application = Database.asApplication(this.server);
		assertThatThrownBy(() -> application.sql(ddl).update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageMatching(REFUSED);
	}

	@Test
	void theApplicationRoleCanAddToTheAuditLogButNeverChangeOrEraseIt() {
		JdbcClient application = Database.asApplication(this.server);
		application.sql("INSERT INTO audit_log (action, outcome) VALUES ('ROLE_TEST', 'SUCCESS')").update();
		assertThatThrownBy(() -> application.sql("UPDATE audit_log SET outcome = 'FAILURE'").update()).rootCause()
			.hasMessageMatching(REFUSED);
		assertThatThrownBy(() -> application.sql("DELETE FROM audit_log").update()).rootCause()
			.hasMessageMatching(REFUSED);
		assertThat(application.sql("SELECT purge_audit_log(interval '1 day')").query(Integer.class).single())
			.as("the purge never deletes entries younger than six months")
			.isZero();
		assertThat(application.sql("SELECT count(*) FROM audit_log WHERE action = 'ROLE_TEST'")
			.query(Integer.class)
			.single()).isPositive();
	}

	@Test
	void theApplicationRoleNeverChangesNorErasesAnInvoiceOrACreditNote() {
		JdbcClient application = Database.asApplication(this.server);
		for (String table : java.util.List.of("invoice", "credit_note")) {
			// Refused by the privileges themselves, whether rows exist or not.
			assertThatThrownBy(() -> application.sql("UPDATE " + table + " SET number = number").update()).as(table)
				.rootCause()
				.hasMessageMatching(REFUSED);
			assertThatThrownBy(() -> application.sql("DELETE FROM " + table).update()).as(table)
				.rootCause()
				.hasMessageMatching(REFUSED);
			assertThatThrownBy(() -> application.sql("TRUNCATE " + table).update()).as(table)
				.rootCause()
				.hasMessageMatching(REFUSED);
		}
	}

	@Test
	void theApplicationRoleCannotMakeAnyoneAnAdministratorByAnUpdate() {
		Account customer = this.accounts.customer();
		JdbcClient application = Database.asApplication(this.server);
		assertThatThrownBy(() -> application.sql("UPDATE account SET role_code = 'ADMIN' WHERE id = :id")
			.param("id", customer.getId())
			.update()).rootCause().hasMessageMatching(REFUSED);
		assertThat(application.sql("UPDATE account SET first_name = 'Camille' WHERE id = :id")
			.param("id", customer.getId())
			.update()).as("the other columns stay writable").isOne();
	}

	@Test
	void aRoleChangesOnlyThroughTheAuditedFunctionAndOnlyForAnotherAdministrator() {
		Account customer = this.accounts.customer();
		Account editor = this.accounts.create(Role.EDITOR, null);
		Account admin = this.accounts.create(Role.ADMIN, null);
		assertThatThrownBy(() -> this.roles.change(customer.getId(), Role.ADMIN, editor.getId(), "192.0.2.1"))
			.as("an editor asking")
			.rootCause()
			.hasMessageContaining("only an enabled administrator");
		assertThatThrownBy(() -> this.roles.change(admin.getId(), Role.CUSTOMER, admin.getId(), null))
			.as("an administrator's own role")
			.rootCause()
			.hasMessageContaining("own role");

		this.roles.change(customer.getId(), Role.EDITOR, admin.getId(), "192.0.2.1");
		assertThat(roleOf(customer)).isEqualTo("EDITOR");
		assertThat(this.jdbc.sql("""
				SELECT details ->> 'from' || '>' || (details ->> 'to') || '@' || host(ip) FROM audit_log
				WHERE action = 'ROLE_CHANGE' AND actor_account_id = :admin AND target = :target""")
			.param("admin", admin.getId())
			.param("target", "account:" + customer.getId())
			.query(String.class)
			.single()).isEqualTo("CUSTOMER>EDITOR@192.0.2.1");
	}

	private String roleOf(Account account) {
		return this.jdbc.sql("SELECT role_code FROM account WHERE id = :id")
			.param("id", account.getId())
			.query(String.class)
			.single();
	}

	@Test
	void theOwnerRoleOwnsTheSchema() {
		assertThat(Database.asOwner(this.server)
			.sql("SELECT tableowner FROM pg_tables WHERE tablename = 'product'")
			.query(String.class)
			.single()).isEqualTo(EmbeddedPostgresServer.OWNER_ROLE);
	}

}
