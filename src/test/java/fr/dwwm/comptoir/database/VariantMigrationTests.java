package fr.dwwm.comptoir.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import fr.dwwm.comptoir.system.EmbeddedPostgresServer;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration to variants (V15) on live data: a database at the previous version (V14)
 * holding the demo catalogue, accounts and three months of orders as they were before
 * variants (src/test/resources/migration/v14-demo, the demo files of that version), plus
 * pictures and a stock history, is migrated; every product must then be the same product
 * with one variant carrying its reference, price, stock and weight, every cart line,
 * order line, picture and stock movement must still be there and point to the same
 * product, and the listings must come out the same.
 */
@IntegrationTest
class VariantMigrationTests {

	private static final String BEFORE_VARIANTS = "14";

	@Autowired
	private EmbeddedPostgresServer server;

	private final String database = "comptoir_v14_" + UUID.randomUUID().toString().substring(0, 8);

	private JdbcClient superuser;

	private JdbcClient owner;

	@BeforeEach
	void aDatabaseAtTheVersionBeforeVariants() throws Exception {
		this.superuser = JdbcClient.create(this.server.superuserDataSource());
		this.superuser
			.sql("CREATE DATABASE " + this.database + " OWNER " + EmbeddedPostgresServer.OWNER_ROLE
					+ " ENCODING 'UTF8' TEMPLATE template0")
			.update();
		this.superuser
			.sql("GRANT CONNECT ON DATABASE " + this.database + " TO " + EmbeddedPostgresServer.APPLICATION_ROLE)
			.update();
		// The part of the roles script run inside the shop's database (schema rights,
		// default privileges of the application role).
		String roles = Files.readString(Path.of("database/design/roles.sql"));
		String inside = roles.substring(roles.indexOf("\\connect comptoir") + "\\connect comptoir".length());
		JdbcClient admin = JdbcClient.create(dataSource(this.server.jdbcUrl(this.database), "postgres"));
		for (String statement : inside.replaceAll("(?m)^--.*$", "").split(";")) {
			if (!statement.isBlank()) {
				admin.sql(statement).update();
			}
		}
		this.owner = JdbcClient
			.create(dataSource(this.server.jdbcUrl(this.database), EmbeddedPostgresServer.OWNER_ROLE));
		flyway(BEFORE_VARIANTS).migrate();
		// What the demo mode adds at start-up (pictures), and a stock history.
		this.owner.sql("""
				INSERT INTO product_image (product_id, file_name, alt_text, position, width, height)
				SELECT id, gen_random_uuid() || '.jpg', name, 0, 1200, 900 FROM product WHERE id % 3 = 0""").update();
		this.owner.sql("""
				INSERT INTO stock_movement (product_id, delta, stock_after, reason, note)
				SELECT id, 5, stock, 'ADJUSTMENT', 'Livraison' FROM product WHERE stock >= 5""").update();
	}

	@AfterEach
	void dropIt() {
		this.superuser.sql("DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)").update();
	}

