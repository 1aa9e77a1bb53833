package fr.dwwm.comptoir.e2e;

import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A promotion code made in the back office, in a real browser: an administrator creates
 * it (a mistyped value comes back with its message and what was typed), finds it in the
 * list, and a shopper uses it at the checkout. The list and the form pass axe and the Nu
 * checker at 1280 and 375 px.
 */
class PromoCodeBrowserTests extends BrowserTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anAdministratorCreatesACodeThatAShopperThenUsesAtTheCheckout() {
		String code = "NOEL" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
		logIn(Role.ADMIN);
		open("/admin/promo-codes");
		assertPageQuality();
		click(By.cssSelector("[data-new-promo]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/admin/promo-codes/new"));
		assertPageQuality();
		mobile();
		assertPageQuality();
		assertThat(horizontalOverflow()).isLessThanOrEqualTo(0);
		desktop();
		type("promoCode", code);
		type("amount", "12,5");
		click(By.cssSelector("[data-save-promo]"));
		waitUpTo5Seconds().until((driver) -> !driver.findElements(By.cssSelector("[data-admin-error]")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("[data-admin-error]")).getText())
			.isEqualTo("Un pourcentage est un nombre entier de 1 à 100.");
		assertThat(browser.findElement(By.id("promoCode")).getDomProperty("value")).as("nothing typed is lost")
			.isEqualTo(code);
		assertPageQuality();
		type("amount", "20");
		click(By.cssSelector("[data-save-promo]"));
		// The refused form was shown at /admin/promo-codes already (where it posts): wait
		// for
		// the list's row, not for the address.
		waitUpTo5Seconds()
			.until((driver) -> !driver.findElements(By.cssSelector("[data-promo='" + code + "']")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("[data-promo='" + code + "']")).getText()).contains("20 %", "0");
		mobile();
		assertPageQuality();
		desktop();

		browser.manage().deleteAllCookies();
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long product = fixtures.product(fixtures.category("Promotions du navigateur", null), "Plateau en noyer", 4000,
				10, Map.of());
		addToCart("/products/" + this.jdbc.sql("SELECT slug FROM product WHERE id = :id")
			.param("id", product)
			.query(String.class)
			.single(), 1);
		open("/checkout");
		type("promoCode", code.toLowerCase());
		press(By.cssSelector("button[name=intent][value=quote]"));
		waitUpTo5Seconds().until((
				driver) -> driver.findElement(By.cssSelector("main")).getText().contains("Code " + code + " appliqué"));
		assertThat(browser.findElement(By.cssSelector("main")).getText().replace('\u202f', ' ').replace('\u00a0', ' '))
			.contains("Remise (" + code + ")", "-8,00 €");
	}

}
