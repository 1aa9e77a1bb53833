package fr.dwwm.comptoir.security.attack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.web.PageCache;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on the shop's page cache (web cache deception): a page the shop keeps and
 * serves again is never served to a visitor it does not show, however its address is
 * spelled. The cart page is kept once per cart content (the lines and their quantities)
 * and served to every guest whose cart holds the same: a guest must never be shown
 * another cart than their own.
 */
@IntegrationTest
class WebCacheAttackTests {

	private static final String PRODUCT = "/products/confiture-de-figues";

	/** The cart page, as written and as an attacker may write it. */
	private static final List<String> CART_SPELLINGS = List.of("/cart", "/c%61rt", "/%63art", "/cart;jsessionid=1",
			"/cart;x=1", "/cart?country=FR", "/cart?");

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PageCache pages;

	@BeforeEach
	void startWithNoKeptPage() {
		this.pages.clear();
	}

	@Test
	void aCartPageKeptForOneGuestIsNeverServedToAGuestWhoseCartHoldsSomethingElse() {
		Http camille = guestWith(figJam(), 2);
		Http dominique = guestWith(figJam(), 3);
		Http visitor = new Http(this.port);
		for (int view = 0; view < 3; view++) {
			assertThat(quantities(camille.get("/cart").body())).as("Camille, view " + view).containsExactly("2");
			assertThat(quantities(dominique.get("/cart").body())).as("Dominique, view " + view).containsExactly("3");
			assertThat(quantities(visitor.get("/cart").body())).as("a visitor without a cart, view " + view).isEmpty();
		}
	}

	@Test
	void aCartPageAskedUnderAnotherSpellingOfItsAddressShowsOnlyTheVisitorsOwnCart() {
		Http camille = guestWith(figJam(), 2);
		Http dominique = guestWith(figJam(), 5);
		for (String path : CART_SPELLINGS) {
			for (int view = 0; view < 2; view++) {
				camille.get(path);
			}
		}
		List<String> served = new java.util.ArrayList<>();
		for (String path : CART_SPELLINGS) {
			String page = dominique.get(path).body();
			if (!page.contains("data-cart-count")) {
				continue; // refused by the firewall: nothing served at all
			}
			served.add(path);
			assertThat(quantities(page)).as(path).containsExactly("5");
			assertThat(Jsoup.parse(page).select("[data-cart-count]").text()).as(path).isEqualTo("5");
		}
		assertThat(served).as("the spellings that reach the cart page")
			.contains("/cart", "/c%61rt", "/%63art", "/cart?country=FR", "/cart?");
	}

	@Test
	void aGuestServedAKeptCartPageGetsTheirOwnTokenInItsForms() {
		Http camille = guestWith(figJam(), 2);
		Http dominique = guestWith(figJam(), 2);
		camille.get("/cart");
		String camillesToken = Jsoup.parse(camille.get("/cart").body()).select("input[name=_csrf]").attr("value");
		Document forDominique = Jsoup.parse(dominique.get("/cart").body());
		String token = forDominique.select("form[action^=/cart/lines/] input[name=_csrf]").attr("value");
		assertThat(token).isNotBlank().isNotEqualTo(camillesToken);
		assertThat(dominique.submit("POST", "/cart/lines/" + figJam(), Map.of("quantity", "1", "_csrf", camillesToken))
			.statusCode()).as("Camille's token, refused to Dominique").isEqualTo(403);
		assertThat(dominique.submit("POST", "/cart/lines/" + figJam(), Map.of("quantity", "1", "_csrf", token))
			.statusCode()).isEqualTo(302);
		dominique.get("/cart");
		assertThat(quantities(dominique.get("/cart").body())).containsExactly("1");
		assertThat(quantities(camille.get("/cart").body())).containsExactly("2");
	}

	@Test
	void aKeptPageIsEncodedAsTomcatEncodesThePageRenderedWhateverAcceptEncodingSays() throws IOException {
		// A kept page is compressed by the page cache, a rendered one by Tomcat: a forged
		// or contradictory header must not get a client a body it refused, nor an error.
		List<String> headers = List.of("gzip, gzip;q=0", "gzip;q=0, *", "*", "*;q=0", "gzip;q=", "gzip;q=NaN",
				"gzip;q=-1", "gzip;q=1e9999", "gzip;q=0.0001", "GZIP", "gzip;foo=bar;q=0.5", "gzip;q=\"1\"", "identity",
				"x-gzip", ",,,gzip", "gzip;q=1;q=0", "gzip;" + "x".repeat(4000));
		for (String header : headers) {
			this.pages.clear();
			Http visitor = new Http(this.port);
			HttpResponse<byte[]> rendered = visitor.getBytes(PRODUCT, "Accept-Encoding", header);
			HttpResponse<byte[]> kept = visitor.getBytes(PRODUCT, "Accept-Encoding", header);
			assertThat(rendered.statusCode()).as(header).isEqualTo(200);
			assertThat(kept.statusCode()).as(header).isEqualTo(200);
			assertThat(kept.headers().firstValue("Content-Encoding")).as(header)
				.isEqualTo(rendered.headers().firstValue("Content-Encoding"));
			assertThat(text(kept)).as(header).startsWith("<!DOCTYPE html>").contains("</html>");
		}
	}

	/** A response's page, inflated if it came compressed. */
	private static String text(HttpResponse<byte[]> response) throws IOException {
		byte[] body = response.body();
		if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
			try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
				body = in.readAllBytes();
			}
		}
		return new String(body, StandardCharsets.UTF_8);
	}

	/** A guest who put units of a variant in their cart, its message already seen. */
	private Http guestWith(long variant, int quantity) {
		Http guest = new Http(this.port);
		assertThat(guest
			.postForm(PRODUCT, "/cart/lines",
					Map.of("variantId", String.valueOf(variant), "quantity", String.valueOf(quantity)))
			.statusCode()).isEqualTo(302);
		guest.get("/cart");
		return guest;
	}

	/** The quantities the cart page's lines show, in order. */
	private static List<String> quantities(String page) {
		return Jsoup.parse(page).select("input[name=quantity]").eachAttr("value");
	}

	private long figJam() {
		return this.jdbc.sql("SELECT id FROM product_variant WHERE sku = 'EPI-CONF-001'").query(Long.class).single();
	}

}
