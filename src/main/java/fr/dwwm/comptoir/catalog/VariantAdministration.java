package fr.dwwm.comptoir.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's work on variants (« déclinaisons ») and their options: the option
 * types and values of the catalogue, the combinations of a product, each variant's
 * reference, price, weight and active flag. The stock of a variant is not here: it
 * changes through {@link Stock}, which keeps its history.
 *
 * <p>
 * Every change of a variant names the product it belongs to, and the SQL checks it
 * ({@code AND product_id = :product}): the id of another product's variant in a URL or a
 * form changes nothing.
 */
@Service
public class VariantAdministration {

	/** Most variants one generation may create (4 options × 5 values is already 625). */
	public static final int MAX_GENERATED = 100;

	/** The schema.org properties an option type may map to. */
	public static final List<String> SCHEMA_PROPERTIES = List.of("size", "color", "material", "pattern");

	private final JdbcClient jdbc;

	VariantAdministration(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Gives a new product its first variant, with the product's reference and price and
	 * no option.
	 * @param productId the product, just created
	 * @param sku its reference
	 * @param priceCents its price
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void createFirst(long productId, String sku, long priceCents) {
		this.jdbc.sql("INSERT INTO product_variant (product_id, sku, price_cents) VALUES (:product, :sku, :price)")
			.param("product", productId)
			.param("sku", sku)
			.param("price", priceCents)
			.update();
	}

	/**
	 * Sets the price of a product sold in one variant.
	 * @param productId the product
	 * @param priceCents the price typed in the product's form
	 * @return {@code false} if the product has several variants and the price typed is
	 * not its current lowest one: the price of each variant is changed in its own row
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean setOnlyPrice(long productId, long priceCents) {
		int updated = this.jdbc.sql("""
				UPDATE product_variant SET price_cents = :price, version = version + 1
				WHERE product_id = :product AND price_cents <> :price
				  AND (SELECT count(*) FROM product_variant WHERE product_id = :product) = 1""")
			.param("price", priceCents)
			.param("product", productId)
			.update();
		if (updated == 1) {
			return true;
		}
		return this.jdbc.sql("""
				SELECT (SELECT count(*) FROM product_variant WHERE product_id = :product) <= 1
				       OR (SELECT price_cents FROM product WHERE id = :product) = :price""")
			.param("product", productId)
			.param("price", priceCents)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Lists all the variants of a product, active or not, for its page in the back
	 * office.
	 * @param productId the product
	 * @return its variants, in display order
	 */
	@Transactional(readOnly = true)
	public List<Row> ofProduct(long productId) {
		return this.jdbc.sql("""
				SELECT id, sku, variant_label(id) AS label, price_cents, stock, weight_grams, active, version
				FROM product_variant WHERE product_id = :product ORDER BY position, id""")
			.param("product", productId)
			.query((row, number) -> {
				int grams = row.getInt("weight_grams");
				Integer weight = row.wasNull() ? null : grams;
				return new Row(row.getLong("id"), row.getString("sku"), row.getString("label"),
						row.getInt("price_cents"), row.getInt("stock"), weight, row.getBoolean("active"),
						row.getInt("version"));
			})
			.list();
	}

	/**
	 * Tells whether a variant belongs to a product.
	 * @param productId the product
	 * @param variantId the variant
	 * @return whether it is one of the product's variants
	 */
	@Transactional(readOnly = true)
	public boolean belongsTo(long productId, long variantId) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM product_variant WHERE id = :variant AND product_id = :product)")
			.param("variant", variantId)
			.param("product", productId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Saves a variant's reference, price, weight and active flag, if nobody changed it
	 * since the form was opened.
	 * @param productId the product whose page the form is on
	 * @param variantId the variant
	 * @param form what was typed, already valid
	 * @throws ProductRefusal if the variant is not the product's, changed meanwhile, or
	 * its reference is taken
	 */
	@Transactional
	public void update(long productId, long variantId, VariantForm form) {
		int updated;
		try {
			updated = this.jdbc.sql("""
					UPDATE product_variant
					SET sku = :sku, price_cents = :price, weight_grams = :weight, active = :active,
					    version = version + 1
					WHERE id = :variant AND product_id = :product AND version = :version""")
				.param("sku", form.getSku())
				.param("price", form.priceCents())
				.param("weight", form.getWeightGrams())
				.param("active", form.isActive())
				.param("variant", variantId)
				.param("product", productId)
				.param("version", form.getVersion())
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			if (String.valueOf(ex.getMostSpecificCause().getMessage()).contains("product_variant_sku_key")) {
				throw new ProductRefusal("sku", "admin.variants.sku.taken");
			}
			throw ex;
		}
		if (updated == 0) {
			throw ProductRefusal.stale();
		}
	}

	/**
	 * Creates the variants of a product for every combination of the chosen option values
	 * it does not have yet: one value per option type, every type chosen. A product still
	 * sold in its one variant without options gives that variant (its stock, its history)
	 * the first combination. New variants get the product's reference followed by a
	 * number, its lowest price and no stock.
	 * @param productId the product
	 * @param valueIds the chosen option values
	 * @return how many variants were created or given options
	 * @throws ProductRefusal if no value is chosen, a value is unknown, or there would be
	 * more than {@link #MAX_GENERATED}
	 */
	@Transactional
	public int generate(long productId, Set<Long> valueIds) {
		if (valueIds.isEmpty()) {
			throw new ProductRefusal("values", "admin.variants.generate.none");
		}
		Map<Long, List<Long>> byType = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT v.id, v.option_type_id FROM option_value v JOIN option_type t ON t.id = v.option_type_id
				WHERE v.id IN (:values) ORDER BY t.position, t.id, v.position, v.id""")
			.param("values", valueIds)
			.query((row) -> {
				byType.computeIfAbsent(row.getLong("option_type_id"), (type) -> new ArrayList<>())
					.add(row.getLong("id"));
			});
		if (byType.values().stream().mapToInt(List::size).sum() != valueIds.size()) {
			throw new ProductRefusal("values", "admin.variants.generate.unknown");
		}
		List<List<Long>> combinations = new ArrayList<>();
		combinations.add(List.of());
		for (List<Long> values : byType.values()) {
			List<List<Long>> longer = new ArrayList<>();
			for (List<Long> start : combinations) {
				for (Long value : values) {
					List<Long> combination = new ArrayList<>(start);
					combination.add(value);
					longer.add(combination);
				}
			}
			combinations = longer;
			if (combinations.size() > MAX_GENERATED) {
				throw new ProductRefusal("values", "admin.variants.generate.too-many");
			}
		}
		Map<String, Object> product = this.jdbc
			.sql("SELECT sku, price_cents FROM product WHERE id = :product FOR UPDATE")
			.param("product", productId)
			.query()
			.singleRow();
		Set<String> existing = new TreeSet<>(
				this.jdbc.sql("SELECT combination FROM product_variant WHERE product_id = :product")
					.param("product", productId)
					.query(String.class)
					.list());
		Optional<Long> withoutOptions = this.jdbc.sql("""
				SELECT id FROM product_variant WHERE product_id = :product AND combination = ''
				  AND (SELECT count(*) FROM product_variant WHERE product_id = :product) = 1""")
			.param("product", productId)
			.query(Long.class)
			.optional();
		int made = 0;
		int number = existing.size();
		for (List<Long> combination : combinations) {
			if (existing.contains(key(combination))) {
				continue;
			}
			long variantId;
			if (made == 0 && withoutOptions.isPresent()) {
				variantId = withoutOptions.get();
			}
			else {
				variantId = this.jdbc.sql("""
						INSERT INTO product_variant (product_id, sku, price_cents, stock, active, position)
						VALUES (:product, :sku, :price, 0, true, :position) RETURNING id""")
					.param("product", productId)
					.param("sku", freeSku((String) product.get("sku"), ++number))
					.param("price", product.get("price_cents"))
					.param("position", number)
					.query(Long.class)
					.single();
			}
			for (Long value : combination) {
				this.jdbc.sql("""
						INSERT INTO variant_option_value (variant_id, option_type_id, option_value_id)
						SELECT :variant, option_type_id, id FROM option_value WHERE id = :value""")
					.param("variant", variantId)
					.param("value", value)
					.update();
			}
			made++;
		}
		return made;
	}

	private String freeSku(String productSku, int number) {
		String base = (productSku.length() > 28) ? productSku.substring(0, 28) : productSku;
		for (int n = number;; n++) {
			String candidate = base + "-" + n;
			boolean taken = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM product_variant WHERE sku = :sku)")
				.param("sku", candidate)
				.query(Boolean.class)
				.single();
			if (!taken) {
				return candidate;
			}
		}
	}

	private static String key(List<Long> combination) {
		return combination.stream().sorted().map(String::valueOf).reduce((a, b) -> a + "-" + b).orElse("");
	}

	/**
	 * Lists the option types of the catalogue with their values.
	 * @return the types in display order, each with its values
	 */
	@Transactional(readOnly = true)
	public List<OptionType> options() {
		Map<Long, OptionType> types = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT t.id, t.name, t.schema_property, v.id AS value_id, v.label
				FROM option_type t LEFT JOIN option_value v ON v.option_type_id = t.id
				ORDER BY t.position, t.id, v.position, v.id""").query((row) -> {
			String name = row.getString("name");
			String property = row.getString("schema_property");
			OptionType type = types.computeIfAbsent(row.getLong("id"),
					(id) -> new OptionType(id, name, property, new ArrayList<>()));
			long valueId = row.getLong("value_id");
			if (!row.wasNull()) {
				type.values().add(new OptionValue(valueId, row.getString("label")));
			}
		});
		return List.copyOf(types.values());
	}

