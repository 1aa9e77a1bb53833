package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account enumeration by the clock: an attacker who cannot tell a known address from an
 * unknown one by the answer of the registration or reset form may still tell it by how
 * long the answer takes (an Argon2 hash for a new account alone, a token and a mail for a
 * known address alone).
 *
 * <p>
 * The durations are <em>measured and printed</em>, never asserted: they depend on the
 * machine and its load, and a timed assertion would fail at random. What is asserted is
 * the behaviour the attacker sees besides time: the same status, the same redirection and
 * the same page for both kinds of address. Requests alternate known and unknown so that a
 * change of load hits both alike; the form's page (and its CSRF token) is fetched before
 * the clock starts, so only the form's own work is timed.
 */
@IntegrationTest
class EnumerationTimingAttackTests {

	private static final Logger logger = LoggerFactory.getLogger(EnumerationTimingAttackTests.class);

	private static final int MEASURES = 30;

	private static final int WARM_UP = 5;

	private static final String PASSWORD = "Tartine-beurre-sale-42";

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Test
	void registeringAKnownOrAnUnknownAddressAnswersTheSameAndItsDurationsArePrinted() {
		String known = this.accounts.customer().getEmail();
		Timings timings = measure("/register", "/register", (address) -> Map.of("email", address, "firstName", "Alice",
				"lastName", "Durand", "password", PASSWORD, "privacyAccepted", "true"), known, "/register/sent");
		logger.info("Registration known p50 {} ms p90 {}, unknown p50 {} p90 {}", timings.knownP50(),
				timings.knownP90(), timings.unknownP50(), timings.unknownP90());
	}

	@Test
	void askingToResetThePasswordOfAKnownOrAnUnknownAddressAnswersTheSameAndItsDurationsArePrinted() {
		String known = this.accounts.customer().getEmail();
		Timings timings = measure("/password/forgot", "/password/forgot", (address) -> Map.of("email", address), known,
				"/password/forgot?sent");
		logger.info("Password reset known p50 {} ms p90 {}, unknown p50 {} p90 {}", timings.knownP50(),
				timings.knownP90(), timings.unknownP50(), timings.unknownP90());
	}

	/**
	 * Posts a form alternately for a known address and a new one, checks that both get
	 * the same answer, and times the posts.
	 */
	private Timings measure(String formPage, String action, Function<String, Map<String, String>> fields, String known,
			String expectedLocation) {
		List<Double> knownMillis = new ArrayList<>();
		List<Double> unknownMillis = new ArrayList<>();
		String knownPage = null;
		String unknownPage = null;
		for (int i = 0; i < 2 * (WARM_UP + MEASURES); i++) {
			boolean isKnown = i % 2 == 0;
			String address = isKnown ? known
					: "inconnu-" + UUID.randomUUID().toString().substring(0, 12) + "@exemple.test";
			Http http = new Http(this.port);
			Map<String, String> form = new java.util.LinkedHashMap<>(fields.apply(address));
			form.put("_csrf", http.csrfToken(formPage));
			long start = System.nanoTime();
			HttpResponse<String> response = http.submit("POST", action, form);
			double millis = (System.nanoTime() - start) / 1_000_000.0;

			assertThat(response.statusCode()).as("status for a %s address", isKnown ? "known" : "new").isEqualTo(302);
			assertThat(response.headers().firstValue("Location"))
				.as("redirection for a %s address", isKnown ? "known" : "new")
				.hasValueSatisfying((location) -> assertThat(location).endsWith(expectedLocation));
			String page = Jsoup.parse(http.get(expectedLocation).body()).select("main").text();
			if (isKnown) {
				knownPage = page;
			}
			else {
				unknownPage = page;
			}
			if (i >= 2 * WARM_UP) {
				(isKnown ? knownMillis : unknownMillis).add(millis);
			}
		}
		assertThat(knownPage).as("the page shown after the form").isNotBlank().isEqualTo(unknownPage);
		return new Timings(percentile(knownMillis, 50), percentile(knownMillis, 90), percentile(unknownMillis, 50),
				percentile(unknownMillis, 90));
	}

	private static String percentile(List<Double> values, int percent) {
		List<Double> sorted = values.stream().sorted().toList();
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return String.format(java.util.Locale.ROOT, "%.1f", sorted.get(Math.max(0, rank)));
	}

	private record Timings(String knownP50, String knownP90, String unknownP50, String unknownP90) {
	}

}
