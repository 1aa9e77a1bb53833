package fr.dwwm.comptoir.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import fr.dwwm.comptoir.ComptoirApplication;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.order.CardPayment;
import fr.dwwm.comptoir.order.CardRefund;
import fr.dwwm.comptoir.order.PaymentGateway;
import fr.dwwm.comptoir.order.PaymentResult;
import fr.dwwm.comptoir.order.RefundResult;
import fr.dwwm.comptoir.test.ExternalDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop started with the {@code production} profile, as {@code docker-compose.yml}
 * starts it behind its TLS proxy: on the PostgreSQL server named by
 * {@code SPRING_DATASOURCE_URL} (migrated as the owner role, run as the application role,
 * no embedded server), with cookies only a browser on HTTPS sends back, and without the
 * demo's conveniences. Everything else in the tests runs the demo configuration over
 * plain HTTP: this is where the production settings themselves are seen at work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionStartTests {

	/** The TLS proxy's address, trusted for {@code X-Forwarded-*} (C19, C21). */
	private static final String PROXY = "127.0.0.1";

	@TempDir
	static Path dataDirectory;

	private EmbeddedPostgresServer external;

	private ConfigurableApplicationContext shop;

	private HttpClient client;

	@BeforeAll
	void aShopStartedInProductionOnItsOwnServer() {
		// A second, independent server stands for the production PostgreSQL; start()
		// prepares it with database/design/roles.sql as an administrator would.
		this.external = EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(dataDirectory, 0, true));
		StandardEnvironment environment = ExternalDatabase.of(this.external);
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("production settings", Map.of("app.secret-key",
					Base64.getEncoder().encodeToString(key), "app.public-url", "https://boutique.exemple.test",
					"app.payment.provider", "prestataire-de-test", "app.security.trusted-proxies", PROXY,
					// The server's roles trust local connections; the check wants a
					// password set.
					"spring.datasource.password", "non-vide", "spring.mail.host", "localhost", "spring.mail.port", "1",
					// Plain log lines for the test report (the JSON layout is Spring
					// Boot's own).
					"logging.structured.format.console", "")));
		this.shop = new SpringApplicationBuilder(ComptoirApplication.class).environment(environment)
			.profiles("production")
			.properties("server.port=0", "management.server.port=0")
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("paymentProviderAdapter", new UnusedPaymentProvider()))
			.run();
		this.client = HttpClient.newHttpClient();
	}

	@AfterAll
	void stop() {
		if (this.shop != null) {
			this.shop.close();
		}
		if (this.external != null) {
			this.external.close();
		}
	}

	@Test
	void theShopUsesTheServerGivenInTheEnvironment() throws SQLException {
		assertThat(this.shop.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
		try (Connection connection = this.shop.getBean(DataSource.class).getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"SELECT current_user, inet_server_port(), (SELECT count(*) FROM flyway_schema_history WHERE success)")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualTo(EmbeddedPostgresServer.APPLICATION_ROLE);
			assertThat(result.getInt(2)).isEqualTo(this.external.port());
			assertThat(result.getInt(3)).as("migrations applied on the external server").isPositive();
		}
	}

	@Test
	void theSessionCookieIsHostOnlySecureHttpOnlyAndLaxAndTheCsrfCookieSecureToo() {
		JdbcClient jdbc = this.shop.getBean(JdbcClient.class);
		CatalogFixtures fixtures = new CatalogFixtures(jdbc);
		long variant = CatalogFixtures.firstVariant(jdbc,
				fixtures.product(fixtures.category("Production", null), "Savon de production", 450, 10, Map.of()));

		HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-Proto", "https"));
		String csrfCookie = setCookie(login, "__Host-COMPTOIR_CSRF");
		assertThat(csrfCookie).as("the CSRF cookie, over HTTPS through the proxy")
			.containsIgnoringCase("; Secure")
			.containsIgnoringCase("; HttpOnly")
			.containsIgnoringCase("; Path=/")
			.doesNotContainIgnoringCase("Domain=");
		String token = login.body().replaceFirst("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

		HttpResponse<String> added = send(HttpRequest.newBuilder(uri("/cart/lines"))
			.header("X-Forwarded-Proto", "https")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&variantId=" + variant + "&quantity=1")));
		assertThat(added.statusCode()).as("a guest's first cart line opens a session").isEqualTo(302);
		String session = setCookie(added, "__Host-COMPTOIR_SESSION");
		assertThat(session).as("ANSSI, ASVS 3.3.1: sent back only over HTTPS, to this host, on every path")
			.containsIgnoringCase("; Secure")
			.containsIgnoringCase("; HttpOnly")
			.containsIgnoringCase("; SameSite=Lax")
			.containsIgnoringCase("; Path=/")
			.doesNotContainIgnoringCase("Domain=");
		String id = new String(
				Base64.getDecoder().decode(session.substring(session.indexOf('=') + 1, session.indexOf(';'))),
				StandardCharsets.US_ASCII);
		assertThat(id).as("32 random bytes in URL-safe Base64").matches("[A-Za-z0-9_-]{43}");
		assertThat(added.headers().firstValue("Location").orElse("")).doesNotContainIgnoringCase("jsessionid");

		HttpResponse<String> plain = send(HttpRequest.newBuilder(uri("/login")));
		assertThat(setCookie(plain, "__Host-COMPTOIR_CSRF")).as("Secure even on a request that reached it in clear")
			.containsIgnoringCase("; Secure");
	}

	@Test
	void throughTheProxyEveryPageSaysHttpsOnlyAndAClearRequestIsNotTakenForHttps() {
		HttpResponse<String> secure = send(HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-Proto", "https"));
		assertThat(secure.headers().firstValue("Strict-Transport-Security")).as("HSTS, a year, subdomains too")
			.hasValue("max-age=31536000 ; includeSubDomains");
		assertThat(secure.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy).contains("'nonce-", "object-src 'none'", "frame-ancestors 'none'"));
		assertThat(secure.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(secure.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(secure.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");

		HttpResponse<String> clear = send(HttpRequest.newBuilder(uri("/login")));
		assertThat(clear.headers().firstValue("Strict-Transport-Security"))
			.as("HSTS only on what the proxy says came over HTTPS")
			.isEmpty();
	}

	@Test
	void theDemoConveniencesAreNotThere() {
		for (String path : List.of("/demo/mails", "/styleguide", "/api/docs")) {
			assertThat(send(HttpRequest.newBuilder(uri(path)).header("X-Forwarded-Proto", "https")).statusCode())
				.as(path)
				.isEqualTo(404);
		}
	}

	private URI uri(String path) {
		int port = ((WebServerApplicationContext) this.shop).getWebServer().getPort();
		return URI.create("http://localhost:" + port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The {@code Set-Cookie} header that sets a cookie, whole (value and attributes). */
	private static String setCookie(HttpResponse<String> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith(name + "="))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"no " + name + " cookie in " + response.headers().allValues("Set-Cookie")));
	}

	/**
	 * The adapter of a payment provider, which production requires instead of the demo
	 * one; nothing here pays.
	 */
	private static final class UnusedPaymentProvider implements PaymentGateway {

		@Override
		public String name() {
			return "prestataire-de-test";
		}

		@Override
		public PaymentResult charge(CardPayment payment) {
			throw new UnsupportedOperationException("no payment in this test");
		}

		@Override
		public RefundResult refund(CardRefund refund) {
			throw new UnsupportedOperationException("no refund in this test");
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
