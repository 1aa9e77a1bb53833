package fr.dwwm.comptoir.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import fr.dwwm.comptoir.ComptoirApplication;
import fr.dwwm.comptoir.system.EmbeddedDatabaseProperties;
import fr.dwwm.comptoir.system.EmbeddedPostgresServer;
import fr.dwwm.comptoir.test.ExternalDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo shop as {@code ./mvnw spring-boot:run} gives it to a trainer the first time: a
 * new, empty PostgreSQL cluster of its own, the migrations and the demo data only (never
 * a test's data), the demo modules, pictures and accounts of the README. Mails leave the
 * outbox within a second, as a trainer opens the demo mailbox right after paying.
 */
final class FreshDemoShop implements AutoCloseable {

	static final String CUSTOMER = "client@comptoir.test";

	static final String CUSTOMER_PASSWORD = "Tartine-beurre-miel-2026";

	static final String ADMIN = "admin@comptoir.test";

	static final String ADMIN_PASSWORD = "Moulin-a-poivre-en-bois-de-hetre";

	static final String ADMIN_SECRET = "COMPTOIRADMINDEMOAAAAAAAAAAAAAAA";

	private final EmbeddedPostgresServer database;

	private final ConfigurableApplicationContext context;

	private FreshDemoShop(EmbeddedPostgresServer database, ConfigurableApplicationContext context) {
		this.database = database;
		this.context = context;
	}

	/**
	 * Starts a demo shop on a new cluster.
	 * @return the running shop, to close when done
	 */
	static FreshDemoShop start() {
		EmbeddedPostgresServer database;
		try {
			database = EmbeddedPostgresServer.start(
					new EmbeddedDatabaseProperties(Files.createTempDirectory("comptoir-demo").resolve("pg"), 0, true));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// Command-line arguments, which win over application-test.properties.
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ComptoirApplication.class)
			.environment(ExternalDatabase.of(database))
			.profiles("test")
			.run("--server.port=0", "--spring.main.banner-mode=off", "--app.mail.send-interval=1s");
		return new FreshDemoShop(database, context);
	}

	int port() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
		this.database.close();
	}

}
