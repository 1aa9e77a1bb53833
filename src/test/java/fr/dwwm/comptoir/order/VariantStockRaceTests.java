package fr.dwwm.comptoir.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.dwwm.comptoir.cart.Carts;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock of a variant under a rush: fifty buyers at the same instant for a variant
 * with ten units, a fifth of them also buying another variant of the same product. Each
 * variant's stock is taken by its own conditional update, and the product's total by the
 * database after each one (V15): exactly ten orders, the forty refused take nothing, not
 * even the other variant of their cart, and the untouched variant keeps every unit.
 */
@IntegrationTest
class VariantStockRaceTests {

	private static final int BUYERS = 50;

	@Autowired
	private Checkout checkout;

	@Autowired
	private Carts carts;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void fiftyBuyersOfAVariantWithTenUnitsGiveTenOrdersAndTheOtherVariantsKeepTheirStock() throws Exception {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long jam = fixtures.product(fixtures.category("Ruée sur une déclinaison", null), "Confiture de coings", 650, 30,
				Map.of());
		long[] sizes = fixtures.options("Contenance", "250 g", "450 g", "1 kg");
		long small = fixtures.variantOf(jam);
		fixtures.withOptions(small, sizes[0]);
		long wanted = fixtures.variant(jam, 990, 10, sizes[1]);
		long large = fixtures.variant(jam, 1890, 20, sizes[2]);
		List<Long> cartIds = new ArrayList<>();
		for (int i = 0; i < BUYERS; i++) {
			long cart = this.carts.create(null);
			this.carts.add(cart, wanted, 1);
			if (i % 5 == 0) {
				this.carts.add(cart, large, 1);
			}
			cartIds.add(cart);
		}

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
		List<Future<String>> results = new ArrayList<>();
		try {
			for (long cart : cartIds) {
				results.add(pool.submit(() -> {
					start.await();
					try {
						return this.checkout.place(order(cart)).reference();
					}
					catch (CheckoutRefusal refusal) {
						return refusal.getMessageKey();
					}
				}));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<String> result : results) {
				outcomes.add(result.get());
			}
			assertThat(outcomes.stream().filter((outcome) -> outcome.startsWith("CPT-"))).hasSize(10);
			assertThat(outcomes.stream().filter("checkout.out-of-stock"::equals)).hasSize(BUYERS - 10);
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(stock(wanted)).isZero();
		assertThat(stock(small)).as("the variant nobody bought").isEqualTo(30);
		int largeSold = this.jdbc.sql("""
				SELECT coalesce(sum(l.quantity), 0) FROM order_line l JOIN customer_order o ON o.id = l.order_id
				WHERE l.variant_id = :variant AND o.status = 'PAID'""")
			.param("variant", large)
			.query(Integer.class)
			.single();
		assertThat(largeSold).as("only the orders that got their 450 g took a 1 kg").isBetween(0, 10);
		assertThat(stock(large)).isEqualTo(20 - largeSold);
		assertThat(this.jdbc.sql("SELECT stock FROM product WHERE id = :id")
			.param("id", jam)
			.query(Integer.class)
			.single()).as("the product's total, kept by the database").isEqualTo(30 + 0 + 20 - largeSold);
		assertThat(this.jdbc.sql("""
				SELECT DISTINCT l.variant_label || ' ' || l.product_sku || ' ' || l.unit_price_cents
				FROM order_line l WHERE l.variant_id = :variant""").param("variant", wanted).query(String.class).list())
			.as("each line keeps the variant's label, reference and price")
			.singleElement()
			.asString()
			.matches("450 g V[0-9A-F-]+ 990");
		assertThat(this.jdbc.sql("SELECT sum(delta) FROM stock_movement WHERE variant_id = :variant")
			.param("variant", wanted)
			.query(Integer.class)
			.single()).isEqualTo(-10);
	}

	private NewOrder order(long cartId) {
		Quote quote = this.checkout.quote(this.carts.view(cartId), null, null);
		return TestOrders.of(cartId, null, "ruee-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test",
				quote.totals().totalCents(), DemoPaymentGateway.ACCEPTED);
	}

	private int stock(long variantId) {
		return this.jdbc.sql("SELECT stock FROM product_variant WHERE id = :id")
			.param("id", variantId)
			.query(Integer.class)
			.single();
	}

}
