package fr.dwwm.comptoir.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The versioned migrations alone, without the grants script ({@code R__grants.sql}),
 * which runs after every migration and names today's tables and columns: for a database
 * migrated to an older version, or whose rights are compared with the script's.
 */
final class VersionedMigrations {

	private VersionedMigrations() {
	}

	/**
	 * Copies {@code database/migration/V*.sql} to a new folder.
	 * @return a Flyway location, {@code filesystem:<folder>}
	 * @throws IOException if a file cannot be copied
	 */
	static String location() throws IOException {
		Path versioned = Files.createTempDirectory("comptoir-versioned-");
		try (Stream<Path> files = Files.list(Path.of("database", "migration"))) {
			for (Path file : files.filter((f) -> f.getFileName().toString().startsWith("V")).toList()) {
				Files.copy(file, versioned.resolve(file.getFileName()));
			}
		}
		return "filesystem:" + versioned;
	}

}
