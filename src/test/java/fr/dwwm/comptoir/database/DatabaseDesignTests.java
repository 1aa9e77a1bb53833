package fr.dwwm.comptoir.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import fr.dwwm.comptoir.system.EmbeddedPostgresServer;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The design documents of database/design describe the database the migrations really
 * build: a test compares them with PostgreSQL's own catalog, so they cannot drift.
 */
@IntegrationTest
class DatabaseDesignTests {

	static final Path DESIGN = Path.of("database", "design");

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theDataDictionaryDescribesEveryTableAndColumnWithItsType() throws IOException {
		Set<String> documented = DataDictionary.read(DESIGN.resolve("dictionnaire-de-donnees.md")).columns();
		Set<String> actual = new TreeSet<>();
		for (Column column : columns()) {
			actual.add(column.table() + "." + column.name() + " " + column.type());
		}
		assertThat(documented).as("columns in dictionnaire-de-donnees.md (table.column type)")
			.containsExactlyInAnyOrderElementsOf(actual);
	}

	@Test
	void thePhysicalModelDiagramIsGeneratedFromTheMigrations() throws IOException {
		String expected = PhysicalModelDiagram.render(columns(), foreignKeys());
		Path file = DESIGN.resolve("mpd.puml");
		if (Boolean.getBoolean("design.update")) {
			Files.writeString(file, expected, StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(file)).as("database/design/mpd.puml is stale: run "
				+ "./mvnw test -Dtest=DatabaseDesignTests -Ddesign.update=true, then DiagramsTests with -Ddiagrams.update=true")
			.isEqualTo(expected);
	}

	@Test
	void everyForeignKeyIsServedByAnIndex() {
		List<String> unindexed = this.jdbc.sql("""
				SELECT c.conrelid::regclass || '(' || a.attname || ')'
				FROM pg_constraint c
				JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
				WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
				  AND NOT EXISTS (
				      SELECT 1 FROM pg_index i
				      WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
				ORDER BY 1""").query(String.class).list();
		assertThat(unindexed).as("foreign keys without an index on their first column").isEmpty();
	}

	@Test
	void noColumnCanHoldACardNumberOrSecurityCode() {
		// CNIL 2018-303: the shop never keeps a card number (PAN) nor its security code.
		List<String> suspicious = this.jdbc.sql("""
				SELECT table_name || '.' || column_name FROM information_schema.columns
				WHERE table_schema = 'public'
				  AND column_name ~* '(^pan$|_pan$|card_?num|cvv|cvc|cryptogram|security_code|card_?expir)'
				ORDER BY 1""").query(String.class).list();
		assertThat(suspicious).isEmpty();
	}

	List<Column> columns() {
		return this.jdbc.sql("""
				SELECT c.relname AS table_name, a.attname AS column_name,
				       format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
				       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p'
				                 AND a.attnum = ANY (k.conkey)) AS primary_key,
				       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'u'
				                 AND k.conkey = ARRAY[a.attnum]) AS unique_key
				FROM pg_class c
				JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
				WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
				  AND c.relname <> 'flyway_schema_history'
				ORDER BY c.relname, a.attnum""")
			.query((row, number) -> new Column(row.getString("table_name"), row.getString("column_name"),
					row.getString("type"), row.getBoolean("not_null"), row.getBoolean("primary_key"),
					row.getBoolean("unique_key")))
			.list();
	}

	Map<String, String> foreignKeys() {
		Map<String, String> references = new TreeMap<>();
		this.jdbc.sql("""
				SELECT c.conrelid::regclass::text AS from_table, a.attname AS from_column,
				       c.confrelid::regclass::text AS to_table
				FROM pg_constraint c
				JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
				WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace""")
			.query((row, number) -> references.put(row.getString("from_table") + "." + row.getString("from_column"),
					row.getString("to_table")))
			.list();
		return references;
	}

	/**
	 * A column as PostgreSQL describes it.
	 *
	 * @param table table name
	 * @param name column name
	 * @param type SQL type, as {@code format_type()} writes it
	 * @param notNull whether NULL is refused
	 * @param primaryKey whether it belongs to the primary key
	 * @param unique whether it alone is unique
	 */
	record Column(String table, String name, String type, boolean notNull, boolean primaryKey, boolean unique) {

	}

	/**
	 * The columns listed in the Markdown data dictionary: under each {@code ### `table`}
	 * heading, a Markdown table whose rows start with {@code | `column` | `type` |}.
	 */
	record DataDictionary(Set<String> columns) {

		static DataDictionary read(Path file) throws IOException {
			Set<String> columns = new TreeSet<>();
			String table = null;
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (line.startsWith("### `")) {
					table = line.substring(5, line.indexOf('`', 5));
				}
				else if (table != null && line.startsWith("| `")) {
					List<String> cells = new ArrayList<>();
					for (String cell : line.substring(1).split("\\|")) {
						cells.add(cell.strip().replace("`", ""));
					}
					columns.add(table + "." + cells.get(0) + " " + cells.get(1));
				}
			}
			return new DataDictionary(columns);
		}

	}

}