	@Test
	void everyProductBecomesAProductWithOneVariantAndNothingIsLostNorChangesForAVisitor() throws Exception {
		assertThat(count("order_line")).as("the demo orders are there").isGreaterThan(100);
		assertThat(count("cart_line")).as("and the abandoned carts").isGreaterThan(100);
		List<Map<String, Object>> products = rows(
				"SELECT id, sku, price_cents, stock, weight_grams, active FROM product ORDER BY id");
		List<Map<String, Object>> images = rows("SELECT id, product_id, file_name FROM product_image ORDER BY id");
		List<Map<String, Object>> cartLines = rows(
				"SELECT cart_id, product_id, quantity FROM cart_line ORDER BY cart_id, product_id");
		List<Map<String, Object>> orderLines = rows("""
				SELECT id, order_id, product_id, product_name, product_sku, unit_price_cents, quantity, line_total_cents
				FROM order_line ORDER BY id""");
		List<Map<String, Object>> movements = rows(
				"SELECT id, product_id, delta, stock_after, reason FROM stock_movement ORDER BY id");
		List<Map<String, Object>> listing = rows(
				"SELECT id, price_cents, stock FROM product WHERE active ORDER BY price_cents, id");
		long orders = count("customer_order");
		long invoices = count("invoice");

		flyway(null).migrate();

		assertThat(rows("""
				SELECT p.id, p.sku, v.price_cents, v.stock, v.weight_grams, p.active
				FROM product p JOIN product_variant v ON v.product_id = p.id ORDER BY p.id"""))
			.as("one variant per product, with the product's price, stock and weight")
			.isEqualTo(products);
		assertThat(rows("""
				SELECT count(*) FROM product_variant v JOIN product p ON p.id = v.product_id
				WHERE v.sku = p.sku AND v.combination = '' AND v.active AND variant_label(v.id) IS NULL"""))
			.singleElement()
			.satisfies((row) -> assertThat(((Number) row.get("count")).longValue()).isEqualTo(products.size()));
		assertThat(rows("SELECT id, product_id, file_name FROM product_image WHERE variant_id IS NULL ORDER BY id"))
			.as("pictures stay, shared by the variants")
			.isEqualTo(images);
		assertThat(rows("""
				SELECT l.cart_id, v.product_id, l.quantity
				FROM cart_line l JOIN product_variant v ON v.id = l.variant_id ORDER BY l.cart_id, v.product_id"""))
			.isEqualTo(cartLines);
		assertThat(rows("""
				SELECT l.id, l.order_id, l.product_id, l.product_name, l.product_sku, l.unit_price_cents, l.quantity,
				       l.line_total_cents
				FROM order_line l JOIN product_variant v ON v.id = l.variant_id AND v.product_id = l.product_id
				WHERE l.variant_label IS NULL ORDER BY l.id"""))
			.as("order lines keep their snapshot and point to the variant of their product")
			.isEqualTo(orderLines);
		assertThat(rows("""
				SELECT m.id, v.product_id, m.delta, m.stock_after, m.reason
				FROM stock_movement m JOIN product_variant v ON v.id = m.variant_id ORDER BY m.id"""))
			.isEqualTo(movements);
		assertThat(rows("SELECT id, price_cents, stock FROM product WHERE active ORDER BY price_cents, id"))
			.as("the listings sort and show the same prices and stocks")
			.isEqualTo(listing);
		assertThat(count("customer_order")).isEqualTo(orders);
		assertThat(count("invoice")).isEqualTo(invoices);

		// And the summary the database keeps from now on follows the variants.
		this.owner.sql("""
				UPDATE product_variant SET stock = stock + 7
				WHERE product_id = (SELECT min(id) FROM product WHERE active)""").update();
		assertThat(rows("SELECT stock FROM product WHERE id = (SELECT min(id) FROM product WHERE active)"))
			.singleElement()
			.satisfies((row) -> assertThat(row.get("stock")).isEqualTo(products.stream()
				.filter((product) -> product.get("id")
					.equals(listing.stream().map((p) -> (Long) p.get("id")).min(Long::compare).orElseThrow()))
				.map((product) -> (Integer) product.get("stock") + 7)
				.findFirst()
				.orElseThrow()));
	}

	private Flyway flyway(String target) throws java.io.IOException {
		// Up to an older version, the versioned migrations only.
		String migrations = (target != null) ? VersionedMigrations.location() : "filesystem:database/migration";
		var configuration = Flyway.configure()
			.dataSource(dataSource(this.server.jdbcUrl(this.database), EmbeddedPostgresServer.OWNER_ROLE))
			.locations(migrations, "classpath:migration/v14-demo")
			.placeholders(Map.of("application_role", EmbeddedPostgresServer.APPLICATION_ROLE));
		if (target != null) {
			configuration.target(target);
		}
		return configuration.load();
	}

	private List<Map<String, Object>> rows(String sql) {
		return this.owner.sql(sql).query().listOfRows();
	}

	private long count(String table) {
		return this.owner.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private static DataSource dataSource(String url, String role) {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
		dataSource.setDriverClass(org.postgresql.Driver.class);
		dataSource.setUrl(url);
		dataSource.setUsername(role);
		dataSource.setPassword("");
		return dataSource;
	}

}
