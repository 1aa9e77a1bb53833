package fr.dwwm.comptoir.system;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import fr.dwwm.comptoir.ComptoirApplication;
import fr.dwwm.comptoir.test.Http;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes down under a running shop, then comes back: in between, pages answer
 * the French « Service momentanément indisponible » page with a 503 and the health check
 * says DOWN; afterwards the shop serves again by itself, and a cart filled before the
 * outage is intact (a checkout tried during it left no order).
 */
class DatabaseOutageTests {

	@TempDir
	Path dataDirectory;

	@Test
	void pagesAnswer503WhileTheDatabaseIsDownAndTheShopRecoversByItself() throws Exception {
		EmbeddedPostgresServer database = EmbeddedPostgresServer
			.start(new EmbeddedDatabaseProperties(this.dataDirectory, 0, false));
		int port = database.port();
		try (ConfigurableApplicationContext shop = startShopOn(database)) {
			Http visitor = new Http(Integer.parseInt(shop.getEnvironment().getProperty("local.server.port")));
			assertThat(visitor.get("/").statusCode()).isEqualTo(200);
			String productPage = "/products/confiture-de-figues";
			long product = JdbcClient.create(shop.getBean(javax.sql.DataSource.class))
				.sql("SELECT id FROM product WHERE slug = 'confiture-de-figues'")
				.query(Long.class)
				.single();
			visitor.postForm(productPage, "/cart/lines", Map.of("productId", String.valueOf(product), "quantity", "2"));
			String csrf = visitor.csrfToken("/cart");
			int ordersBefore = orders(shop);

			database.close();
			HttpResponse<String> down = visitor.get("/products");
			assertThat(down.statusCode()).isEqualTo(503);
			assertThat(down.headers().firstValue("Retry-After")).hasValue("30");
			assertThat(Jsoup.parse(down.body()).select("h1").text()).isEqualTo("Service momentanément indisponible");
			assertThat(visitor.get("/actuator/health").body()).contains("\"DOWN\"");
			HttpResponse<String> probe = new Http(visitor.port()).get("/actuator/health");
			assertThat(probe.statusCode()).as("a load balancer's probe, without cookies").isEqualTo(503);
			assertThat(probe.body()).contains("\"DOWN\"");
			HttpResponse<String> checkout = visitor.submit("POST", "/checkout", Map.of("_csrf", csrf));
			assertThat(checkout.statusCode()).as("a checkout tried during the outage").isEqualTo(503);

			database = EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(this.dataDirectory, port, false));
			Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
			while (visitor.get("/products").statusCode() != 200 && Instant.now().isBefore(deadline)) {
				Thread.sleep(500);
			}
			assertThat(visitor.get("/products").statusCode()).as("recovered without a restart").isEqualTo(200);
			assertThat(visitor.get("/actuator/health").body()).contains("\"UP\"");
			assertThat(Jsoup.parse(visitor.get("/cart").body()).select("main").text()).as("the cart is intact")
				.contains("Confiture de figues");
			assertThat(orders(shop)).as("no order, not even half of one").isEqualTo(ordersBefore);
		}
		finally {
			database.close();
		}
	}

	private static int orders(ConfigurableApplicationContext shop) {
		return JdbcClient.create(shop.getBean(javax.sql.DataSource.class))
			.sql("SELECT count(*) FROM customer_order")
			.query(Integer.class)
			.single();
	}

	private static ConfigurableApplicationContext startShopOn(EmbeddedPostgresServer database) {
		Map<String, Object> variables = Map.of("SPRING_DATASOURCE_URL",
				database.jdbcUrl(EmbeddedPostgresServer.DATABASE), "SPRING_DATASOURCE_USERNAME",
				EmbeddedPostgresServer.APPLICATION_ROLE, "SPRING_DATASOURCE_PASSWORD", "", "SPRING_FLYWAY_USER",
				EmbeddedPostgresServer.OWNER_ROLE, "SPRING_FLYWAY_PASSWORD", "");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return new SpringApplicationBuilder(ComptoirApplication.class).environment(environment)
			.profiles("test")
			.properties("server.port=0", "spring.main.banner-mode=off")
			.run();
	}

}
