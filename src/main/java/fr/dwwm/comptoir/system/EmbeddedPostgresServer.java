package fr.dwwm.comptoir.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.util.StreamUtils;

/**
 * A real PostgreSQL 17 server started from the binaries shipped by zonky, so that the
 * shop and its tests need nothing installed but a JDK.
 *
 * <p>
 * On first start it creates the cluster, then applies {@code database/design/roles.sql}
 * exactly as an administrator would on a real server: the {@code comptoir} database, the
 * owner role that runs migrations and the application role that only reads and writes
 * data. Later starts reuse the cluster, so the demo data survives restarts.
 *
 * <p>
 * One server is shared by the whole JVM ({@link #shared}): every Spring test context
 * connects to the same one instead of starting its own.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	/** Name of the shop's database, created by {@code roles.sql}. */
	public static final String DATABASE = "comptoir";

	/** Role that owns the schema and runs Flyway migrations. */
	public static final String OWNER_ROLE = "comptoir_owner";

	/** Role the application connects with at run time: data rights only. */
	public static final String APPLICATION_ROLE = "comptoir_app";

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final String ROLES_SCRIPT = "db/design/roles.sql";

	private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

	private static EmbeddedPostgresServer shared;

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	/**
	 * Returns the server of this JVM, starting it on first call.
	 * @param properties where and how to start it
	 * @return the running server
	 */
	public static synchronized EmbeddedPostgresServer shared(EmbeddedDatabaseProperties properties) {
		if (shared == null) {
			shared = start(properties);
		}
		return shared;
	}

	/**
	 * Starts a server with its own lifecycle; the caller closes it.
	 * @param properties where and how to start it
	 * @return the running server, with the shop's database and roles in place
	 */
	public static EmbeddedPostgresServer start(EmbeddedDatabaseProperties properties) {
		Path dataDirectory = properties.dataDir().toAbsolutePath().normalize();
		try {
			Files.createDirectories(dataDirectory.getParent());
			stopOrphanedServer(dataDirectory);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(properties.clean())
				.setPort(properties.port())
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dataDirectory);
			server.createDatabaseAndRolesIfMissing();
			if (properties.clean()) {
				logger.info("Embedded PostgreSQL started on port {} with a throw-away cluster in {}", server.port(),
						dataDirectory);
			}
			else {
				logger.info(
						"Embedded PostgreSQL started on port {} with its data in {}"
								+ " (to reset the demo database, stop the shop and delete that folder)",
						server.port(), dataDirectory);
			}
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	/**
	 * Returns the TCP port the server listens on (localhost only).
	 * @return the port
	 */
	public int port() {
		return this.postgres.getPort();
	}

	/**
	 * Returns the directory holding the cluster's files.
	 * @return the data directory
	 */
	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/**
	 * Returns the JDBC URL of a database of this server.
	 * @param database the database name
	 * @return a URL without credentials
	 */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port() + "/" + database;
	}

	/**
	 * Returns a connection source to the {@code postgres} database as superuser, for
	 * administration tasks only.
	 * @return a superuser data source
	 */
	public DataSource superuserDataSource() {
		return this.postgres.getPostgresDatabase();
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void createDatabaseAndRolesIfMissing() {
		DataSource admin = superuserDataSource();
		try (Connection connection = admin.getConnection();
				PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			query.setString(1, DATABASE);
			try (ResultSet result = query.executeQuery()) {
				if (result.next()) {
					return;
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not inspect the embedded PostgreSQL", ex);
		}
		logger.info("Creating the {} database and its roles from {}", DATABASE, ROLES_SCRIPT);
		applyRolesScript(this, readRolesScript());
	}

	/**
	 * Runs {@code roles.sql} on a server as its superuser. The script is written for
	 * {@code psql}; its {@code \connect} lines switch database here as they do there.
	 * @param server the server to prepare
	 * @param script the script text
	 */
	static void applyRolesScript(EmbeddedPostgresServer server, String script) {
		String database = "postgres";
		for (String section : splitOnConnect(script)) {
			if (section.startsWith("\\connect ")) {
				database = section.substring("\\connect ".length()).trim();
				continue;
			}
			DataSource dataSource = "postgres".equals(database) ? server.superuserDataSource()
					: server.postgres.getDatabase("postgres", database);
			try (Connection connection = dataSource.getConnection()) {
				ScriptUtils.executeSqlScript(connection,
						new ByteArrayResource(section.getBytes(StandardCharsets.UTF_8), ROLES_SCRIPT));
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not apply " + ROLES_SCRIPT + " to the embedded PostgreSQL", ex);
			}
		}
	}

	private static List<String> splitOnConnect(String script) {
		List<String> sections = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : script.split("\n", -1)) {
			if (line.startsWith("\\connect ")) {
				sections.add(current.toString());
				sections.add(line.trim());
				current.setLength(0);
			}
			else if (!line.startsWith("\\")) {
				current.append(line).append('\n');
			}
		}
		sections.add(current.toString());
		return sections;
	}

	static String readRolesScript() {
		try (var in = new ClassPathResource(ROLES_SCRIPT).getInputStream()) {
			return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing " + ROLES_SCRIPT + " on the classpath", ex);
		}
	}

	/**
	 * After a {@code kill -9} of the JVM the postmaster keeps running and holds the data
	 * directory; stop it so that this start can take over.
	 */
	private static void stopOrphanedServer(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		Optional<ProcessHandle> orphan = Files.readAllLines(pidFile)
			.stream()
			.findFirst()
			.map(String::trim)
			.filter((line) -> line.matches("\\d+"))
			.flatMap((pid) -> ProcessHandle.of(Long.parseLong(pid)))
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().command().map((c) -> c.contains("postgres")).orElse(false));
		if (orphan.isEmpty()) {
			return;
		}
		ProcessHandle process = orphan.get();
		logger.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left running in {}", process.pid(),
				dataDirectory);
		process.destroy();
		try {
			process.onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			process.destroyForcibly();
		}
	}

}
