package fr.dwwm.comptoir.test;

import javax.sql.DataSource;

import fr.dwwm.comptoir.system.EmbeddedPostgresServer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Connections to the test database under each of its roles, for tests that check what a
 * role may or may not do. The application itself always runs as
 * {@link EmbeddedPostgresServer#APPLICATION_ROLE}.
 */
public final class Database {

	private Database() {
	}

	/**
	 * Connects as the owner role, which runs the migrations.
	 * @param server the embedded server of the test JVM
	 * @return a client without a pool (one connection per statement)
	 */
	public static JdbcClient asOwner(EmbeddedPostgresServer server) {
		return JdbcClient.create(dataSource(server, EmbeddedPostgresServer.OWNER_ROLE));
	}

	/**
	 * Connects as the application role, outside the application's pool.
	 * @param server the embedded server of the test JVM
	 * @return a client without a pool
	 */
	public static JdbcClient asApplication(EmbeddedPostgresServer server) {
		return JdbcClient.create(dataSource(server, EmbeddedPostgresServer.APPLICATION_ROLE));
	}

	/**
	 * A data source for one role of the shop's database.
	 * @param server the embedded server
	 * @param role the role
	 * @return a data source opening a new connection each time
	 */
	public static DataSource dataSource(EmbeddedPostgresServer server, String role) {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
		dataSource.setDriverClass(org.postgresql.Driver.class);
		dataSource.setUrl(server.jdbcUrl(EmbeddedPostgresServer.DATABASE));
		dataSource.setUsername(role);
		dataSource.setPassword("");
		return dataSource;
	}

}
