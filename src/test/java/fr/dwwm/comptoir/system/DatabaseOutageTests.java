package fr.dwwm.comptoir.system;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import fr.dwwm.comptoir.ComptoirApplication;
import fr.dwwm.comptoir.order.CardPayment;
import fr.dwwm.comptoir.order.CardRefund;
import fr.dwwm.comptoir.order.PaymentGateway;
import fr.dwwm.comptoir.order.PaymentReconciliation;
import fr.dwwm.comptoir.order.PaymentResult;
import fr.dwwm.comptoir.order.RefundResult;
import fr.dwwm.comptoir.test.CheckoutForm;
import fr.dwwm.comptoir.test.ExternalDatabase;
import fr.dwwm.comptoir.test.Http;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes down under a running shop, then comes back: in between, pages answer
 * the French « Service momentanément indisponible » page with a 503 and the health check
 * says DOWN; afterwards the shop serves again by itself. A checkout cut by the outage,
 * before, inside or after its transaction, ends with a complete order or none, and the
 * cart of a customer without an order is intact.
 */
class DatabaseOutageTests {

	private static final String PRODUCT_PAGE = "/products/confiture-de-figues";

	/** The database of the running test, which the test's payment provider stops. */
	static volatile EmbeddedPostgresServer database;

	/**
	 * One database for the class: created and migrated once (about 6 s saved per test),
	 * stopped after each test and started again by the next on the same files.
	 */
	@TempDir
	static Path dataDirectory;

	@AfterEach
	void stopTheDatabase() {
		database.close();
	}

