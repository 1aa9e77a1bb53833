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
	 * Creates a published product at 5.5 % VAT, with one variant (no option) holding its
	 * reference, price and stock, as every product without options has.
	 * @param categoryId its category
	 * @param name its name
	 * @param priceCents its price including VAT
	 * @param stock units in stock
	 * @param attributes its attributes
	 * @return its id
	 */
	public long product(long categoryId, String name, int priceCents, int stock, Map<String, String> attributes) {
		String sku = ("T" + this.unique + "-" + (++this.counter)).toUpperCase();
		// The product and its first variant in one statement: a product without a variant
		// is refused at the end of its transaction (product_has_a_variant).
		return this.jdbc.sql("""
				WITH product_row AS (
				    INSERT INTO product (category_id, sku, name, slug, summary, description, price_cents, vat_rate,
				                         active, attributes)
				    VALUES (:category, :sku, :name, :slug, :summary, :description, :price, :vat, true,
				            CAST(:attributes AS jsonb))
				    RETURNING id, sku, price_cents)
				INSERT INTO product_variant (product_id, sku, price_cents, stock)
				SELECT id, sku, price_cents, :stock FROM product_row RETURNING product_id""")
			.param("category", categoryId)
			.param("sku", sku)
			.param("name", name)
			.param("slug", slug(name))
			.param("summary", "Résumé de " + name)
			.param("description", "Description de " + name)
			.param("price", priceCents)
			.param("vat", new BigDecimal("5.50"))
			.param("attributes", json(attributes))
			.param("stock", stock)
			.query(Long.class)
			.single();
	}

	/**
	 * Returns the one variant of a product created by {@link #product}.
	 * @param productId the product
	 * @return its first variant's id
	 */
	public long variantOf(long productId) {
		return firstVariant(this.jdbc, productId);
	}

	/**
	 * Returns the first variant of a product, the one a product without options has.
	 * @param jdbc a client of the test database
	 * @param productId the product
	 * @return its first variant's id
	 */
	public static long firstVariant(JdbcClient jdbc, long productId) {
		return jdbc.sql("SELECT id FROM product_variant WHERE product_id = :product ORDER BY position, id LIMIT 1")
			.param("product", productId)
			.query(Long.class)
			.single();
	}

	/**
	 * Creates an option type with unique values.
	 * @param name its name, made unique
	 * @param labels its values
	 * @return the ids of the values, in order
	 */
	public long[] options(String name, String... labels) {
		long type = this.jdbc.sql("INSERT INTO option_type (name) VALUES (:name) RETURNING id")
			.param("name", name + " " + this.unique + "-" + (++this.counter))
			.query(Long.class)
			.single();
		long[] values = new long[labels.length];
		for (int i = 0; i < labels.length; i++) {
			values[i] = this.jdbc
				.sql("INSERT INTO option_value (option_type_id, label, position) VALUES (:type, :label, :position) "
						+ "RETURNING id")
				.param("type", type)
				.param("label", labels[i])
				.param("position", i)
				.query(Long.class)
				.single();
		}
		return values;
	}

	/**
	 * Adds an active variant to a product.
	 * @param productId the product
	 * @param priceCents its price
	 * @param stock its units
	 * @param optionValueIds its option values, one per option type
	 * @return its id
	 */
	public long variant(long productId, int priceCents, int stock, long... optionValueIds) {
		long id = insertVariant(productId, ("V" + this.unique + "-" + (++this.counter)).toUpperCase(), priceCents,
				stock);
		withOptions(id, optionValueIds);
		return id;
	}

	/**
	 * Gives option values to a variant (the first variant of a product, made without).
	 * @param variantId the variant
	 * @param optionValueIds its option values, one per option type
	 */
	public void withOptions(long variantId, long... optionValueIds) {
		for (long value : optionValueIds) {
			this.jdbc.sql("""
					INSERT INTO variant_option_value (variant_id, option_type_id, option_value_id)
					SELECT :variant, option_type_id, id FROM option_value WHERE id = :value""")
				.param("variant", variantId)
				.param("value", value)
				.update();
		}
	}

	private long insertVariant(long productId, String sku, int priceCents, int stock) {
		return this.jdbc.sql("""
				INSERT INTO product_variant (product_id, sku, price_cents, stock, position)
				VALUES (:product, :sku, :price, :stock,
				        (SELECT count(*) FROM product_variant WHERE product_id = :product))
				RETURNING id""")
			.param("product", productId)
			.param("sku", sku)
			.param("price", priceCents)
			.param("stock", stock)
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
