package fr.dwwm.comptoir.test;

import java.util.Map;

import fr.dwwm.comptoir.system.EmbeddedPostgresServer;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment of a shop started as in production on a PostgreSQL server of its own:
 * {@code SPRING_DATASOURCE_URL} and the two roles' variables, as
 * {@code docker-compose.yml} gives them, and nothing else from this machine's
 * environment. For the tests that start a second shop on another server (an outage, a
 * restore, an external database).
 */
public final class ExternalDatabase {

	private ExternalDatabase() {
	}

	/**
	 * An environment whose variables name the server's {@code comptoir} database, the
	 * application role for the shop and the owner role for Flyway.
	 * @param server the server, prepared by {@code roles.sql}
	 * @return the environment, to give to a {@code SpringApplicationBuilder}
	 */
	public static StandardEnvironment of(EmbeddedPostgresServer server) {
		Map<String, Object> variables = Map.of("SPRING_DATASOURCE_URL", server.jdbcUrl(EmbeddedPostgresServer.DATABASE),
				"SPRING_DATASOURCE_USERNAME", EmbeddedPostgresServer.APPLICATION_ROLE, "SPRING_DATASOURCE_PASSWORD", "",
				"SPRING_FLYWAY_USER", EmbeddedPostgresServer.OWNER_ROLE, "SPRING_FLYWAY_PASSWORD", "");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return environment;
	}

}
