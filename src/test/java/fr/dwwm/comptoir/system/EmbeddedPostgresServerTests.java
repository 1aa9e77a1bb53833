package fr.dwwm.comptoir.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL behind {@code ./mvnw spring-boot:run}: a real server whose data
 * survives restarts, prepared with the same roles as production.
 */
class EmbeddedPostgresServerTests {

	@TempDir
	Path dataDirectory;

	@Test
	void keepsItsDataAcrossRestarts() throws SQLException {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(keptIn(this.dataDirectory))) {
			execute(server, EmbeddedPostgresServer.OWNER_ROLE,
					"CREATE TABLE restart_check (word text); INSERT INTO restart_check VALUES ('persisted')");
		}
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(keptIn(this.dataDirectory))) {
			assertThat(queryOne(server, EmbeddedPostgresServer.OWNER_ROLE, "SELECT word FROM restart_check"))
				.isEqualTo("persisted");
		}
	}

	@Test
	void createsTheShopDatabaseOwnedByTheOwnerRole() throws SQLException {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(keptIn(this.dataDirectory))) {
			assertThat(queryOne(server, EmbeddedPostgresServer.APPLICATION_ROLE,
					"SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
				.isEqualTo(EmbeddedPostgresServer.OWNER_ROLE);
			assertThat(queryOne(server, EmbeddedPostgresServer.APPLICATION_ROLE,
					"SELECT rolsuper::text || rolcreaterole::text || rolcreatedb::text FROM pg_roles WHERE rolname = current_user"))
				.as("the application role is neither superuser nor able to create roles or databases")
				.isEqualTo("falsefalsefalse");
		}
	}

	@Test
	void takesOverFromAServerLeftRunningByAKilledJvm() throws Exception {
		Process orphanMaker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), OrphanedServerLauncher.class.getName(),
				this.dataDirectory.toString())
			.redirectErrorStream(true)
			.redirectOutput(Path.of("target", "orphaned-server-launcher.log").toFile())
			.start();
		assertThat(orphanMaker.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(orphanMaker.exitValue()).as("the launcher JVM halted on purpose")
			.isEqualTo(OrphanedServerLauncher.HALTED);
		assertThat(this.dataDirectory.resolve("postmaster.pid")).as("the orphaned postmaster still runs").exists();

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(keptIn(this.dataDirectory))) {
			assertThat(queryOne(server, EmbeddedPostgresServer.OWNER_ROLE, "SELECT word FROM orphan_check"))
				.isEqualTo("before the crash");
		}
		assertThat(Files.exists(this.dataDirectory.resolve("postmaster.pid"))).isFalse();
	}

	static EmbeddedDatabaseProperties keptIn(Path directory) {
		return new EmbeddedDatabaseProperties(directory, 0, false);
	}

	private static void execute(EmbeddedPostgresServer server, String role, String sql) throws SQLException {
		try (Connection connection = connect(server, role); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String queryOne(EmbeddedPostgresServer server, String role, String sql) throws SQLException {
		try (Connection connection = connect(server, role);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

	private static Connection connect(EmbeddedPostgresServer server, String role) throws SQLException {
		return DriverManager.getConnection(server.jdbcUrl(EmbeddedPostgresServer.DATABASE), role, "");
	}

}
