package fr.dwwm.comptoir.database;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.database.DatabaseDesignTests.Column;

/**
 * Writes the physical data model (MPD) as a PlantUML diagram, from the catalog of the
 * database that the migrations built: one box per table with its columns and types, one
 * arrow per foreign key.
 */
final class PhysicalModelDiagram {

	private PhysicalModelDiagram() {
	}

	static String render(List<Column> columns, Map<String, String> foreignKeys) {
		Map<String, StringBuilder> tables = new LinkedHashMap<>();
		for (Column column : columns) {
			StringBuilder table = tables.computeIfAbsent(column.table(), (name) -> new StringBuilder());
			String key = column.table() + "." + column.name();
			StringBuilder line = new StringBuilder("  ");
			line.append(column.notNull() ? "* " : "  ");
			line.append(column.primaryKey() ? "<u>" + column.name() + "</u>" : column.name());
			line.append(" : ").append(column.type());
			if (column.primaryKey()) {
				line.append(" <<PK>>");
			}
			if (foreignKeys.containsKey(key)) {
				line.append(" <<FK>>");
			}
			if (column.unique()) {
				line.append(" <<UQ>>");
			}
			table.append(line).append('\n');
		}
		StringBuilder diagram = new StringBuilder();
		diagram.append("@startuml mpd\n");
		diagram.append("' Generated from the database by DatabaseDesignTests: do not edit by hand.\n");
		diagram.append("!pragma layout smetana\n");
		diagram.append("hide circle\n");
		diagram.append("hide methods\n");
		diagram.append("skinparam shadowing false\n");
		diagram.append("skinparam class {\n  BackgroundColor #FDF8F2\n  BorderColor #8A3A16\n}\n");
		diagram.append("title MPD de Comptoir : tables PostgreSQL 17 (* = NOT NULL, souligné = clé primaire)\n\n");
		tables.forEach(
				(name, body) -> diagram.append("entity ").append(name).append(" {\n").append(body).append("}\n\n"));
		foreignKeys.forEach((from, to) -> {
			String table = from.substring(0, from.indexOf('.'));
			String column = from.substring(from.indexOf('.') + 1);
			diagram.append(table).append(" --> ").append(to).append(" : ").append(column).append('\n');
		});
		diagram.append("@enduml\n");
		return diagram.toString();
	}

}
