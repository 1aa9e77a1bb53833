package fr.dwwm.comptoir.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import fr.dwwm.comptoir.ComptoirApplication;
import fr.dwwm.comptoir.test.ExternalDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code SPRING_DATASOURCE_URL} set, the shop uses that server, migrates it as the
 * owner role, runs as the application role, and starts no embedded PostgreSQL.
 */
class ExternalDatabaseTests {

	@TempDir
	Path dataDirectory;

	@Test
	void theShopUsesTheServerGivenInTheEnvironment() throws SQLException {
		// A second, independent server stands for the production PostgreSQL; start()
		// prepares it with database/design/roles.sql as an administrator would.
		try (EmbeddedPostgresServer external = EmbeddedPostgresServer
			.start(new EmbeddedDatabaseProperties(this.dataDirectory, 0, true))) {
			try (ConfigurableApplicationContext shop = new SpringApplicationBuilder(ComptoirApplication.class)
				.environment(ExternalDatabase.of(external))
				.properties("server.port=0")
				.run()) {
				assertThat(shop.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
				try (Connection connection = shop.getBean(DataSource.class).getConnection();
						Statement statement = connection.createStatement();
						ResultSet result = statement.executeQuery(
								"SELECT current_user, inet_server_port(), (SELECT count(*) FROM flyway_schema_history WHERE success)")) {
					assertThat(result.next()).isTrue();
					assertThat(result.getString(1)).isEqualTo(EmbeddedPostgresServer.APPLICATION_ROLE);
					assertThat(result.getInt(2)).isEqualTo(external.port());
					assertThat(result.getInt(3)).as("migrations applied on the external server").isPositive();
				}
			}
		}
	}

}
