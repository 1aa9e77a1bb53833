package fr.dwwm.comptoir.cart;

import java.net.http.HttpResponse;
import java.util.Map;

import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cart's JSON API as the pages' scripts call it, through Tomcat with real cookies:
 * the server computes every total, and refusals are problem details in French.
 */
@IntegrationTest
class CartApiTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private CatalogFixtures fixtures;

	private long category;

	private Http http;

	private String token;

	@BeforeEach
	void visitAProductPage() {
		this.fixtures = new CatalogFixtures(this.jdbc);
		this.category = this.fixtures.category("Panier en direct", null);
		this.http = new Http(this.port);
		this.token = this.http.csrfToken("/login");
	}

	@Test
	void addingAProductAnswersWithTheCartTotalsComputedByTheServer() {
		long product = this.fixtures.product(this.category, "Confiture test", 690, 10, Map.of());
		JsonNode cart = ok(add(product, 2));
		assertThat(cart.get("message").asString()).isEqualTo("Produit ajouté au panier (quantité : 2).");
		assertThat(cart.get("limited").asBoolean()).isFalse();
		assertThat(cart.get("itemCount").asInt()).isEqualTo(2);
		assertThat(cart.get("itemCountLabel").asString()).isEqualTo("(2 articles)");
		assertThat(spaces(cart.get("itemsTotal").asString())).isEqualTo("13,80 €");
		assertThat(spaces(cart.get("vat").get(0).get("label").asString())).isEqualTo("dont TVA 5,5 %");
		// 1 380 × 5,5 / 105,5 = 71,94… cents
		assertThat(spaces(cart.get("vat").get(0).get("amount").asString())).isEqualTo("0,72 €");
		assertThat(spaces(cart.get("shipping").asString()))
			.isEqualTo("Plus que 31,20 € pour la livraison offerte (Point relais, dès 45,00 €).");
		assertThat(cart.get("orderable").asBoolean()).isTrue();
		assertThat(cart.get("lines").get(0).get("variantId").asLong()).isEqualTo(variantOf(product));
	}

	@Test
	void aQuantityBeyondTheStockIsCutToTheStockAndTheMessageSaysSo() {
		long product = this.fixtures.product(this.category, "Miel rare", 1500, 3, Map.of());
		JsonNode cart = ok(add(product, 5));
		assertThat(cart.get("message").asString()).isEqualTo("Quantité limitée au stock disponible : 3.");
		assertThat(cart.get("limited").asBoolean()).as("a warning, which the page reads at once").isTrue();
		assertThat(cart.get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
	}

	@Test
	void aSoldOutProductIsAConflictExplainedInFrench() {
		long product = this.fixtures.product(this.category, "Safran épuisé", 1500, 0, Map.of());
		HttpResponse<String> response = add(product, 1);
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(read(response).get("title").asString())
			.isEqualTo("Ce produit vient d'être épuisé : il n'a pas été ajouté.");
	}

	@Test
	void anInvalidQuantityIsRefusedWithAMessagePerField() {
		long product = this.fixtures.product(this.category, "Bol", 2500, 5, Map.of());
		HttpResponse<String> response = this.http.sendJson("POST", "/api/v1/cart/lines",
				"{\"variantId\": " + variantOf(product) + ", \"quantity\": 0}", this.token);
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode problem = read(response);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("quantity");
		assertThat(problem.get("errors").get(0).get("message").asString())
			.isEqualTo("La quantité doit être comprise entre 1 et 99.");
		assertThat(this.http.sendJson("POST", "/api/v1/cart/lines", "{not json", this.token).statusCode())
			.isEqualTo(400);
	}

	@Test
	void changingThenRemovingALineRecomputesTheCart() {
		long jam = this.fixtures.product(this.category, "Confiture", 690, 10, Map.of());
		long honey = this.fixtures.product(this.category, "Miel", 1200, 10, Map.of());
		ok(add(jam, 1));
		ok(add(honey, 1));
		JsonNode changed = ok(
				this.http.sendJson("PUT", "/api/v1/cart/lines/" + variantOf(jam), "{\"quantity\": 4}", this.token));
		assertThat(changed.get("message").asString()).isEqualTo("Quantité mise à jour : 4.");
		assertThat(changed.get("itemCount").asInt()).isEqualTo(5);
		assertThat(spaces(changed.get("itemsTotal").asString())).isEqualTo("39,60 €");
		JsonNode removed = ok(this.http.sendJson("DELETE", "/api/v1/cart/lines/" + variantOf(jam), null, this.token));
		assertThat(removed.get("message").asString()).isEqualTo("Produit retiré du panier.");
		assertThat(removed.get("lines")).hasSize(1);
		assertThat(spaces(removed.get("itemsTotal").asString())).isEqualTo("12,00 €");
		HttpResponse<String> gone = this.http.sendJson("PUT", "/api/v1/cart/lines/" + variantOf(jam),
				"{\"quantity\": 1}", this.token);
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThat(read(gone).get("title").asString()).isEqualTo("Ce produit n'est pas dans votre panier.");
	}

	@Test
	void aWriteWithoutTheCsrfHeaderIsRefusedAsAProblemDetail() {
		long product = this.fixtures.product(this.category, "Savon", 600, 5, Map.of());
		HttpResponse<String> response = this.http.sendJson("POST", "/api/v1/cart/lines",
				"{\"variantId\": " + variantOf(product) + ", \"quantity\": 1}", null);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(read(response).get("title").asString())
			.isEqualTo("Action refusée : rechargez la page et réessayez.");
		assertThat(ok(this.http.sendJson("GET", "/api/v1/cart", null, null)).get("itemCount").asInt()).isZero();
	}

	@Test
	void messagesFollowTheVisitorsLanguage() {
		long product = this.fixtures.product(this.category, "Thé", 900, 5, Map.of());
		this.http.get("/?lang=en");
		JsonNode cart = ok(add(product, 1));
		assertThat(cart.get("message").asString()).isEqualTo("Product added to the cart (quantity: 1).");
		assertThat(cart.get("itemsTotal").asString()).isEqualTo("€9.00");
	}

	private HttpResponse<String> add(long productId, int quantity) {
		return this.http.sendJson("POST", "/api/v1/cart/lines",
				"{\"variantId\": " + variantOf(productId) + ", \"quantity\": " + quantity + "}", this.token);
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return read(response);
	}

	private static JsonNode read(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	/** French amounts use (narrow) no-break spaces: compare with plain ones. */
	private static String spaces(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ');
	}

	private long variantOf(long product) {
		return fr.dwwm.comptoir.catalog.CatalogFixtures.firstVariant(this.jdbc, product);
	}

}
