package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import fr.dwwm.comptoir.ComptoirApplication;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.module.ModuleFixtures;
import fr.dwwm.comptoir.module.ModuleLifecycle;
import fr.dwwm.comptoir.module.ModuleRegistry;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on the rate limits: the client's address forged with {@code X-Forwarded-For},
 * and the same form sent to the same path written another way (a letter percent-encoded,
 * a path parameter, a doubled or trailing slash, another case, a dot segment, an encoded
 * slash). Whatever the spelling, no client gets more requests served than the limit:
 * either the spelling reaches the same form and is counted with the others, or it reaches
 * nothing (400 or 404).
 *
 * <p>
 * Each case is one client, told apart by the {@code X-Forwarded-For} header that the test
 * profile's trusted proxy (the loopback address, like nginx in production) may set.
 */
@IntegrationTest
class RateLimitEvasionAttackTests {

	private static final AtomicInteger clients = new AtomicInteger();

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private ModuleRegistry registry;

	@Autowired
	private ModuleLifecycle lifecycle;

	@BeforeEach
	void theFormsOfTheModulesAreThere() {
		for (String code : List.of("contact", "newsletter")) {
			ModuleFixtures.enabled(this.registry, this.lifecycle, code);
		}
	}

	@Test
	void noSpellingOfALimitedFormGetsMoreRequestsServedThanItsLimit() {
		record Limit(String method, String path, String formPage, Map<String, String> fields, int requests) {
		}
		List<Limit> limits = List.of(
				new Limit("POST", "/password/forgot", "/password/forgot", Map.of("email", "x@exemple.test"), 5),
				new Limit("POST", "/register", "/register", Map.of("email", "x@exemple.test"), 5),
				new Limit("POST", "/account/email", "/account/email", Map.of("email", "x@exemple.test"), 5),
				new Limit("POST", "/login", "/login", Map.of("email", "x@exemple.test", "password", "x"), 20),
				new Limit("POST", "/contact", "/contact", Map.of("email", "x@exemple.test"), 3),
				new Limit("POST", "/modules/newsletter/subscribe", "/modules/newsletter/subscribe",
						Map.of("email", "x"), 5),
				new Limit("POST", "/checkout", "/login", Map.of(), 10),
				new Limit("GET", "/search", null, Map.of("q", "miel"), 60));
		// A form of the account area is sent signed in: signed out, any spelling is only
		// sent to the login page. One account does for every spelling, since each client
		// has its own address.
		String customer = this.accounts.customer().getEmail();
		for (Limit limit : limits) {
			for (String spelling : Attacker.spellings(limit.path())) {
				Http client = new Http(this.port);
				if (limit.path().startsWith("/account/")) {
					client.login(customer, TestAccounts.PASSWORD);
				}
				int n = clients.incrementAndGet();
				String from = "10.99." + (n / 250) + "." + (n % 250 + 1);
				String token = (limit.formPage() != null) ? client.csrfToken(limit.formPage()) : null;
				int served = 0;
				List<Integer> statuses = new ArrayList<>();
				for (int request = 0; request <= limit.requests(); request++) {
					// Every other request uses the canonical path, the others the
					// spelling.
					String path = (request % 2 == 0) ? limit.path() : spelling;
					HttpResponse<String> response = send(client, limit.method(), path, limit.fields(), token, from);
					statuses.add(response.statusCode());
					if (response.statusCode() < 400) {
						served++;
					}
				}
				assertThat(served).as(limit.method() + " " + spelling + " from " + from + ": " + statuses)
					.isLessThanOrEqualTo(limit.requests());
			}
		}
	}

	@Test
	void aHeadRequestCountsLikeTheGetItIsAnsweredWith() {
		Http client = new Http(this.port);
		String from = "10.98.0." + (clients.incrementAndGet() % 250 + 1);
		int served = 0;
		for (int request = 0; request <= 60; request++) {
			String method = (request % 2 == 0) ? "HEAD" : "GET";
			if (client.send(method, "/search?q=miel", "X-Forwarded-For", from).statusCode() < 400) {
				served++;
			}
		}
		assertThat(served).as("HEAD and GET together, for a limit of 60").isLessThanOrEqualTo(60);
	}

	@Test
	void theSpellingsAreTheOnesAnAttackerTries() {
		assertThat(Attacker.spellings("/password/forgot")).contains("/password/%66orgot",
				"/password/forgot;jsessionid=1", "/password;x=1/forgot", "//password/forgot", "/password//forgot",
				"/password/forgot/", "/password/Forgot", "/PASSWORD/FORGOT", "/password/./forgot",
				"/x/../password/forgot", "/password/%2e/forgot", "/password%2Fforgot", "/password/forgot%20");
	}

	@Test
	void theTrustedProxysForwardedForNamesTheClientThroughTomcat() {
		Http client = new Http(this.port);
		client.submit(
				"POST", "/login", Map.of("_csrf", client.csrfToken("/login"), "email",
						this.accounts.customer().getEmail(), "password", TestAccounts.PASSWORD),
				"X-Forwarded-For", "203.0.113.78");
		assertThat(client.get("/account/security").body()).as("the session's address, as the shop saw it")
			.contains("203.0.113.78");
	}

	@Test
	void aForgedForwardedForFromAnyoneElseChangesNothing() {
		// A shop that trusts no proxy, as the production profile by default: the header
		// is
		// the client's own word, and the client stays who its connection says.
		try (ConfigurableApplicationContext shop = new SpringApplicationBuilder(ComptoirApplication.class)
			.profiles("test")
			.run("--server.port=0", "--app.security.trusted-proxies=", "--app.security.trust-loopback=false",
					"--spring.main.banner-mode=off")) {
			Http client = new Http(Integer.parseInt(shop.getEnvironment().getProperty("local.server.port")));
			client.submit(
					"POST", "/login", Map.of("_csrf", client.csrfToken("/login"), "email",
							this.accounts.customer().getEmail(), "password", TestAccounts.PASSWORD),
					"X-Forwarded-For", "203.0.113.79");
			assertThat(client.get("/account/security").body()).doesNotContain("203.0.113.79").contains("127.0.0.1");

			String token = client.csrfToken("/password/forgot");
			List<Integer> statuses = new ArrayList<>();
			for (int request = 0; request < 6; request++) {
				statuses.add(
						client
							.submit("POST", "/password/forgot", Map.of("_csrf", token, "email", "x@exemple.test"),
									"X-Forwarded-For", "203.0.113." + request)
							.statusCode());
			}
			assertThat(statuses).as("a new X-Forwarded-For per request is still one client").endsWith(429);
		}
	}

	private static HttpResponse<String> send(Http client, String method, String path, Map<String, String> fields,
			String token, String from) {
		if ("GET".equals(method)) {
			String query = fields.entrySet()
				.stream()
				.map((field) -> field.getKey() + "=" + Http.encode(field.getValue()))
				.reduce((a, b) -> a + "&" + b)
				.orElse("");
			return client.get(path + (path.contains("?") ? "&" : "?") + query, "X-Forwarded-For", from);
		}
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", token);
		return client.submit(method, path, form, "X-Forwarded-For", from);
	}

}
