package fr.dwwm.comptoir.catalog;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Creates catalog rows for a test, with unique slugs and SKUs, so that tests never depend
 * on each other's data nor on the demo catalog.
 */
public final class CatalogFixtures {

	private final JdbcClient jdbc;

	private final String unique = UUID.randomUUID().toString().substring(0, 8);

	private int counter;

	/**
	 * Creates fixtures writing through a JDBC client.
	 * @param jdbc the client
	 */
	public CatalogFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates an inactive category.
	 * @param name its name
	 * @param parentId its parent, or {@code null}
	 * @return its id
	 */
	public long category(String name, Long parentId) {
		// Inactive, so that test categories never show in the navigation other tests
		// read.
		return this.jdbc.sql(
				"INSERT INTO category (parent_id, name, slug, active) VALUES (:parent, :name, :slug, false) RETURNING id")
			.param("parent", parentId)
			.param("name", name)
			.param("slug", slug(name))
			.query(Long.class)
			.single();
	}

	/**
	 * Creates a published product at 5.5 % VAT.
	 * @param categoryId its category
	 * @param name its name
	 * @param priceCents its price including VAT
	 * @param stock units in stock
	 * @param attributes its attributes
	 * @return its id
	 */
	public long product(long categoryId, String name, int priceCents, int stock, Map<String, String> attributes) {
		return this.jdbc.sql("""
				INSERT INTO product (category_id, sku, name, slug, summary, description, price_cents, vat_rate, stock,
				                     active, attributes)
				VALUES (:category, :sku, :name, :slug, :summary, :description, :price, :vat, :stock, true,
				        CAST(:attributes AS jsonb))
				RETURNING id""")
			.param("category", categoryId)
			.param("sku", ("T" + this.unique + "-" + (++this.counter)).toUpperCase())
			.param("name", name)
			.param("slug", slug(name))
			.param("summary", "Résumé de " + name)
			.param("description", "Description de " + name)
			.param("price", priceCents)
			.param("vat", new BigDecimal("5.50"))
			.param("stock", stock)
			.param("attributes", json(attributes))
			.query(Long.class)
			.single();
	}

	String slug(String name) {
		return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase()
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-|-$)", "") + "-" + this.unique + "-" + (++this.counter);
	}

	private static String json(Map<String, String> attributes) {
		StringBuilder json = new StringBuilder("{");
		attributes.forEach((key, value) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('"').append(key).append("\":\"").append(value).append('"');
		});
		return json.append('}').toString();
	}

}
