package fr.dwwm.comptoir.e2e;

import java.util.Map;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.account.TestPasskeys;
import fr.dwwm.comptoir.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in a real browser, with Chromium's virtual authenticator (DevTools protocol
 * {@code WebAuthn.addVirtualAuthenticator}: a platform authenticator that keeps
 * discoverable keys and verifies the person): a staff member registers one in « Mon
 * compte › Sécurité » after typing their password again, then signs in with it alone and
 * reaches the back office, the passkey standing for the second factor; they rename and
 * remove it, after which it opens nothing. A customer's passkey stops working when the
 * account is disabled. The security and login pages are checked by axe and the Nu checker
 * at 1280 and 375 px.
 */
class PasskeyBrowserTests extends BrowserTest {

	private static String authenticator;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@BeforeAll
	static void virtualAuthenticator() {
		browser.executeCdpCommand("WebAuthn.enable", Map.of());
		authenticator = (String) browser
			.executeCdpCommand("WebAuthn.addVirtualAuthenticator",
					Map.of("options", Map.of("protocol", "ctap2", "transport", "internal", "hasResidentKey", true,
							"hasUserVerification", true, "isUserVerified", true, "automaticPresenceSimulation", true)))
			.get("authenticatorId");
	}

	/**
	 * Each test starts with an empty device: with several passkeys for the site, a person
	 * picks one in the browser's dialog, while the virtual authenticator takes the first,
	 * which may be one the shop no longer knows.
	 */
	@BeforeEach
	void emptyDevice() {
		browser.executeCdpCommand("WebAuthn.clearCredentials", Map.of("authenticatorId", authenticator));
	}

	@AfterAll
	static void removeAuthenticator() {
		browser.executeCdpCommand("WebAuthn.removeVirtualAuthenticator", Map.of("authenticatorId", authenticator));
	}

	@Test
	void aStaffMemberRegistersAPasskeyThenSignsInWithItAloneAndReachesTheBackOffice() {
		long accountId = logIn(Role.EDITOR).getId();
		open("/account/security");
		assertPageQuality();

		// A wrong password adds nothing, and says so.
		type("passkey-label", "Ordinateur du bureau");
		browser.findElement(By.id("current-passkey")).sendKeys("pas le bon mot de passe", Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.findElement(By.cssSelector("[data-passkey-error]")).isDisplayed());
		assertThat(browser.findElement(By.cssSelector("[data-passkey-error]")).getText())
			.isEqualTo("Mot de passe incorrect : aucune clé n'a été ajoutée.");
		assertThat(passkeys(accountId)).isZero();

		browser.findElement(By.id("current-passkey")).sendKeys(TestAccounts.PASSWORD, Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("passkey-added"));
		assertThat(browser.findElement(By.cssSelector("main [role=status]")).getText())
			.startsWith("La clé d'accès a été ajoutée");
		assertThat(browser.findElement(By.cssSelector("[data-passkey-list]")).getText())
			.contains("Ordinateur du bureau", "Jamais utilisée");
		assertThat(passkeys(accountId)).isEqualTo(1);
		assertPageQualityOnDesktopAndPhone();

		// The password session, as a thief would keep it: signing in with the passkey
		// ends it (one session per staff member).
		String passwordSession = browser.manage().getCookieNamed("COMPTOIR_SESSION").getValue();
		assertThat(new Http(port()).get("/admin", "Cookie", "COMPTOIR_SESSION=" + passwordSession).statusCode())
			.isEqualTo(200);
		browser.manage().deleteAllCookies();
		open("/login");
		assertPageQuality();
		mobile();
		assertPageQuality();
		assertNoControlIsCovered();
		desktop();
		click(By.cssSelector("[data-passkey-sign-in]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/admin"));
		assertThat(browser.findElement(By.cssSelector(".admin-menu")).isDisplayed()).isTrue();
		assertThat(new Http(port()).get("/admin", "Cookie", "COMPTOIR_SESSION=" + passwordSession).statusCode())
			.as("the password session kept aside, once the passkey signed in")
			.isEqualTo(302);
		assertThat(this.jdbc.sql("""
				SELECT details ->> 'factor' FROM audit_log WHERE action = 'LOGIN' AND actor_account_id = ?
				ORDER BY id DESC LIMIT 1""").param(accountId).query(String.class).single()).isEqualTo("passkey");

		open("/account/security");
		assertThat(browser.findElement(By.cssSelector("[data-passkey-list]")).getText())
			.contains("Dernière utilisation le");
		WebElementName rename = new WebElementName("passkey-label-0");
		rename.replaceWith("Portable de Léa");
		waitUpTo5Seconds().until((driver) -> driver.findElement(By.cssSelector("main [role=status]"))
			.getText()
			.equals("La clé d'accès a été renommée."));
		assertThat(browser.findElement(By.cssSelector("[data-passkey-list]")).getText()).contains("Portable de Léa");

		click(By.cssSelector("[data-passkey-list] .btn-outline-danger"));
		waitUpTo5Seconds().until((driver) -> driver.findElement(By.cssSelector("main [role=status]"))
			.getText()
			.startsWith("La clé d'accès a été supprimée"));
		assertThat(passkeys(accountId)).isZero();

		browser.manage().deleteAllCookies();
		open("/login");
		click(By.cssSelector("[data-passkey-sign-in]"));
		waitUpTo5Seconds()
			.until((driver) -> driver.findElement(By.cssSelector("[data-passkey-login] [role=alert]")).isDisplayed());
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		assertThat(browser.findElement(By.cssSelector("[data-passkey-login] [role=alert]")).getText())
			.startsWith("La connexion avec une clé d'accès n'a pas abouti");
	}

