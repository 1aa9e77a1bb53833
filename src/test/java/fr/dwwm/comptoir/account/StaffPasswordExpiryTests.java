package fr.dwwm.comptoir.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member's password lasts a year (C02): past that, the back office sends them to
 * the security page until they choose a new one; the rest of the shop stays open to them,
 * and a customer's password never expires.
 */
@IntegrationTest
class StaffPasswordExpiryTests {

	private static final Duration YEAR = Duration.ofDays(365);

	private static final String NEW_PASSWORD = "Une-autre-phrase-de-passe-du-personnel-2027";

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aPasswordIsTooOldFromTheDayItIsAYearOld() {
		Instant now = Instant.parse("2026-12-06T10:00:00Z");
		assertThat(StaffPasswordExpiry.expired(now.minus(YEAR).plusSeconds(1), now, YEAR)).isFalse();
		assertThat(StaffPasswordExpiry.expired(now.minus(YEAR), now, YEAR)).isTrue();
		assertThat(StaffPasswordExpiry.expired(now.minus(Duration.ofDays(900)), now, YEAR)).isTrue();
	}

	@Test
	void aStaffMemberWhosePasswordIsAYearOldIsSentToChangeItThenGetsTheBackOfficeBack() {
		StaffLogin admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port,
				Instant.now().minus(YEAR).minus(Duration.ofDays(1)));
		Http http = admin.http();

		for (String page : new String[] { "/admin", "/admin/orders", "/admin/staff", "/account/api-tokens" }) {
			HttpResponse<String> refused = http.get(page);
			assertThat(refused.statusCode()).as(page).isEqualTo(302);
			assertThat(refused.headers().firstValue("Location")).as(page)
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/account/security"));
		}
		assertThat(Jsoup.parse(http.get("/account/security").body()).select("[data-password-expired]").text())
			.isEqualTo("Votre mot de passe date de plus d'un an : choisissez-en un nouveau ci-dessous pour"
					+ " retrouver l'administration.");
		assertThat(http.sendJson("GET", "/api/v1/admin/orders", null, null).statusCode()).as("the staff API")
			.isEqualTo(403);
		HttpResponse<String> token = http.submit("POST", "/account/api-tokens", Map.of("_csrf",
				http.csrfToken("/account/security"), "name", "Contournement", "scope", "WRITE", "days", "365"));
		assertThat(token.statusCode()).as("no token to reach the API without the session").isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT count(*) FROM api_token WHERE account_id = ?")
			.param(admin.account().getId())
			.query(Long.class)
			.single()).isZero();
		assertThat(http.get("/products").statusCode()).as("the shop itself stays open").isEqualTo(200);

		http.postForm("/account/security", "/account/security/password",
				Map.of("current", TestAccounts.PASSWORD, "password", NEW_PASSWORD));
		assertThat(http.get("/admin/orders").statusCode()).as("after the change").isEqualTo(200);
		assertThat(http.sendJson("GET", "/api/v1/admin/orders", null, null).statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(http.get("/account/security").body()).select("[data-password-expired]")).isEmpty();
	}

	@Test
	void aStaffPasswordChangedWithinTheYearAndACustomersOldPasswordOpenEverythingAsBefore() {
		StaffLogin admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port,
				Instant.now().minus(YEAR).plus(Duration.ofDays(1)));
		assertThat(admin.http().get("/admin/orders").statusCode()).isEqualTo(200);

		Account customer = this.accounts.create(Role.CUSTOMER, null, Instant.now().minus(Duration.ofDays(2000)));
		Http http = new Http(this.port);
		http.login(customer.getEmail(), TestAccounts.PASSWORD);
		assertThat(http.get("/account").statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(http.get("/account/security").body()).select("[data-password-expired]")).isEmpty();
	}

	@Test
	void aStaffPasswordThatReachesItsYearDuringASessionClosesTheBackOfficeAtThatMoment() throws Exception {
		Instant expiresAt = Instant.now().plusSeconds(4);
		StaffLogin admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port, expiresAt.minus(YEAR));
		Http http = admin.http();
		assertThat(Instant.now()).as("signed in before the password's year ended").isBefore(expiresAt);
		assertThat(http.get("/admin/orders").statusCode()).as("a few seconds before its year").isEqualTo(200);

		Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 200);

		HttpResponse<String> refused = http.get("/admin/orders");
		assertThat(refused.statusCode()).as("once the year is over, in the same session").isEqualTo(302);
		assertThat(refused.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/account/security"));
		assertThat(http.sendJson("GET", "/api/v1/admin/orders", null, null).statusCode()).isEqualTo(403);
	}

}
