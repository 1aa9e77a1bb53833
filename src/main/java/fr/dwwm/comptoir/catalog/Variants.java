package fr.dwwm.comptoir.catalog;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The variants (« déclinaisons ») of the products, as the storefront reads them. Owner of
 * {@code product_variant} and {@code variant_option_value} (docs/architecture.md): the
 * stock of a variant only changes through {@link Stock}, its other columns through
 * {@link VariantAdministration}.
 */
@Service
public class Variants {

	private final JdbcClient jdbc;

	Variants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns the active variants of a product, in display order, with their option
	 * values: one statement.
	 * @param productId the product
	 * @return its variants for sale, sold out or not
	 */
	@Transactional(readOnly = true)
	public List<ProductVariant> forSale(long productId) {
		return this.jdbc
			.sql("""
					SELECT v.id, v.sku, v.price_cents, v.stock, variant_label(v.id) AS label, o.kinds, o.properties, o.labels
					FROM product_variant v
					LEFT JOIN LATERAL (
					    SELECT string_agg(t.name, ' · ' ORDER BY t.position, t.id) AS kinds,
					           array_agg(coalesce(t.schema_property, t.name) ORDER BY t.position, t.id) AS properties,
					           array_agg(ov.label ORDER BY t.position, t.id) AS labels
					    FROM variant_option_value vo
					    JOIN option_value ov ON ov.id = vo.option_value_id
					    JOIN option_type t ON t.id = vo.option_type_id
					    WHERE vo.variant_id = v.id) o ON true
					WHERE v.product_id = :product AND v.active
					ORDER BY v.position, v.id""")
			.param("product", productId)
			.query((row, number) -> new ProductVariant(row.getLong("id"), row.getString("sku"), row.getString("label"),
					row.getString("kinds"), strings(row.getArray("properties")), strings(row.getArray("labels")),
					row.getInt("price_cents"), row.getInt("stock")))
			.list();
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
