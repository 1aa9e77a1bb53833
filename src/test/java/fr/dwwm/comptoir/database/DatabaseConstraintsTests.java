package fr.dwwm.comptoir.database;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The management rules hold in the database itself, whatever code writes to it: these
 * statements go straight to PostgreSQL, bypassing every Java validation, and are refused.
 */
@IntegrationTest
class DatabaseConstraintsTests {

	@Autowired
	private JdbcClient jdbc;

	private long category;

	private long product;

	private long variant;

	private final String unique = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void aProductInItsCategory() {
		this.category = this.jdbc
			.sql("INSERT INTO category (name, slug, active) VALUES ('Contraintes', :slug, false) RETURNING id")
			.param("slug", "contraintes-" + this.unique)
			.query(Long.class)
			.single();
		this.product = insertProduct("bocal-" + this.unique, "SKU-" + this.unique.toUpperCase(), 450, 3);
		this.variant = this.jdbc.sql("SELECT id FROM product_variant WHERE product_id = :product")
			.param("product", this.product)
			.query(Long.class)
			.single();
	}

	@Test
	void aVariantsStockCannotBeNegative() {
		assertRefused("UPDATE product_variant SET stock = -1 WHERE id = " + this.variant);
		assertThatCode(() -> this.jdbc.sql("UPDATE product_variant SET stock = 0 WHERE id = :id")
			.param("id", this.variant)
			.update()).doesNotThrowAnyException();
	}

	@Test
	void aVariantsPriceCannotBeNegative() {
		assertRefused("UPDATE product_variant SET price_cents = -5 WHERE id = " + this.variant);
	}

	@Test
	void theApplicationCannotWriteTheProductsPriceAndStockWhichTheDatabaseKeepsFromItsVariants() {
		for (String column : new String[] { "stock", "price_cents" }) {
			assertThatThrownBy(() -> this.jdbc.sql("UPDATE product SET " + column + " = 1 WHERE id = :id")
				.param("id", this.product)
				.update()).rootCause().hasMessageContaining("permission denied");
		}
	}

	@Test
	void theProductKeepsTheLowestPriceAndTheTotalStockOfItsActiveVariants() {
		long[] sizes = options("Taille", "Petit", "Moyen", "Grand");
		addValue(this.variant, sizes[0]);
		long second = insertVariant("-B", 390, 5);
		addValue(second, sizes[1]);
		addValue(insertVariant("-C", 100, 7), sizes[2]);
		this.jdbc.sql("UPDATE product_variant SET active = false WHERE price_cents = 100 AND product_id = :product")
			.param("product", this.product)
			.update();
		assertThat(summary()).containsExactly(390, 3 + 5);
		this.jdbc.sql("UPDATE product_variant SET stock = stock - 2, price_cents = 420 WHERE id = :id")
			.param("id", second)
			.update();
		assertThat(summary()).containsExactly(420, 3 + 3);
		this.jdbc.sql("UPDATE product_variant SET active = false WHERE id = :id").param("id", this.variant).update();
		assertThat(summary()).as("only the active variants count").containsExactly(420, 3);
	}

	@Test
	void twoVariantsOfAProductCannotHaveTheSameOptionValues() {
		assertThatThrownBy(() -> insertVariant("-A", 500, 1)).as("a second variant without options")
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("product_variant_one_per_combination");
		long[] sizes = options("Taille", "Petit", "Grand");
		addValue(this.variant, sizes[0]);
		long other = insertVariant("-B", 500, 1);
		assertThatThrownBy(() -> addValue(other, sizes[0])).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("product_variant_one_per_combination");
		assertThatCode(() -> addValue(other, sizes[1])).doesNotThrowAnyException();
	}

