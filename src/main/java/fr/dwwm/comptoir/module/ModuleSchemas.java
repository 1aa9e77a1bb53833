package fr.dwwm.comptoir.module;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import fr.dwwm.comptoir.module.api.ModuleDescriptor;
import fr.dwwm.comptoir.module.api.ShopModule;

/**
 * A module's tables: each module that stores data gets its own PostgreSQL schema
 * ({@code module_reviews}) with its own Flyway history, migrated from the module's
 * {@code modules/<code>/migration} folder. The shop's schema and history are never
 * touched, and uninstalling drops exactly the module's schema.
 *
 * <p>
 * Migrations run with the owner role, as the shop's own migrations do (the Flyway bean's
 * connection); the application role then gets data rights on the new tables, and only
 * those (no DDL, no write on the module's migration history).
 */
@Component
class ModuleSchemas {

	private final DataSource ownerDataSource;

	private final String applicationRole;

	private final boolean demo;

	ModuleSchemas(Flyway shopFlyway, @Value("${spring.flyway.placeholders.application_role}") String applicationRole,
			@Value("${app.demo.enabled:false}") boolean demo) {
		this.ownerDataSource = shopFlyway.getConfiguration().getDataSource();
		this.applicationRole = applicationRole;
		this.demo = demo;
	}

	/**
	 * Applies the module's pending migrations, in version order, then grants the
	 * application its data rights. In demo mode, the module's demo data
	 * ({@code modules/<code>/demo}, repeatable migrations) come after them, as the shop's
	 * own demo data ({@code database/demo}) come after its schema.
	 * @param module the module
	 * @return how many migrations were applied
	 */
	int migrate(ShopModule module) {
		ModuleDescriptor descriptor = module.descriptor();
		String schema = descriptor.schema();
		ClassLoader loader = module.getClass().getClassLoader();
		List<String> locations = new ArrayList<>(List.of(descriptor.migrationLocation()));
		String demoFolder = "modules/" + descriptor.code() + "/demo";
		if (this.demo && loader.getResource(demoFolder) != null) {
			locations.add("classpath:" + demoFolder);
		}
		int applied = Flyway.configure(loader)
			.dataSource(this.ownerDataSource)
			.schemas(schema)
			.defaultSchema(schema)
			.createSchemas(true)
			.locations(locations.toArray(String[]::new))
			.failOnMissingLocations(true)
			.placeholders(Map.of("application_role", this.applicationRole, "schema", schema))
			.load()
			.migrate().migrationsExecuted;
		JdbcTemplate owner = new JdbcTemplate(this.ownerDataSource);
		String role = quoted(this.applicationRole);
		owner.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
		owner.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
		owner.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + role);
		owner.execute("REVOKE ALL ON " + schema + ".flyway_schema_history FROM " + role);
		return applied;
	}

	/**
	 * Drops the module's schema with its tables and history.
	 * @param module the module
	 */
	void drop(ShopModule module) {
		// The schema name comes from the module's code, checked against
		// [a-z][a-z0-9-]{1,39} by ModuleDescriptor: it cannot carry SQL.
		new JdbcTemplate(this.ownerDataSource)
			.execute("DROP SCHEMA IF EXISTS " + module.descriptor().schema() + " CASCADE");
	}

	private static String quoted(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
