package fr.dwwm.comptoir.catalog;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Products as aggregates, for pages that show or edit one product. Lists and searches go
 * through {@link ProductQueries}, in SQL.
 */
public interface ProductRepository extends JpaRepository<Product, Long> {

	/**
	 * Loads a published product with its category and images in one query. Written with
	 * {@code join fetch} rather than an entity graph: Hibernate keeps the SQL it
	 * translated a query into, except for a query with an entity graph, translated again
	 * on every call (7 % of a product page's processor time, see docs/performance.md).
	 * @param slug the product's URL segment
	 * @return the product, if it exists and is published
	 */
	@Query("SELECT p FROM Product p JOIN FETCH p.category LEFT JOIN FETCH p.images WHERE p.slug = :slug AND p.active = true")
	Optional<Product> findBySlugAndActiveTrue(String slug);

	/**
	 * Finds a product by its stock-keeping unit, published or not.
	 * @param sku the SKU
	 * @return the product, if any
	 */
	Optional<Product> findBySku(String sku);

}
