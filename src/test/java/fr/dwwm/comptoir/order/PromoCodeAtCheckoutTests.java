package fr.dwwm.comptoir.order;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.test.CheckoutForm;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A promotion code at the checkout, as a shopper uses it: kept with the cart when they
 * leave the checkout and come back, not lost when they try another code that is refused
 * (both answers shown), forgotten when they empty the field; and « Appliquer » brings
 * them back to the code's answer, not to the top of a long page.
 */
@IntegrationTest
class PromoCodeAtCheckoutTests {

	private static final String WELCOME = "BIENVENUE10";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private Http shopper;

	private String email;

	@BeforeEach
	void aCartOfFortyEuros() {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long product = fixtures.product(fixtures.category("Codes à la caisse", null), "Plateau de fromages", 2000, 50,
				Map.of());
		this.shopper = new Http(this.port);
		this.shopper.postForm("/login", "/cart/lines",
				Map.of("variantId", String.valueOf(CatalogFixtures.firstVariant(this.jdbc, product)), "quantity", "2"));
		this.email = "caisse-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
	}

	@Test
	void aRefusedCodeLeavesTheCodeAppliedBeforeAndBothAnswersAreShown() {
		Document applied = quote(WELCOME);
		assertThat(text(applied)).contains("Remise (" + WELCOME + ")");

		Document refused = quote("ETE2026");
		assertThat(refused.select("[data-promo-refused]").text()).contains("ETE2026", "a expiré",
				"Le code BIENVENUE10 reste appliqué.");
		assertThat(text(refused)).contains("Remise (" + WELCOME + ")");
		assertThat(refused.select("input#promoCode").val()).isEqualTo(WELCOME);
	}

	@Test
	void theAppliedCodeIsKeptWithTheCartWhenTheShopperLeavesTheCheckoutAndForgottenWhenEmptied() {
		quote(WELCOME.toLowerCase());
		assertThat(this.shopper.get("/cart").statusCode()).isEqualTo(200);
		Document back = Jsoup.parse(this.shopper.get("/checkout").body());
		assertThat(back.select("input#promoCode").val()).isEqualTo(WELCOME);
		assertThat(text(back)).contains("Remise (" + WELCOME + ")");

		quote("");
		Document emptied = Jsoup.parse(this.shopper.get("/checkout").body());
		assertThat(emptied.select("input#promoCode").val()).isEmpty();
		assertThat(text(emptied)).doesNotContain("Remise (");
	}

	@Test
	void applyingACodeBringsTheShopperBackToItsAnswerNotToTheTopOfThePage() {
		Document page = Jsoup.parse(this.shopper.get("/checkout").body());
		assertThat(page.select("#checkout-promo ~ div button[value=quote]").attr("formaction"))
			.isEqualTo("/checkout#checkout-promo");
		assertThat(page.select("#checkout-promo")).isNotEmpty();
		assertThat(page.select("#checkout-summary ~ button[value=quote]").attr("formaction"))
			.isEqualTo("/checkout#checkout-summary");
	}

	private Document quote(String code) {
		Map<String, String> fields = CheckoutForm.filled(Jsoup.parse(this.shopper.get("/checkout").body()), this.email);
		fields.put("promoCode", code);
		fields.put("intent", "quote");
		HttpResponse<String> quoted = this.shopper.submit("POST", "/checkout", fields);
		assertThat(quoted.statusCode()).isEqualTo(200);
		return Jsoup.parse(quoted.body());
	}

	private static String text(Document page) {
		return page.select("main").text().replace('\u202f', ' ').replace('\u00a0', ' ');
	}

}