	@Test
	void pagesAnswer503WhileTheDatabaseIsDownAndTheShopRecoversByItself() throws Exception {
		database = EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(dataDirectory, 0, false));
		try (ConfigurableApplicationContext shop = startShop()) {
			Http visitor = visitorWithJamInCart(shop);
			String csrf = visitor.csrfToken("/cart");
			int ordersBefore = orders(shop);

			database.close();
			HttpResponse<String> down = visitor.get("/products");
			assertThat(down.statusCode()).isEqualTo(503);
			assertThat(down.headers().firstValue("Retry-After")).hasValue("30");
			assertThat(Jsoup.parse(down.body()).select("h1").text()).isEqualTo("Service momentanément indisponible");
			assertThat(Jsoup.parse(down.body()).select("meta[http-equiv=Content-Security-Policy]").attr("content"))
				.as("the filters' headers were reset: the policy comes with the page")
				.startsWith("default-src 'none'");
			assertThat(visitor.get("/health").body()).contains("\"DOWN\"");
			HttpResponse<String> probe = new Http(visitor.port()).get("/health");
			assertThat(probe.statusCode()).as("a load balancer's probe, without cookies").isEqualTo(503);
			assertThat(probe.body()).contains("\"DOWN\"");
			HttpResponse<String> checkout = visitor.submit("POST", "/checkout", Map.of("_csrf", csrf));
			assertThat(checkout.statusCode()).as("a checkout tried during the outage").isEqualTo(503);

			restartDatabaseAndWaitForTheShop(visitor);
			assertThat(visitor.get("/health").body()).contains("\"UP\"");
			assertThat(cartText(visitor)).as("the cart is intact").contains("Confiture de figues");
			assertThat(orders(shop)).as("no order, not even half of one").isEqualTo(ordersBefore);
		}
	}

	@Test
	void aCheckoutCutInsideItsTransactionLeavesNoOrderTheStockAsItWasAndTheCartIntact() throws Exception {
		database = EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(dataDirectory, 0, false));
		try (ConfigurableApplicationContext shop = startShop()) {
			Http visitor = visitorWithJamInCart(shop);
			Map<String, String> form = CheckoutForm.filled(checkoutPage(visitor), "coupee@exemple.test");
			int stockBefore = jamStock(shop);
			// The order and its first line are written, then the transaction waits: the
			// outage strikes in the middle of it.
			JdbcClient owner = JdbcClient.create(new DriverManagerDataSource(
					database.jdbcUrl(EmbeddedPostgresServer.DATABASE), EmbeddedPostgresServer.OWNER_ROLE, ""));
			owner.sql("""
					CREATE FUNCTION wait_in_checkout() RETURNS trigger LANGUAGE plpgsql AS $$
					BEGIN PERFORM pg_sleep(60); RETURN NEW; END $$""").update();
			owner.sql("""
					CREATE TRIGGER wait_in_checkout AFTER INSERT ON order_line
					FOR EACH ROW EXECUTE FUNCTION wait_in_checkout()""").update();
			CompletableFuture<HttpResponse<String>> checkout = CompletableFuture
				.supplyAsync(() -> visitor.submit("POST", "/checkout", form));
			awaitSleepingCheckout();

			database.close();
			HttpResponse<String> answer = checkout.get(30, TimeUnit.SECONDS);
			assertThat(answer.statusCode()).isEqualTo(503);
			assertThat(Jsoup.parse(answer.body()).select("h1").text()).isEqualTo("Service momentanément indisponible");

			restartDatabaseAndWaitForTheShop(visitor);
			assertThat(ordersOf(shop, "coupee@exemple.test")).as("no order, not even half of one").isZero();
			assertThat(jamStock(shop)).as("the stock taken in the transaction came back with it")
				.isEqualTo(stockBefore);
			assertThat(cartText(visitor)).as("the cart is intact").contains("Confiture de figues");
			// The database is the class's: the next test's checkout must not wait.
			JdbcClient
				.create(new DriverManagerDataSource(database.jdbcUrl(EmbeddedPostgresServer.DATABASE),
						EmbeddedPostgresServer.OWNER_ROLE, ""))
				.sql("DROP TRIGGER wait_in_checkout ON order_line; DROP FUNCTION wait_in_checkout()")
				.update();
		}
	}

	@Test
	void aPaymentAcceptedAsTheDatabaseWentDownIsRecordedByTheReconciliationOnceItIsBack() throws Exception {
		database = EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(dataDirectory, 0, false));
		try (ConfigurableApplicationContext shop = startShop(List.of(OutageAfterChargeGateway.class),
				"--app.payment.provider=outage-after-charge")) {
			Http visitor = visitorWithJamInCart(shop);
			Map<String, String> form = CheckoutForm.filled(checkoutPage(visitor), "debitee@exemple.test");

			HttpResponse<String> answer = visitor.submit("POST", "/checkout", form);
			assertThat(answer.statusCode()).as("the provider said yes, then the database went down").isEqualTo(503);

			restartDatabaseAndWaitForTheShop(visitor);
			assertThat(statusOf(shop, "debitee@exemple.test")).as("reserved, its payment not yet recorded")
				.isEqualTo("AWAITING_PAYMENT");
			PaymentReconciliation.Outcome outcome = shop.getBean(PaymentReconciliation.class)
				.settle(Instant.now().plusSeconds(1));
			assertThat(outcome.paid()).isEqualTo(1);
			assertThat(statusOf(shop, "debitee@exemple.test")).isEqualTo("PAID");
			assertThat(shop.getBean(JdbcClient.class)
				.sql("SELECT count(*) FROM invoice i JOIN customer_order o ON o.id = i.order_id WHERE o.email = :email")
				.param("email", "debitee@exemple.test")
				.query(Integer.class)
				.single()).as("an invoice").isEqualTo(1);
			// The reconciliation also cancels the demo's old unpaid orders, which gives
			// their stock back: count this order's own stock movements.
			assertThat(shop.getBean(JdbcClient.class)
				.sql("""
						SELECT sum(m.delta) || ' for ' || (SELECT sum(quantity) FROM order_line WHERE order_id = o.id)
						FROM stock_movement m JOIN customer_order o ON o.id = m.order_id
						WHERE o.email = :email GROUP BY o.id""")
				.param("email", "debitee@exemple.test")
				.query(String.class)
				.single()).as("the stock taken once").isEqualTo("-2 for 2");
			assertThat(cartText(visitor)).as("the cart is closed: the order is complete")
				.contains("Votre panier est vide");
		}
	}

	private static ConfigurableApplicationContext startShop() {
		return startShop(List.of());
	}

	/**
	 * Starts the shop on the test's database.
	 * @param extraSources classes added to the shop (a test's payment provider)
	 * @param arguments command-line arguments ({@code --name=value})
	 */
	private static ConfigurableApplicationContext startShop(List<Class<?>> extraSources, String... arguments) {
		// A request during the outage waits for a connection as long as the pool's
		// timeout:
		// 3 s in the shop, 1 s here, where the answers are checked, not how long they
		// take.
		return new SpringApplicationBuilder(ComptoirApplication.class).sources(extraSources.toArray(Class<?>[]::new))
			.environment(ExternalDatabase.of(database))
			.profiles("test")
			.properties("server.port=0", "spring.main.banner-mode=off",
					"spring.datasource.hikari.connection-timeout=1000")
			.run(arguments);
	}

	private static Http visitorWithJamInCart(ConfigurableApplicationContext shop) {
		Http visitor = new Http(Integer.parseInt(shop.getEnvironment().getProperty("local.server.port")));
		assertThat(visitor.get("/").statusCode()).isEqualTo(200);
		long variant = shop.getBean(JdbcClient.class)
			.sql("SELECT v.id FROM product_variant v JOIN product p ON p.id = v.product_id "
					+ "WHERE p.slug = 'confiture-de-figues' ORDER BY v.position, v.id LIMIT 1")
			.query(Long.class)
			.single();
		visitor.postForm(PRODUCT_PAGE, "/cart/lines", Map.of("variantId", String.valueOf(variant), "quantity", "2"));
		return visitor;
	}

	private static Document checkoutPage(Http visitor) {
		HttpResponse<String> page = visitor.get("/checkout");
		assertThat(page.statusCode()).isEqualTo(200);
		return Jsoup.parse(page.body());
	}

	private static String cartText(Http visitor) {
		return Jsoup.parse(visitor.get("/cart").body()).select("main").text();
	}

	private static void awaitSleepingCheckout() throws InterruptedException {
		// The superuser sees what every session waits for.
		JdbcClient superuser = JdbcClient.create(database.superuserDataSource());
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (superuser.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'")
			.query(Integer.class)
			.single() == 0) {
			assertThat(Instant.now()).as("the checkout reached its order line").isBefore(deadline);
			Thread.sleep(100);
		}
	}

	private void restartDatabaseAndWaitForTheShop(Http visitor) throws InterruptedException {
		database = EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(dataDirectory, database.port(), false));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (visitor.get("/products").statusCode() != 200 && Instant.now().isBefore(deadline)) {
			Thread.sleep(500);
		}
		assertThat(visitor.get("/products").statusCode()).as("recovered without a restart").isEqualTo(200);
	}

	private static int orders(ConfigurableApplicationContext shop) {
		return shop.getBean(JdbcClient.class).sql("SELECT count(*) FROM customer_order").query(Integer.class).single();
	}

	private static int ordersOf(ConfigurableApplicationContext shop, String email) {
		return shop.getBean(JdbcClient.class)
			.sql("SELECT count(*) FROM customer_order WHERE email = :email")
			.param("email", email)
			.query(Integer.class)
			.single();
	}

	private static String statusOf(ConfigurableApplicationContext shop, String email) {
		return shop.getBean(JdbcClient.class)
			.sql("SELECT status FROM customer_order WHERE email = :email")
			.param("email", email)
			.query(String.class)
			.single();
	}

	private static int jamStock(ConfigurableApplicationContext shop) {
		return shop.getBean(JdbcClient.class)
			.sql("SELECT stock FROM product WHERE slug = 'confiture-de-figues'")
			.query(Integer.class)
			.single();
	}

	/**
	 * A provider that accepts the payment, and at that very moment the database goes
	 * down: the shop cannot record the answer. The provider remembers it, as a real one
	 * does.
	 */
	static class OutageAfterChargeGateway implements PaymentGateway {

		private final Map<String, PaymentResult> answers = new ConcurrentHashMap<>();

		@Override
		public String name() {
			return "outage-test";
		}

		@Override
		public PaymentResult charge(CardPayment payment) {
			PaymentResult accepted = new PaymentResult(PaymentResult.Outcome.SUCCEEDED,
					"test_" + payment.orderReference(), "4242", "VISA");
			this.answers.put(payment.orderReference(), accepted);
			database.close();
			return accepted;
		}

		@Override
		public RefundResult refund(CardRefund refund) {
			throw new IllegalStateException("not used");
		}

		@Override
		public Optional<RefundResult> findRefund(String idempotencyKey) {
			return Optional.empty();
		}

		@Override
		public Optional<PaymentResult> find(String orderReference) {
			return Optional.ofNullable(this.answers.get(orderReference));
		}

	}

}
