package fr.dwwm.comptoir.e2e;

import java.util.UUID;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.test.Mailbox;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * « Mes informations › Changer d'adresse e-mail » in a real browser: a customer mistypes
 * the password, then asks for the new address, opens the link mailed to it and confirms,
 * and signs in again with the new address. The form (with its error and with the mail
 * sent) and the confirmation page are checked by axe and the Nu checker at 1280 and 375
 * px.
 */
class EmailChangeBrowserTests extends BrowserTest {

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private Mailbox mailbox;

	@Test
	void aCustomerChangesTheirAddressByTheLinkMailedToItAndSignsInWithIt() {
		browser.manage().deleteAllCookies();
		Account customer = this.accounts.customer();
		String newEmail = "camille-" + UUID.randomUUID() + "@exemple.test";
		signIn(customer);
		open("/account/profile");
		click(By.cssSelector("main a[href='/account/email']"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/account/email"));

		type("email", newEmail);
		browser.findElement(By.id("current")).sendKeys("Pas-le-bon-mot-de-passe", Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> !driver.findElements(By.id("current-error")).isEmpty());
		assertThat(browser.findElement(By.id("current-error")).getText())
			.isEqualTo("Le mot de passe actuel est incorrect.");
		assertThat(browser.findElement(By.id("email")).getDomProperty("value")).as("what was typed is kept")
			.isEqualTo(newEmail);
		assertPageQualityOnDesktopAndPhone();

		browser.findElement(By.id("current")).sendKeys(TestAccounts.PASSWORD, Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> !driver.findElements(By.cssSelector("[data-email-sent]")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("[data-email-sent]")).getText()).contains(newEmail, "24 heures");
		assertPageQualityOnDesktopAndPhone();

		open(Mailbox.link(this.mailbox.to(newEmail).get(0), "/account/email/confirm"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(newEmail);
		assertPageQualityOnDesktopAndPhone();
		click(By.cssSelector("main form button[type=submit]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/login?email-changed"));
		assertThat(browser.findElement(By.cssSelector("main [role=status]")).getText())
			.isEqualTo("Votre adresse e-mail a été changée : connectez-vous avec la nouvelle.");

		type("email", newEmail);
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD, Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> !driver.getCurrentUrl().contains("/login"));
		open("/account/profile");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(newEmail);
	}

}