	/**
	 * Adds an option type to the catalogue.
	 * @param name its name (« Contenance »)
	 * @param schemaProperty one of {@link #SCHEMA_PROPERTIES}, or {@code null}
	 * @throws ProductRefusal if the name is taken
	 */
	@Transactional
	public void addType(String name, String schemaProperty) {
		int added = this.jdbc.sql("""
				INSERT INTO option_type (name, schema_property, position)
				VALUES (:name, :property, (SELECT coalesce(max(position) + 1, 0) FROM option_type))
				ON CONFLICT (name) DO NOTHING""").param("name", name).param("property", schemaProperty).update();
		if (added == 0) {
			throw new ProductRefusal("name", "admin.options.type.taken");
		}
	}

	/**
	 * Adds a value to an option type.
	 * @param typeId the type
	 * @param label the value (« 450 g »)
	 * @throws ProductRefusal if the type does not exist or already has that value
	 */
	@Transactional
	public void addValue(long typeId, String label) {
		boolean type = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM option_type WHERE id = :type)")
			.param("type", typeId)
			.query(Boolean.class)
			.single();
		if (!type) {
			throw new ProductRefusal("type", "admin.options.type.unknown");
		}
		int added = this.jdbc
			.sql("""
					INSERT INTO option_value (option_type_id, label, position)
					VALUES (:type, :label, (SELECT coalesce(max(position) + 1, 0) FROM option_value WHERE option_type_id = :type))
					ON CONFLICT (option_type_id, label) DO NOTHING""")
			.param("type", typeId)
			.param("label", label)
			.update();
		if (added == 0) {
			throw new ProductRefusal("label", "admin.options.value.taken");
		}
	}

	/**
	 * A variant in the back office.
	 *
	 * @param id its id
	 * @param sku its reference
	 * @param label its option values, or {@code null} without options
	 * @param priceCents its price, VAT included
	 * @param stock units left
	 * @param weightGrams its weight, or {@code null}
	 * @param active whether it is sold
	 * @param version its version, for the edit form
	 */
	public record Row(long id, String sku, String label, int priceCents, int stock, Integer weightGrams, boolean active,
			int version) {
	}

	/**
	 * An option type and its values.
	 *
	 * @param id its id
	 * @param name its name
	 * @param schemaProperty its schema.org property, or {@code null}
	 * @param values its values, in display order
	 */
	public record OptionType(long id, String name, String schemaProperty, List<OptionValue> values) {
	}

	/**
	 * A value of an option type.
	 *
	 * @param id its id
	 * @param label its label
	 */
	public record OptionValue(long id, String label) {
	}

}
