package fr.dwwm.comptoir.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import fr.dwwm.comptoir.system.EmbeddedPostgresServer;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One grants script for the migrations and the restore ({@code R__grants.sql}): on a new
 * database migrated from scratch, with a module's schema as {@code ModuleSchemas} makes
 * it, every right of the application role is taken away — as a restore without privileges
 * leaves the database, its functions executable by anyone again — and the script alone
 * must give back exactly the rights the versioned migrations gave: each table, column,
 * sequence, function and schema, granted or refused; run after the migrations, it changes
 * none. A right added by a migration and forgotten in the script fails here;
 * {@code restore.sh} runs the same file and grants nothing of its own.
 */
@IntegrationTest
class GrantsScriptTests {

	private static final Path SCRIPT = Path.of("database", "migration", "R__grants.sql");

	private static final String APP = EmbeddedPostgresServer.APPLICATION_ROLE;

	@Autowired
	private EmbeddedPostgresServer server;

	private final String database = "comptoir_grants_" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void dropTheDatabase() {
		JdbcClient.create(this.server.superuserDataSource())
			.sql("DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)")
			.update();
	}

	@Test
	void theGrantsScriptAloneGivesBackEveryRightTheMigrationsGave() throws Exception {
		JdbcClient owner = migratedDatabase();
		owner.sql("""
				CREATE SCHEMA module_test;
				CREATE TABLE module_test.note (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text);
				CREATE TABLE module_test.flyway_schema_history (version text)""").update();
		// What ModuleSchemas grants when it installs a module.
		owner
			.sql("GRANT USAGE ON SCHEMA module_test TO " + APP
					+ "; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA module_test TO " + APP
					+ "; GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA module_test TO " + APP
					+ "; REVOKE ALL ON module_test.flyway_schema_history FROM " + APP)
			.update();
		List<String> migrated = ApplicationRights.of(owner);
		String script = Files.readString(SCRIPT).replace("${application_role}", APP);
		owner.sql(script).update();
		assertThat(ApplicationRights.of(owner)).as("the script run after the migrations changes no right")
			.isEqualTo(migrated);
		assertThat(migrated).as("the rights of a migrated database")
			.contains("public.invoice INSERT " + APP, "public.account.email UPDATE " + APP,
					"public.product.idempotency_key INSERT " + APP, "module_test.note SELECT " + APP,
					"function change_account_role EXECUTE " + APP)
			.doesNotContain("public.invoice UPDATE " + APP, "public.account UPDATE " + APP,
					"module_test.flyway_schema_history SELECT " + APP, "function watch_content EXECUTE " + APP,
					"function refund_within_invoice EXECUTE PUBLIC");

		// A restore without privileges: nothing granted to the application, functions
		// open to anyone as when they are created.
		owner.sql("REVOKE ALL ON ALL TABLES IN SCHEMA public, module_test FROM " + APP
				+ "; REVOKE ALL ON ALL SEQUENCES IN SCHEMA public, module_test FROM " + APP
				+ "; REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM " + APP
				+ "; GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO PUBLIC; REVOKE USAGE ON SCHEMA module_test FROM "
				+ APP)
			.update();
		assertThat(ApplicationRights.of(owner)).as("the restore took the rights away").isNotEqualTo(migrated);

		owner.sql(script).update();
		assertThat(ApplicationRights.of(owner)).as("the rights given back by the grants script").isEqualTo(migrated);
	}

	@Test
	void theRestoreScriptGrantsThroughTheGrantsScriptAndNothingOfItsOwn() throws Exception {
		String restore = Files.readString(Path.of("database", "scripts", "restore.sh"));
		assertThat(restore).contains("migration/R__grants.sql");
		assertThat(restore.lines().filter((line) -> !line.strip().startsWith("#")))
			.noneMatch((line) -> line.contains("GRANT ") || line.contains("REVOKE "));
	}

	/** A new database made as roles.sql makes it, migrated to the last version. */
	private JdbcClient migratedDatabase() throws Exception {
		JdbcClient superuser = JdbcClient.create(this.server.superuserDataSource());
		superuser
			.sql("CREATE DATABASE " + this.database + " OWNER " + EmbeddedPostgresServer.OWNER_ROLE
					+ " ENCODING 'UTF8' TEMPLATE template0")
			.update();
		superuser.sql("GRANT CONNECT ON DATABASE " + this.database + " TO " + APP).update();
		String roles = Files.readString(Path.of("database/design/roles.sql"));
		String inside = roles.substring(roles.indexOf("\\connect comptoir") + "\\connect comptoir".length());
		JdbcClient admin = JdbcClient.create(dataSource("postgres"));
		for (String statement : inside.replaceAll("(?m)^--.*$", "").split(";")) {
			if (!statement.isBlank()) {
				admin.sql(statement).update();
			}
		}
		// The versioned migrations only: the rights they give are the reference the
		// script is held to (the script itself runs after them in a real migration).
		Flyway.configure()
			.dataSource(dataSource(EmbeddedPostgresServer.OWNER_ROLE))
			.locations(VersionedMigrations.location())
			.placeholders(Map.of("application_role", APP))
			.load()
			.migrate();
		return JdbcClient.create(dataSource(EmbeddedPostgresServer.OWNER_ROLE));
	}

	private DataSource dataSource(String role) {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
		dataSource.setDriverClass(org.postgresql.Driver.class);
		dataSource.setUrl(this.server.jdbcUrl(this.database));
		dataSource.setUsername(role);
		dataSource.setPassword("");
		return dataSource;
	}

}