	@Test
	void aVariantHasOneValuePerOptionAndOnlyValuesOfThatOption() {
		long[] sizes = options("Taille", "Petit", "Grand");
		long[] glazes = options("Émail", "Bleu");
		addValue(this.variant, sizes[0]);
		assertThatThrownBy(() -> addValue(this.variant, sizes[1])).isInstanceOf(DataIntegrityViolationException.class);
		assertRefused("INSERT INTO variant_option_value (variant_id, option_type_id, option_value_id) SELECT "
				+ this.variant + ", option_type_id, " + glazes[0] + " FROM option_value WHERE id = " + sizes[0]);
	}

	@Test
	void aPictureCanOnlyShowAVariantOfItsOwnProduct() {
		long otherProduct = insertProduct("autre-" + this.unique, "OTHER-" + this.unique.toUpperCase(), 100, 1);
		long otherVariant = this.jdbc.sql("SELECT id FROM product_variant WHERE product_id = :product")
			.param("product", otherProduct)
			.query(Long.class)
			.single();
		assertRefused("INSERT INTO product_image (product_id, variant_id, file_name, alt_text, width, height) VALUES ("
				+ this.product + ", " + otherVariant + ", '" + UUID.randomUUID() + ".jpg', 'x', 10, 10)");
	}

	@Test
	void onlyFrenchVatRatesAreAccepted() {
		assertRefused("UPDATE product SET vat_rate = 19.6 WHERE id = " + this.product);
	}

	@Test
	void twoProductsCannotShareASlug() {
		assertThatThrownBy(() -> insertProduct("bocal-" + this.unique, "OTHER-" + this.unique.toUpperCase(), 100, 1))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("product_slug_key");
	}

	@Test
	void attributesMustBeAJsonObject() {
		assertRefused("UPDATE product SET attributes = '[1, 2]' WHERE id = " + this.product);
	}

	@Test
	void aCartLineNeedsAPositiveQuantity() {
		long cart = this.jdbc.sql("INSERT INTO cart DEFAULT VALUES RETURNING id").query(Long.class).single();
		assertRefused(
				"INSERT INTO cart_line (cart_id, variant_id, quantity) VALUES (" + cart + ", " + this.variant + ", 0)");
		assertRefused("INSERT INTO cart_line (cart_id, variant_id, quantity) VALUES (" + cart + ", " + this.variant
				+ ", -2)");
	}

