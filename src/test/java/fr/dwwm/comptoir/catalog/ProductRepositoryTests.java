package fr.dwwm.comptoir.catalog;

import java.util.Map;

import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Products as JPA aggregates: one query loads a product page's data, and two people
 * editing the same product cannot silently overwrite each other.
 */
@IntegrationTest
class ProductRepositoryTests {

	@Autowired
	private ProductRepository products;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transaction;

	@Test
	void aPublishedProductComesWithItsCategoryAndImagesAndAnUnpublishedOneDoesNot() {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long category = fixtures.category("Entrepôt", null);
		long published = fixtures.product(category, "Théière en fonte", 4500, 2, Map.of("matière", "fonte"));
		long draft = fixtures.product(category, "Théière prototype", 4500, 2, Map.of());
		this.jdbc.sql("UPDATE product SET active = false WHERE id = :id").param("id", draft).update();

		String slug = slugOf(published);
		Product product = this.products.findBySlugAndActiveTrue(slug).orElseThrow();
		assertThat(product.getCategory().getName()).isEqualTo("Entrepôt");
		assertThat(product.getImages()).isEmpty();
		assertThat(product.getAttributes()).containsEntry("matière", "fonte");
		assertThat(this.products.findBySlugAndActiveTrue(slugOf(draft))).isEmpty();
	}

	@Test
	void aStaleEditIsRefusedInsteadOfOverwritingTheOtherOne() {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long id = fixtures.product(fixtures.category("Concurrence", null), "Planche à découper", 3900, 4, Map.of());
		Product first = this.products.findById(id).orElseThrow();
		Product second = this.products.findById(id).orElseThrow();

		first.setSummary("Planche en chêne massif");
		this.transaction.executeWithoutResult((status) -> this.products.save(first));
		second.setSummary("Planche en hêtre");

		assertThatThrownBy(() -> this.transaction.executeWithoutResult((status) -> this.products.save(second)))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(this.products.findById(id).orElseThrow().getSummary()).isEqualTo("Planche en chêne massif");
	}

	private String slugOf(long id) {
		return this.jdbc.sql("SELECT slug FROM product WHERE id = :id").param("id", id).query(String.class).single();
	}

}
