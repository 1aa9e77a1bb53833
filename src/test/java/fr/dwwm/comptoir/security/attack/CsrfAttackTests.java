package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.module.ModuleLifecycle;
import fr.dwwm.comptoir.module.ModuleRegistry;
import fr.dwwm.comptoir.security.SecretBox;
import fr.dwwm.comptoir.security.Totp;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static fr.dwwm.comptoir.security.attack.Attacker.nextCode;
import static fr.dwwm.comptoir.security.attack.Attacker.signIn;
import static fr.dwwm.comptoir.security.attack.Attacker.signInWithSecondFactor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks by cross-site request forgery: a page elsewhere makes the victim's browser post
 * to the shop, with the victim's cookies but without the victim's token, or with the
 * attacker's own token. Every state-changing form and the JSON API refuse, and nothing
 * changes.
 */
@IntegrationTest
class CsrfAttackTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SecretBox secrets;

	@Autowired
	private ModuleRegistry modules;

	@Autowired
	private ModuleLifecycle lifecycle;

	@Test
	void theSensitiveFormsRefuseAPostWithoutTheVictimsTokenAndChangeNothing() {
		String secret = Totp.newSecret();
		Account victim = this.accounts.create(Role.CUSTOMER, secret);
		Http victimsBrowser = new Http(this.port);
		signInWithSecondFactor(victimsBrowser, victim.getEmail(), secret);
		Http attacker = new Http(this.port);
		String attackersToken = attacker.csrfToken("/login");

		Map<String, Map<String, String>> forms = new LinkedHashMap<>();
		forms.put("/account/security/password",
				Map.of("current", TestAccounts.PASSWORD, "password", "Une-phrase-choisie-par-l-attaquant-2026"));
		forms.put("/account/security/two-factor/disable",
				Map.of("current", TestAccounts.PASSWORD, "code", nextCode(secret)));
		forms.put("/account/security/two-factor/replace",
				Map.of("current", TestAccounts.PASSWORD, "code", nextCode(secret)));
		forms.put("/account/data/delete", Map.of("password", TestAccounts.PASSWORD));
		forms.put("/account/data/export", Map.of("password", TestAccounts.PASSWORD));
		forms.put("/account/addresses", Map.of("label", "Piège", "firstName", "M", "lastName", "A", "line1",
				"1 rue du Piège", "postalCode", "75001", "city", "Paris", "country", "FR"));
		forms.put("/account/security/sessions/end-others", Map.of());
		forms.put("/logout", Map.of());
		for (Map.Entry<String, Map<String, String>> form : forms.entrySet()) {
			HttpResponse<String> withoutToken = victimsBrowser.submit("POST", form.getKey(), form.getValue());
			assertThat(withoutToken.statusCode()).as("POST " + form.getKey() + " without a token").isEqualTo(403);
			Map<String, String> withAttackersToken = new LinkedHashMap<>(form.getValue());
			withAttackersToken.put("_csrf", attackersToken);
			assertThat(victimsBrowser.submit("POST", form.getKey(), withAttackersToken).statusCode())
				.as("POST " + form.getKey() + " with the attacker's token")
				.isEqualTo(403);
		}
		assertThat(victimsBrowser.get("/account").statusCode()).as("still signed in").isEqualTo(200);
		Map<String, Object> row = this.jdbc.sql("""
				SELECT password_hash, totp_secret, anonymised_at,
				       (SELECT count(*) FROM address WHERE account_id = account.id) AS addresses
				FROM account WHERE id = :id""").param("id", victim.getId()).query().singleRow();
		assertThat(this.secrets.open((String) row.get("totp_secret"))).isEqualTo(secret);
		assertThat(row.get("anonymised_at")).isNull();
		assertThat(((Number) row.get("addresses")).intValue()).isZero();
		assertThat(victimsBrowser.get("/login/second-factor").body()).doesNotContain("totp-secret");
	}

	@Test
	void aFormInABlockRenderedOnceForEveryVisitorCarriesEachVisitorsOwnToken() {
		long admin = this.jdbc.sql("SELECT id FROM account WHERE email = 'admin@comptoir.test'")
			.query(Long.class)
			.single();
		ModuleRegistry.ModuleStatus newsletter = this.modules.find("newsletter").orElseThrow();
		if (!newsletter.installed()) {
			this.lifecycle.install("newsletter", admin);
		}
		if (!newsletter.enabled()) {
			this.lifecycle.enable("newsletter", admin);
		}
		try {
			Http first = new Http(this.port);
			Http second = new Http(this.port);
			assertThat(newsletterToken(first, "/cart")).as("the first visitor's block").isNotEmpty();
			String secondsToken = newsletterToken(second, "/cart");

			HttpResponse<String> signUp = second.submit("POST", "/modules/newsletter/subscribe", Map.of("_csrf",
					secondsToken, "email", "jeton-partage@exemple.test", "from", "/cart", "hook", "displayFooter"));
			assertThat(signUp.statusCode()).as("the token the second visitor's block gave is their own").isEqualTo(302);
		}
		finally {
			if (!newsletter.enabled()) {
				this.lifecycle.disable("newsletter", admin);
			}
		}
	}

	/** The token of the newsletter block's form, on a page as a visitor gets it. */
	private static String newsletterToken(Http browser, String page) {
		return Jsoup.parse(browser.get(page).body())
			.select("form[action$=/modules/newsletter/subscribe] input[name=_csrf]")
			.val();
	}

	@Test
	void aRefusedTokenIsWrittenInTheAuditLogWithTheAccountAndTheAddressTried() {
		Account victim = this.accounts.customer();
		Http victimsBrowser = new Http(this.port);
		signIn(victimsBrowser, victim.getEmail());
		assertThat(victimsBrowser.submit("POST", "/account/addresses", Map.of("label", "Piège")).statusCode())
			.isEqualTo(403);
		assertThat(victimsBrowser.sendJson("POST", "/api/v1/cart/lines", "{\"variantId\": 1, \"quantity\": 1}", null)
			.statusCode()).isEqualTo(403);
		assertThat(this.jdbc.sql("""
				SELECT target FROM audit_log
				WHERE action = 'CSRF' AND outcome = 'DENIED' AND actor_account_id = :id ORDER BY id""")
			.param("id", victim.getId())
			.query(String.class)
			.list()).as("one entry per refused request, with what was tried")
			.containsExactly("POST /account/addresses", "POST /api/v1/cart/lines");
	}

	@Test
	void theCartApiRefusesAWriteWithoutTheTokenHeader() {
		Http victimsBrowser = new Http(this.port);
		signIn(victimsBrowser, this.accounts.customer().getEmail());
		HttpResponse<String> forged = victimsBrowser.sendJson("POST", "/api/v1/cart/lines",
				"{\"variantId\": 1, \"quantity\": 1}", null);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void aLoginPostedFromElsewhereSignsNobodyIn() {
		Http victimsBrowser = new Http(this.port);
		HttpResponse<String> forged = victimsBrowser.submit("POST", "/login",
				Map.of("email", this.accounts.customer().getEmail(), "password", TestAccounts.PASSWORD));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(victimsBrowser.get("/account").statusCode()).as("not signed in as the attacker's account")
			.isEqualTo(302);
	}

}