	@Test
	void aCategoryCannotBeMovedUnderItsOwnDescendant() {
		long child = this.jdbc
			.sql("INSERT INTO category (parent_id, name, slug) VALUES (:parent, 'Enfant', :slug) RETURNING id")
			.param("parent", this.category)
			.param("slug", "enfant-" + this.unique)
			.query(Long.class)
			.single();
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE category SET parent_id = :child WHERE id = :parent")
			.param("child", child)
			.param("parent", this.category)
			.update()).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("descendant");
	}

	@Test
	void aCategoryWithProductsCannotBeDeleted() {
		assertRefused("DELETE FROM category WHERE id = " + this.category);
	}

	@Test
	void anOrderTotalMustAddUp() {
		assertRefused(orderInsert(1000, 0, 590, 1500));
		assertThatCode(() -> this.jdbc.sql(orderInsert(1000, 100, 590, 1490)).update()).doesNotThrowAnyException();
	}

	@Test
	void aPromoCodeCannotBeUsedMoreOftenThanAllowed() {
		this.jdbc.sql("""
				INSERT INTO promo_code (code, kind, amount, starts_at, ends_at, max_uses, uses)
				VALUES (:code, 'FIXED', 500, now(), now() + interval '1 day', 2, 2)""")
			.param("code", "MAX" + this.unique.toUpperCase().replace("-", ""))
			.update();
		assertRefused("UPDATE promo_code SET uses = uses + 1 WHERE code = 'MAX"
				+ this.unique.toUpperCase().replace("-", "") + "'");
	}

	@Test
	void anAnonymisedAccountKeepsNoPersonalData() {
		assertRefused("INSERT INTO account (email, password_hash, first_name, anonymised_at, enabled) "
				+ "VALUES (NULL, NULL, 'Camille', now(), false)");
		assertThatCode(() -> this.jdbc
			.sql("INSERT INTO account (email, password_hash, anonymised_at, enabled) VALUES (NULL, NULL, now(), false)")
			.update()).doesNotThrowAnyException();
	}

	@Test
	void emailsAreStoredInLowerCaseOnce() {
		assertRefused("INSERT INTO account (email, password_hash) VALUES ('Camille@Example.test', 'x')");
		this.jdbc.sql("INSERT INTO account (email, password_hash) VALUES (:email, 'x')")
			.param("email", "unique-" + this.unique + "@example.test")
			.update();
		assertRefused(
				"INSERT INTO account (email, password_hash) VALUES ('unique-" + this.unique + "@example.test', 'y')");
	}

	private String orderInsert(int items, int discount, int shipping, int total) {
		return """
				INSERT INTO customer_order (reference, idempotency_key, email, status, shipping_method_id,
				    shipping_method_name, items_total_cents, discount_cents, shipping_cents, total_cents,
				    terms_accepted_at)
				SELECT 'TST-2026-' || lpad(nextval('customer_order_number_seq')::text, 6, '0'), gen_random_uuid(),
				    'test@example.test', 'AWAITING_PAYMENT', id, name, %d, %d, %d, %d, now()
				FROM shipping_method WHERE code = 'COLISSIMO'""".formatted(items, discount, shipping, total);
	}

	private long insertProduct(String slug, String sku, int price, int stock) {
		// The product and its first variant in one statement: a product without a variant
		// is refused at the end of its transaction (product_has_a_variant).
		return this.jdbc.sql("""
				WITH product_row AS (
				    INSERT INTO product (category_id, sku, name, slug, summary, description, price_cents, vat_rate)
				    VALUES (:category, :sku, 'Bocal', :slug, 'Un bocal', 'Un bocal en verre', :price, 20.00)
				    RETURNING id, sku, price_cents)
				INSERT INTO product_variant (product_id, sku, price_cents, stock)
				SELECT id, sku, price_cents, :stock FROM product_row RETURNING product_id""")
			.param("category", this.category)
			.param("sku", sku)
			.param("slug", slug)
			.param("price", price)
			.param("stock", stock)
			.query(Long.class)
			.single();
	}

	private long insertVariant(String suffix, int price, int stock) {
		return this.jdbc.sql("""
				INSERT INTO product_variant (product_id, sku, price_cents, stock)
				VALUES (:product, :sku, :price, :stock) RETURNING id""")
			.param("product", this.product)
			.param("sku", "SKU-" + this.unique.toUpperCase() + suffix)
			.param("price", price)
			.param("stock", stock)
			.query(Long.class)
			.single();
	}

	private List<Integer> summary() {
		Map<String, Object> row = this.jdbc.sql("SELECT price_cents, stock FROM product WHERE id = :id")
			.param("id", this.product)
			.query()
			.singleRow();
		return List.of((Integer) row.get("price_cents"), (Integer) row.get("stock"));
	}

	private long[] options(String name, String... labels) {
		long type = this.jdbc.sql("INSERT INTO option_type (name) VALUES (:name) RETURNING id")
			.param("name", name + " " + this.unique)
			.query(Long.class)
			.single();
		long[] values = new long[labels.length];
		for (int i = 0; i < labels.length; i++) {
			values[i] = this.jdbc
				.sql("INSERT INTO option_value (option_type_id, label) VALUES (:type, :label) RETURNING id")
				.param("type", type)
				.param("label", labels[i])
				.query(Long.class)
				.single();
		}
		return values;
	}

	private void addValue(long variant, long value) {
		this.jdbc.sql("""
				INSERT INTO variant_option_value (variant_id, option_type_id, option_value_id)
				SELECT :variant, option_type_id, id FROM option_value WHERE id = :value""")
			.param("variant", variant)
			.param("value", value)
			.update();
	}

	private void assertRefused(String sql) {
		assertThatThrownBy(() -> this.jdbc.sql(sql).update()).isInstanceOf(DataIntegrityViolationException.class);
	}

}
