package fr.dwwm.comptoir.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL when no {@code spring.datasource.url} (or
 * {@code SPRING_DATASOURCE_URL}) is set, and hands its coordinates to Spring Boot, whose
 * own connection pool, Flyway, JPA and health check then run unchanged.
 *
 * <p>
 * As on a real server, Flyway connects as the owner role and the application as the
 * least-privileged role.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "")
	EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
		// Shared by the whole JVM and closed by its own shutdown hook, not by a context
		// (Zonky registers it when the server starts); hence no destroy method, which
		// Spring
		// would otherwise infer from close().
		return EmbeddedPostgresServer.shared(properties);
	}

	@Bean
	JdbcConnectionDetails embeddedJdbcConnectionDetails(EmbeddedPostgresServer server) {
		return new ApplicationConnection(server.jdbcUrl(EmbeddedPostgresServer.DATABASE));
	}

	@Bean
	FlywayConnectionDetails embeddedFlywayConnectionDetails(EmbeddedPostgresServer server) {
		return new MigrationConnection(server.jdbcUrl(EmbeddedPostgresServer.DATABASE));
	}

	// The embedded server only listens on localhost and trusts local connections, so
	// the roles need no password there (a real server gets them from the environment).

	private record ApplicationConnection(String jdbcUrl) implements JdbcConnectionDetails {

		@Override
		public String getJdbcUrl() {
			return this.jdbcUrl;
		}

		@Override
		public String getUsername() {
			return EmbeddedPostgresServer.APPLICATION_ROLE;
		}

		@Override
		public String getPassword() {
			return null;
		}

	}

	private record MigrationConnection(String jdbcUrl) implements FlywayConnectionDetails {

		@Override
		public String getJdbcUrl() {
			return this.jdbcUrl;
		}

		@Override
		public String getUsername() {
			return EmbeddedPostgresServer.OWNER_ROLE;
		}

		@Override
		public String getPassword() {
			return null;
		}

	}

}
