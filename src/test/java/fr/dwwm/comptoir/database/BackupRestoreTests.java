package fr.dwwm.comptoir.database;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import fr.dwwm.comptoir.ComptoirApplication;
import fr.dwwm.comptoir.system.EmbeddedDatabaseProperties;
import fr.dwwm.comptoir.system.EmbeddedPostgresServer;
import fr.dwwm.comptoir.test.ExternalDatabase;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup and restore of {@code database/scripts} run for real (CP5): the demo
 * database is dumped by {@code backup.sh}, restored by {@code restore.sh} into a new,
 * empty cluster prepared by {@code roles.sql}, and a shop started on it finds the
 * application role's rights exactly as the migrations gave them, the modules' own schemas
 * included, and shows a module's content.
 *
 * <p>
 * {@code pg_dump} refuses a server newer than itself, so the test needs PostgreSQL 17's
 * client: {@code PG_CLIENT_BIN} names its folder ({@code .ci/pg-client-17} finds or
 * installs it; CI sets both that and {@code PG_CLIENT_REQUIRED=true}, which turns its
 * absence into a failure). Without it the test is skipped, as the browser tests are
 * without Chromium.
 */
@IntegrationTest
class BackupRestoreTests {

	private static final String REVIEW_TITLE = "Relu après restauration";

	@Autowired
	private EmbeddedPostgresServer server;

	@Autowired
	private JdbcClient jdbc;

	@TempDir
	Path folder;

	@Test
	void aBackupRestoredIntoAnEmptyClusterGivesAShopWithTheMigratedRightsAndTheModulesContent() throws Exception {
		Path client = postgresql17Client();
		String slug = this.jdbc.sql("SELECT slug FROM product WHERE active AND sku LIKE 'EPI-%' ORDER BY id LIMIT 1")
			.query(String.class)
			.single();
		// Content in a module's own schema (module_reviews), to be found on the restored
		// shop.
		this.jdbc
			.sql("""
					INSERT INTO module_reviews.review (product_id, account_id, author_name, rating, title, body, status, moderated_at)
					SELECT p.id, a.id, 'Camille D.', 5, :title, 'Un avis écrit avant la sauvegarde.', 'APPROVED', now()
					FROM product p, account a WHERE p.slug = :slug AND a.email = 'client@comptoir.test'
					ON CONFLICT (product_id, account_id) DO UPDATE SET title = excluded.title""")
			.param("title", REVIEW_TITLE)
			.param("slug", slug)
			.update();
		try {
			List<String> migrated = ApplicationRights.of(owner(this.server));
			assertThat(migrated).as("the modules' schemas are part of the reference")
				.contains("module_reviews.review SELECT " + EmbeddedPostgresServer.APPLICATION_ROLE)
				.doesNotContain(
						"module_reviews.flyway_schema_history SELECT " + EmbeddedPostgresServer.APPLICATION_ROLE);

			Path backup = this.folder.resolve("comptoir.dump");
			assertThat(run(client, this.server.port(), "backup.sh", backup.toString()).exitCode()).isZero();
			assertThat(backup).isNotEmptyFile();

			try (EmbeddedPostgresServer restored = EmbeddedPostgresServer
				.start(new EmbeddedDatabaseProperties(this.folder.resolve("new-cluster"), 0, true))) {
				ScriptRun restore = run(client, restored.port(), "restore.sh", backup.toString());
				assertThat(restore.exitCode()).as(restore.output()).isZero();
				assertThat(ApplicationRights.of(owner(restored))).as("the rights after the restore")
					.isEqualTo(migrated);

				ScriptRun again = run(client, restored.port(), "restore.sh", backup.toString());
				assertThat(again.exitCode()).as("a second restore into the same database").isEqualTo(1);
				assertThat(again.output()).contains("is not empty");

				try (ConfigurableApplicationContext shop = shopOn(restored)) {
					int port = ((WebServerApplicationContext) shop).getWebServer().getPort();
					HttpResponse<String> page = HttpClient.newHttpClient()
						.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/products/" + slug))
							.build(), HttpResponse.BodyHandlers.ofString());
					assertThat(page.statusCode()).isEqualTo(200);
					assertThat(page.body()).as("the reviews module's content, from its restored schema")
						.contains(REVIEW_TITLE);
				}
			}
		}
		finally {
			this.jdbc.sql("DELETE FROM module_reviews.review WHERE title = :title")
				.param("title", REVIEW_TITLE)
				.update();
		}
	}

	/** The shop started as in production on the restored server: no migration to run. */
	private static ConfigurableApplicationContext shopOn(EmbeddedPostgresServer restored) {
		return new SpringApplicationBuilder(ComptoirApplication.class).environment(ExternalDatabase.of(restored))
			.profiles("test")
			.properties("server.port=0", "spring.flyway.validate-on-migrate=true")
			.run();
	}

	private static JdbcClient owner(EmbeddedPostgresServer server) {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
		dataSource.setDriverClass(org.postgresql.Driver.class);
		dataSource.setUrl(server.jdbcUrl(EmbeddedPostgresServer.DATABASE));
		dataSource.setUsername(EmbeddedPostgresServer.OWNER_ROLE);
		dataSource.setPassword("");
		return JdbcClient.create((DataSource) dataSource);
	}

	/** Runs one of database/scripts as an operator would, with libpq's variables. */
	private static ScriptRun run(Path client, int port, String script, String argument)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("bash", Path.of("database", "scripts", script).toString(), argument)
			.redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.put("PATH", client + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
		environment.put("PGHOST", "localhost");
		environment.put("PGPORT", Integer.toString(port));
		environment.put("PGUSER", EmbeddedPostgresServer.OWNER_ROLE);
		environment.put("PGDATABASE", EmbeddedPostgresServer.DATABASE);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(script + " ended").isTrue();
		return new ScriptRun(process.exitValue(), output);
	}

	/**
	 * The folder of PostgreSQL 17's {@code pg_dump}, {@code pg_restore} and {@code psql},
	 * or the test skipped (failed when {@code PG_CLIENT_REQUIRED=true}).
	 */
	private static Path postgresql17Client() throws IOException, InterruptedException {
		String named = System.getenv("PG_CLIENT_BIN");
		Path folder = (named != null && !named.isBlank()) ? Path.of(named) : null;
		boolean found = folder != null && Files.isExecutable(folder.resolve("pg_dump"))
				&& version(folder.resolve("pg_dump")).matches("(?s).* (1[7-9]|[2-9][0-9])\\..*");
		if (!found) {
			String message = "PostgreSQL 17's client is needed: set PG_CLIENT_BIN to the folder printed by .ci/pg-client-17";
			if (Boolean.parseBoolean(System.getenv("PG_CLIENT_REQUIRED"))) {
				throw new AssertionError(message);
			}
			Assumptions.abort(message);
		}
		return folder;
	}

	private static String version(Path program) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(program.toString(), "--version").redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor(30, TimeUnit.SECONDS);
		return output;
	}

	private record ScriptRun(int exitCode, String output) {
	}

}
