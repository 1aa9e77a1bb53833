package fr.dwwm.comptoir.catalog;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Products as aggregates, for pages that show or edit one product. Lists and searches go
 * through {@link ProductQueries}, in SQL.
 */
public interface ProductRepository extends JpaRepository<Product, Long> {

	/**
	 * Loads a published product with its category and images in one query.
	 * @param slug the product's URL segment
	 * @return the product, if it exists and is published
	 */
	@EntityGraph(attributePaths = { "category", "images" })
	Optional<Product> findBySlugAndActiveTrue(String slug);

	/**
	 * Finds a product by its stock-keeping unit, published or not.
	 * @param sku the SKU
	 * @return the product, if any
	 */
	Optional<Product> findBySku(String sku);

}