	@Test
	void aStaffMemberWhosePasswordIsAYearOldSignsInWithAPasskeyAndIsAskedForANewPasswordFirst() {
		long accountId = logIn(Role.EDITOR).getId();
		open("/account/security");
		type("passkey-label", "Tablette de l'atelier");
		browser.findElement(By.id("current-passkey")).sendKeys(TestAccounts.PASSWORD, Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("passkey-added"));
		this.jdbc.sql("UPDATE account SET password_changed_at = now() - interval '400 days' WHERE id = ?")
			.param(accountId)
			.update();

		browser.manage().deleteAllCookies();
		open("/login");
		click(By.cssSelector("[data-passkey-sign-in]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/account/security"));
		assertThat(browser.findElement(By.cssSelector("[data-password-expired]")).getText())
			.isEqualTo("Votre mot de passe date de plus d'un an : choisissez-en un nouveau ci-dessous pour"
					+ " retrouver l'administration.");
		assertPageQualityOnDesktopAndPhone();
	}

	@Test
	void aDisabledAccountsPasskeyOpensNothing() {
		browser.manage().deleteAllCookies();
		Account customer = this.accounts.customer();
		signIn(customer);
		open("/account/security");
		type("passkey-label", "Téléphone");
		browser.findElement(By.id("current-passkey")).sendKeys(TestAccounts.PASSWORD, Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("passkey-added"));

		browser.manage().deleteAllCookies();
		open("/login");
		click(By.cssSelector("[data-passkey-sign-in]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/account"));

		this.jdbc.sql("UPDATE account SET enabled = false WHERE id = ?").param(customer.getId()).update();
		browser.manage().deleteAllCookies();
		open("/login");
		click(By.cssSelector("[data-passkey-sign-in]"));
		waitUpTo5Seconds()
			.until((driver) -> driver.findElement(By.cssSelector("[data-passkey-login] [role=alert]")).isDisplayed());
		open("/account");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
	}

	@Test
	void aCustomerWhoseOtherDeviceTookTheLastPlaceIsToldNoPasskeyWasAddedAndThePageThenSaysWhy() {
		Account customer = signedInWithNinePasskeys();
		TestPasskeys.stored(this.jdbc, customer.getId(), "Tablette");

		type("passkey-label", "Téléphone");
		browser.findElement(By.id("current-passkey")).sendKeys(TestAccounts.PASSWORD, Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.findElement(By.cssSelector("[data-passkey-error]")).isDisplayed());
		assertThat(browser.findElement(By.cssSelector("[data-passkey-error]")).getText())
			.isEqualTo("Votre compte a déjà le maximum de clés d'accès : aucune clé n'a été ajoutée.");
		assertThat(passkeys(customer.getId())).isEqualTo(10);

		open("/account/security");
		assertThat(browser.findElements(By.cssSelector("[data-passkey-register], [data-passkey-unsupported]")))
			.isEmpty();
		assertThat(browser.findElement(By.cssSelector("[data-passkey-limit]")).getText())
			.isEqualTo("Vous avez atteint le maximum de 10 clés d'accès : retirez-en une pour en ajouter une autre.");
		assertPageQualityOnDesktopAndPhone();
	}

	@Test
	void aCustomerWhoseOtherDeviceTakesTheLastPlaceWhileThisOneAnswersIsToldWhyNothingWasAdded() {
		Account customer = signedInWithNinePasskeys();
		// The device's answer is held back until the other device has taken the tenth
		// place: the password was accepted with room left, the answer arrives without.
		browser.executeScript("""
				const send = window.fetch;
				window.fetch = async (url, options) => {
				  if (String(url).endsWith('/webauthn/register')) {
				    window.__answerHeld = true;
				    await new Promise((resume) => { window.__releaseAnswer = resume; });
				  }
				  return send(url, options);
				};""");
		type("passkey-label", "Téléphone");
		browser.findElement(By.id("current-passkey")).sendKeys(TestAccounts.PASSWORD, Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> Boolean.TRUE.equals(browser.executeScript("return window.__answerHeld")));
		TestPasskeys.stored(this.jdbc, customer.getId(), "Tablette");
		browser.executeScript("window.__releaseAnswer()");

		waitUpTo5Seconds().until((driver) -> driver.findElement(By.cssSelector("[data-passkey-error]")).isDisplayed());
		assertThat(browser.findElement(By.cssSelector("[data-passkey-error]")).getText())
			.isEqualTo("Votre compte a déjà le maximum de clés d'accès : aucune clé n'a été ajoutée.");
		assertThat(passkeys(customer.getId())).isEqualTo(10);
	}

	/**
	 * A customer signed in on the security page, with room for one more passkey.
	 */
	private Account signedInWithNinePasskeys() {
		browser.manage().deleteAllCookies();
		Account customer = this.accounts.customer();
		signIn(customer);
		for (int key = 1; key < 10; key++) {
			TestPasskeys.stored(this.jdbc, customer.getId(), "Clé " + key);
		}
		open("/account/security");
		return customer;
	}

	private int passkeys(long accountId) {
		return this.jdbc.sql("SELECT count(*) FROM passkey WHERE account_id = ?")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

	/** A text field whose new value is typed and sent with Enter. */
	private record WebElementName(String id) {

		void replaceWith(String text) {
			var field = browser.findElement(By.id(this.id));
			field.clear();
			field.sendKeys(text, Keys.ENTER);
		}

	}

}
