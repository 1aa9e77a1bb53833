package fr.dwwm.comptoir.database;

import java.util.List;

import fr.dwwm.comptoir.system.EmbeddedPostgresServer;
import fr.dwwm.comptoir.test.Database;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search query uses its GIN index. With the demo's sixty products PostgreSQL rightly
 * prefers reading the whole table, so the test loads a realistic catalog of 20,000
 * products in a transaction, lets the planner see it (ANALYZE), reads the plan and rolls
 * everything back.
 */
@IntegrationTest
class SearchIndexTests {

	@Autowired
	private EmbeddedPostgresServer server;

	@Test
	void fullTextSearchUsesTheGinIndexOnALargeCatalog() {
		assertThat(planOf("""
				SELECT id FROM product
				WHERE active AND search_vector @@ websearch_to_tsquery('comptoir_french', 'confiture figue')"""))
			.anyMatch((line) -> line.contains("product_search_idx"));
	}

	@Test
	void typoTolerantNameSearchUsesTheTrigramIndex() {
		assertThat(planOf("""
				SELECT id FROM product
				WHERE immutable_unaccent(lower(name)) % 'confiture de figes'"""))
			.anyMatch((line) -> line.contains("product_name_trigram_idx"));
	}

	@Test
	void attributeFacetsUseTheJsonbIndex() {
		assertThat(planOf("SELECT id FROM product WHERE attributes @> '{\"origine\": \"Drôme\"}'"))
			.anyMatch((line) -> line.contains("product_attributes_idx"));
	}

	private List<String> planOf(String query) {
		var dataSource = Database.dataSource(this.server, EmbeddedPostgresServer.OWNER_ROLE);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		return transaction.execute((status) -> {
			status.setRollbackOnly();
			// Products without variants: the transaction is rolled back before the end
			// where product_has_a_variant would refuse them, and the plans read product
			// only.
			jdbc.update(
					"""
							INSERT INTO product (category_id, sku, name, slug, summary, description, price_cents, vat_rate,
							                     stock, active, attributes)
							SELECT (SELECT min(id) FROM category), 'LOAD-' || n, 'Produit de charge ' || n, 'produit-charge-' || n,
							       'Résumé ' || md5(n::text), 'Description ' || md5(n::text) || ' ' || md5((n + 1)::text),
							       100 + n % 5000, 20.00, n % 50, true, jsonb_build_object('origine', 'Région ' || n % 40)
							FROM generate_series(1, 20000) AS n""");
			jdbc.execute("ANALYZE product");
			return jdbc.queryForList("EXPLAIN " + query, String.class);
		});
	}

}
