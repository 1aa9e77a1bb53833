package fr.dwwm.comptoir.database;

import java.util.UUID;

import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

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

	private final String unique = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void aProductInItsCategory() {
		this.category = this.jdbc
			.sql("INSERT INTO category (name, slug, active) VALUES ('Contraintes', :slug, false) RETURNING id")
			.param("slug", "contraintes-" + this.unique)
			.query(Long.class)
			.single();
		this.product = insertProduct("bocal-" + this.unique, "SKU-" + this.unique.toUpperCase(), 450, 3);
	}

	@Test
	void stockCannotBeNegative() {
		assertRefused("UPDATE product SET stock = -1 WHERE id = " + this.product);
		assertThatCode(
				() -> this.jdbc.sql("UPDATE product SET stock = 0 WHERE id = :id").param("id", this.product).update())
			.doesNotThrowAnyException();
	}

	@Test
	void priceCannotBeNegative() {
		assertRefused("UPDATE product SET price_cents = -5 WHERE id = " + this.product);
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
				"INSERT INTO cart_line (cart_id, product_id, quantity) VALUES (" + cart + ", " + this.product + ", 0)");
		assertRefused("INSERT INTO cart_line (cart_id, product_id, quantity) VALUES (" + cart + ", " + this.product
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
		return this.jdbc.sql("""
				INSERT INTO product (category_id, sku, name, slug, summary, description, price_cents, vat_rate, stock)
				VALUES (:category, :sku, 'Bocal', :slug, 'Un bocal', 'Un bocal en verre', :price, 20.00, :stock)
				RETURNING id""")
			.param("category", this.category)
			.param("sku", sku)
			.param("slug", slug)
			.param("price", price)
			.param("stock", stock)
			.query(Long.class)
			.single();
	}

	private void assertRefused(String sql) {
		assertThatThrownBy(() -> this.jdbc.sql(sql).update()).isInstanceOf(DataIntegrityViolationException.class);
	}

}
