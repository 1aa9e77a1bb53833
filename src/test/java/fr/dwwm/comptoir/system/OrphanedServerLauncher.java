package fr.dwwm.comptoir.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link EmbeddedPostgresServerTests}: starts the embedded server,
 * writes a row, then dies like a {@code kill -9} would, leaving the postmaster running.
 */
public final class OrphanedServerLauncher {

	static final int HALTED = 42;

	private OrphanedServerLauncher() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer
			.start(new EmbeddedDatabaseProperties(Path.of(args[0]), 0, false));
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(EmbeddedPostgresServer.DATABASE),
				EmbeddedPostgresServer.OWNER_ROLE, ""); Statement statement = connection.createStatement()) {
			statement
				.execute("CREATE TABLE orphan_check (word text); INSERT INTO orphan_check VALUES ('before the crash')");
		}
		// No shutdown hook runs, as when the JVM is killed.
		Runtime.getRuntime().halt(HALTED);
	}

}
