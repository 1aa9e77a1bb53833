package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static fr.dwwm.comptoir.security.attack.Attacker.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on what a browser keeps of the shop: the service worker keeps a page for
 * offline use only if the server sends it without {@code no-store} nor {@code private}
 * (it cannot see {@code Set-Cookie}, a header scripts are never shown). So the server
 * must never let a page of one person, nor a response that sets a cookie, be kept —
 * however the path is written — and logging out must empty what the browser kept, for the
 * next person on a shared phone.
 */
@IntegrationTest
class OfflineCopyAttackTests {

	private static final String PRODUCT = "/products/confiture-de-figues";

	/** The private parts of the shop, as written and as an attacker may write them. */
	private static final List<String> PRIVATE_PATHS = List.of("/account", "/account/orders", "/account/security",
			"/%61ccount", "/account;x=1", "/account/", "/cart", "/c%61rt", "/cart;jsessionid=1", "/checkout",
			"/%63heckout", "/login", "/register");

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Test
	void aSignedInCustomersPagesAreNeverKeepableHoweverThePathIsWritten() {
		Http customer = new Http(this.port);
		signIn(customer, this.accounts.customer().getEmail());
		customer.postForm(PRODUCT, "/cart/lines", Map.of("variantId", variantId(customer), "quantity", "1"));
		for (String path : concat(PRIVATE_PATHS, List.of("/", "/products", PRODUCT, "/search?q=miel"))) {
			HttpResponse<String> page = customer.get(path);
			assertThat(page.headers().firstValue("Cache-Control")).as(path + " (status " + page.statusCode() + ")")
				.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		}
	}

	@Test
	void aVisitorsPrivatePathsAreNeverKeepableEitherEvenWithoutASession() {
		Http visitor = new Http(this.port);
		visitor.get("/");
		for (String path : PRIVATE_PATHS) {
			assertThat(visitor.get(path).headers().firstValue("Cache-Control")).as(path)
				.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		}
	}

	@Test
	void aPublicPageThatSetsACookieIsNotKeepableAndTheSamePageWithoutOneIs() {
		Http visitor = new Http(this.port);
		HttpResponse<String> first = visitor.get(PRODUCT);
		assertThat(first.headers().allValues("Set-Cookie")).as("the visitor's first CSRF token").isNotEmpty();
		assertThat(first.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));

		HttpResponse<String> again = visitor.get(PRODUCT);
		assertThat(again.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-cache");
	}

	@Test
	void noResponseThatSetsACookieIsKeepableAnywhereOnAPurchase() {
		Http visitor = new Http(this.port);
		List<HttpResponse<String>> responses = new java.util.ArrayList<>();
		for (String path : List.of("/", "/products", PRODUCT, "/search?q=confiture", "/pages/livraison", "/cart",
				"/login", "/register", "/offline", "/manifest.webmanifest", "/service-worker.js")) {
			responses.add(visitor.get(path));
		}
		responses
			.add(visitor.postForm(PRODUCT, "/cart/lines", Map.of("variantId", variantId(visitor), "quantity", "1")));
		responses.add(visitor.get("/cart"));
		responses.add(visitor.get(PRODUCT));
		responses.add(signIn(visitor, this.accounts.customer().getEmail()));
		responses.add(visitor.get("/account"));
		for (HttpResponse<String> response : responses) {
			if (!response.headers().allValues("Set-Cookie").isEmpty()) {
				assertThat(response.headers().firstValue("Cache-Control")).as(response.uri().getPath())
					.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
			}
		}
	}

	@Test
	void loggingOutTellsTheBrowserToEmptyWhatItKeptOfTheShop() {
		Http customer = new Http(this.port);
		signIn(customer, this.accounts.customer().getEmail());
		HttpResponse<String> logout = customer.postForm("/account", "/logout", Map.of());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Clear-Site-Data")).hasValue("\"cache\", \"storage\"");
	}

	private static String variantId(Http http) {
		String page = http.get(PRODUCT).body();
		return page.replaceFirst("(?s).*name=\"variantId\" value=\"(\\d+)\".*", "$1");
	}

	private static List<String> concat(List<String> first, List<String> second) {
		return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
	}

}
