package fr.dwwm.comptoir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.dwwm.comptoir.test.IntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table has one owning package, and only that package writes it: the table of
 * owners in {@code docs/architecture.md} (§ 3) is the rule, this test holds the code to
 * it. The package graph alone cannot see a feature that writes another's table with SQL:
 * here, every {@code INSERT INTO}, {@code UPDATE} and {@code DELETE FROM} written in the
 * Java sources, and every JPA entity, is traced to the package that holds it. Another
 * feature changes a table through its owner's service ({@code Stock} for the stock,
 * {@code Carts} for a cart checked out).
 */
@IntegrationTest
class TableOwnershipTests {

	private static final Path SOURCES = Path.of("src/main/java/fr/dwwm/comptoir");

	private static final Path ARCHITECTURE = Path.of("docs/architecture.md");

	/** {@code | `table` | `package` | why |} in the architecture document. */
	private static final Pattern OWNER_ROW = Pattern.compile("(?m)^\\| `([a-z_]+(?:\\.\\*)?)` \\| `([a-z.]+)` \\|");

	/**
	 * A write in SQL: upper-case keywords, lower-case names (a module's tables live in
	 * its schema, {@code module_reviews.review}: the schema names the owner).
	 */
	private static final Pattern SQL_WRITE = Pattern.compile(
			"\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|TRUNCATE)\\s+([a-z_][a-z0-9_]*)(?:\\.[a-z_][a-z0-9_]*)?\\b");

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private EntityManagerFactory entities;

	@Test
	void everyTableOfTheDatabaseHasOneOwnerInTheArchitectureDocument() throws IOException {
		Map<String, String> owners = owners();
		Set<String> tables = new TreeSet<>(this.jdbc.sql("""
				SELECT CASE WHEN table_schema = 'public' THEN table_name ELSE table_schema || '.*' END
				FROM information_schema.tables
				WHERE table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'
				  AND (table_schema = 'public' OR table_schema LIKE 'module\\_%')""").query(String.class).list());
		assertThat(owners.keySet()).as("tables with an owner in docs/architecture.md").containsAll(tables);
		assertThat(tables).as("owned tables that exist")
			.containsAll(owners.keySet().stream().filter((table) -> !table.endsWith(".*")).toList());
	}

	@Test
	void noPackageWritesATableItDoesNotOwn() throws IOException {
		Map<String, String> owners = owners();
		List<String> trespasses = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String writer = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
				Matcher write = SQL_WRITE.matcher(withoutComments(Files.readString(file)));
				while (write.find()) {
					String table = owners.containsKey(write.group(1)) ? write.group(1) : write.group(1) + ".*";
					String owner = owners.get(table);
					if (!writer.equals(owner)) {
						trespasses
							.add(file.getFileName() + " (" + writer + ") writes " + table + ", owned by " + owner);
					}
				}
			}
		}
		for (EntityType<?> entity : this.entities.getMetamodel().getEntities()) {
			Class<?> type = entity.getJavaType();
			String table = type.getAnnotation(Table.class).name();
			String writer = type.getPackageName().replace("fr.dwwm.comptoir.", "");
			if (!writer.equals(owners.get(table))) {
				trespasses.add("JPA entity " + type.getSimpleName() + " (" + writer + ") maps " + table + ", owned by "
						+ owners.get(table));
			}
		}
		assertThat(trespasses).as("writes outside the owning package").isEmpty();
	}

	@Test
	void theSqlReaderSeesWritesInTextBlocksAndSchemas() {
		Matcher write = SQL_WRITE.matcher("""
				this.jdbc.sql(\"""
				        INSERT INTO module_reviews.review (id) VALUES (1)
				        ON CONFLICT (id) DO UPDATE SET id = 2 FOR UPDATE SKIP LOCKED\""")""");
		List<String> tables = new ArrayList<>();
		while (write.find()) {
			tables.add(write.group(1));
		}
		assertThat(tables).containsExactly("module_reviews");
	}

	private static Map<String, String> owners() throws IOException {
		Map<String, String> owners = new LinkedHashMap<>();
		Matcher row = OWNER_ROW.matcher(Files.readString(ARCHITECTURE));
		while (row.find()) {
			String previous = owners.put(row.group(1), row.group(2));
			assertThat(previous).as("one owner for " + row.group(1)).isNull();
		}
		assertThat(owners).as("the table of owners in docs/architecture.md").isNotEmpty();
		return owners;
	}

	private static String withoutComments(String java) {
		return java.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
	}

}
