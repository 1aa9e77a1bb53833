package fr.dwwm.comptoir.security.attack;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.security.Totp;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static fr.dwwm.comptoir.security.attack.Attacker.code;
import static fr.dwwm.comptoir.security.attack.Attacker.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks by open redirect: a link to the shop, sent by mail or posted elsewhere, that
 * sends the person who follows it (and signs in, or signs out) to the attacker's site,
 * where a copy of the shop asks for the password or the card again. The shop's own
 * address in the link makes it look safe. Every redirect the shop answers must land on
 * the shop, whatever a query parameter, a form field or the path of the first page says.
 * (The newsletter block's hidden return field is checked by {@code ReturnPathsTests}.)
 */
@IntegrationTest
class OpenRedirectAttackTests {

	/** The attacker's site, written as browsers accept it. */
	private static final List<String> ELSEWHERE = List.of("https://pirate.example/", "//pirate.example/",
			"/\\pirate.example/", "https:pirate.example", "/%2F%2Fpirate.example", "%2F%2Fpirate.example",
			"\t//pirate.example", "javascript:alert(document.cookie)", "http://localhost@pirate.example/");

	/** The names sites and frameworks give the page to go to next. */
	private static final List<String> PARAMETERS = List.of("continue", "redirect", "redirect_uri", "redirectUrl",
			"next", "returnUrl", "return_to", "targetUrl", "url", "from", "spring-security-redirect");

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Test
	void signingInNeverSendsTheCustomerToAnAddressTheLinkOrTheFormNames() {
		for (String elsewhere : ELSEWHERE) {
			Account customer = this.accounts.customer();
			Http browser = new Http(this.port);
			String link = "/login?" + everyParameterSetTo(elsewhere);
			assertThat(browser.get(link).statusCode()).as(link).isEqualTo(200);
			Map<String, String> form = new LinkedHashMap<>();
			PARAMETERS.forEach((name) -> form.put(name, elsewhere));
			form.put("email", customer.getEmail());
			form.put("password", TestAccounts.PASSWORD);
			HttpResponse<String> signedIn = browser.postForm(link, link, form);
			assertThat(signedIn.statusCode()).as(elsewhere).isEqualTo(302);
			assertLandsOnTheShop(signedIn, elsewhere);
			assertThat(signedIn.headers().firstValue("Location")).as(elsewhere)
				.hasValueSatisfying((location) -> assertThat(location).doesNotContainIgnoringCase("pirate"));
		}
	}

	@Test
	void thePageAskedBeforeSigningInIsOnlyEverAPageOfTheShop() {
		List<String> firstPages = List.of("/account/orders?continue=https://pirate.example/",
				"//pirate.example/account", "/%2F%2Fpirate.example/account", "/account/..//pirate.example",
				"/%5Cpirate.example/account", "/account;jsessionid=x//pirate.example");
		for (String firstPage : firstPages) {
			Account customer = this.accounts.customer();
			Http browser = new Http(this.port);
			browser.get(firstPage);
			HttpResponse<String> signedIn = signIn(browser, customer.getEmail());
			assertThat(signedIn.statusCode()).as(firstPage).isEqualTo(302);
			assertLandsOnTheShop(signedIn, firstPage);
		}
	}

	@Test
	void aStaffMembersSecondFactorSendsBackToTheBackOfficeNeverToANamedAddress() {
		String secret = Totp.newSecret();
		Account editor = this.accounts.create(Role.EDITOR, secret);
		Http browser = new Http(this.port);
		browser.get("/admin/products?" + everyParameterSetTo("https://pirate.example/"));
		assertThat(signIn(browser, editor.getEmail()).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login/second-factor"));
		String link = "/login/second-factor?" + everyParameterSetTo("//pirate.example/");
		Map<String, String> form = new LinkedHashMap<>();
		PARAMETERS.forEach((name) -> form.put(name, "//pirate.example/"));
		form.put("code", code(secret));
		HttpResponse<String> elevated = browser.postForm(link, link, form);
		assertThat(elevated.statusCode()).isEqualTo(302);
		assertLandsOnTheShop(elevated, "second factor");
		assertThat(URI.create(elevated.headers().firstValue("Location").orElseThrow()).getPath())
			.as("the page the editor asked for, and nothing the link added")
			.isEqualTo("/admin/products");
	}

	@Test
	void signingOutAndChangingTheLanguageNeverLeaveTheShop() {
		for (String elsewhere : ELSEWHERE) {
			Account customer = this.accounts.customer();
			Http browser = new Http(this.port);
			signIn(browser, customer.getEmail());
			String link = "/account?" + everyParameterSetTo(elsewhere);
			HttpResponse<String> signedOut = browser.postForm(link, "/logout?" + everyParameterSetTo(elsewhere),
					Map.of("continue", elsewhere, "redirect", elsewhere));
			assertThat(signedOut.statusCode()).as(elsewhere).isEqualTo(302);
			assertLandsOnTheShop(signedOut, elsewhere);
			HttpResponse<String> english = browser.get("/?lang=en&" + everyParameterSetTo(elsewhere));
			assertThat(english.statusCode()).as("the language changes in place, without a redirect").isEqualTo(200);
		}
	}

	/**
	 * Checks that a redirect takes the browser to this shop, read as a browser reads a
	 * {@code Location}: relative to the page, a backslash taken for a slash.
	 */
	private void assertLandsOnTheShop(HttpResponse<String> response, String attempt) {
		String location = response.headers().firstValue("Location").orElse(null);
		if (location == null) {
			return;
		}
		assertThat(location).as(attempt + ": browsers read \\ as / and skip tabs and line ends")
			.doesNotContain("\\")
			.doesNotContainPattern("[\\x00-\\x20]");
		URI target = URI.create("http://localhost:" + this.port + "/login").resolve(location);
		assertThat(target.getScheme()).as(attempt + " -> " + location).isEqualTo("http");
		assertThat(target.getRawUserInfo()).as(attempt + " -> " + location).isNull();
		assertThat(target.getHost()).as(attempt + " -> " + location).isEqualTo("localhost");
		assertThat(target.getPort()).as(attempt + " -> " + location).isEqualTo(this.port);
	}

	private static String everyParameterSetTo(String value) {
		StringJoiner query = new StringJoiner("&");
		PARAMETERS.forEach((name) -> query.add(name + "=" + Http.encode(value)));
		return query.toString();
	}

}
