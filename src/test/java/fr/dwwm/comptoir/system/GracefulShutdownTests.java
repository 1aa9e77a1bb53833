package fr.dwwm.comptoir.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import fr.dwwm.comptoir.ComptoirApplication;
import fr.dwwm.comptoir.order.CardPayment;
import fr.dwwm.comptoir.order.CardRefund;
import fr.dwwm.comptoir.order.PaymentGateway;
import fr.dwwm.comptoir.order.PaymentResult;
import fr.dwwm.comptoir.order.RefundResult;
import fr.dwwm.comptoir.test.CheckoutForm;
import fr.dwwm.comptoir.test.Http;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the shop while requests are in progress: each finishes with its answer
 * (server.shutdown=graceful), a checkout included, whose order is then complete; the shop
 * then stops.
 */
class GracefulShutdownTests {

	static final CountDownLatch slowRequestStarted = new CountDownLatch(1);

	static final CountDownLatch chargeStarted = new CountDownLatch(1);

	@Test
	void aRequestInProgressWhenTheShopStopsStillGetsItsAnswer() throws Exception {
		ConfigurableApplicationContext shop = start(SlowEndpoint.class);
		CompletableFuture<HttpResponse<String>> inProgress = HttpClient.newHttpClient()
			.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port(shop) + "/test/slow")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(slowRequestStarted.await(10, TimeUnit.SECONDS)).as("the slow request reached the shop").isTrue();

		shop.close();

		HttpResponse<String> answer = inProgress.get(10, TimeUnit.SECONDS);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("fini");
		assertThat(shop.isActive()).isFalse();
	}

	@Test
	void aCheckoutInProgressWhenTheShopStopsEndsWithACompleteOrder() throws Exception {
		ConfigurableApplicationContext shop = start(SlowPaymentGateway.class, "--app.payment.provider=slow");
		HikariDataSource pool = shop.getBean(HikariDataSource.class);
		JdbcClient database = JdbcClient
			.create(new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword()));
		long product = database.sql("SELECT id FROM product WHERE slug = 'confiture-de-figues'")
			.query(Long.class)
			.single();
		Http customer = new Http(port(shop));
		customer.postForm("/products/confiture-de-figues", "/cart/lines",
				Map.of("variantId",
						String.valueOf(fr.dwwm.comptoir.catalog.CatalogFixtures.firstVariant(database, product)),
						"quantity", "1"));
		String email = "arret-" + System.nanoTime() + "@exemple.test";
		Map<String, String> form = CheckoutForm.filled(Jsoup.parse(customer.get("/checkout").body()), email);
		CompletableFuture<HttpResponse<String>> checkout = CompletableFuture
			.supplyAsync(() -> customer.submit("POST", "/checkout", form));
		assertThat(chargeStarted.await(10, TimeUnit.SECONDS)).as("the checkout is charging the card").isTrue();

		shop.close();

		HttpResponse<String> answer = checkout.get(10, TimeUnit.SECONDS);
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).matches(".*/checkout/orders/CPT-[0-9]{4}-[0-9]{6}"));
		assertThat(database.sql("""
				SELECT o.status || ' ' || count(l.id) || ' line(s), invoice ' || (i.id IS NOT NULL)
				FROM customer_order o JOIN order_line l ON l.order_id = o.id LEFT JOIN invoice i ON i.order_id = o.id
				WHERE o.email = :email GROUP BY o.status, i.id""").param("email", email).query(String.class).single())
			.isEqualTo("PAID 1 line(s), invoice true");
	}

	private static ConfigurableApplicationContext start(Class<?> extraSource, String... arguments) {
		return new SpringApplicationBuilder(ComptoirApplication.class, extraSource).profiles("test")
			.properties("server.port=0", "spring.main.banner-mode=off")
			.run(arguments);
	}

	private static int port(ConfigurableApplicationContext shop) {
		return Integer.parseInt(shop.getEnvironment().getProperty("local.server.port"));
	}

	/** An endpoint that takes two seconds, only in this test's shop. */
	@RestController
	static class SlowEndpoint {

		@GetMapping("/test/slow")
		String slow() throws InterruptedException {
			slowRequestStarted.countDown();
			Thread.sleep(2000);
			return "fini";
		}

	}

	/** A card provider that takes two seconds to accept a payment. */
	static class SlowPaymentGateway implements PaymentGateway {

		@Override
		public String name() {
			return "slow-test";
		}

		@Override
		public PaymentResult charge(CardPayment payment) {
			chargeStarted.countDown();
			try {
				Thread.sleep(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return new PaymentResult(PaymentResult.Outcome.SUCCEEDED, "slow_" + payment.orderReference(), "4242",
					"VISA");
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
			return Optional.empty();
		}

	}

}
