package fr.dwwm.comptoir.e2e;

import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shipping by weight band in a real browser: an administrator creates a method with a
 * grid for France in the back office; a shopper's cart then shows its price for the
 * parcel's weight, and the next band's price as soon as a second unit makes the parcel
 * heavier (updated by the cart's script, without a reload); for Belgium, where the grid
 * has no band, the method is not shown. The shipping list and form are checked by axe and
 * the Nu checker at 1280 and 375 px.
 */
class ShippingBrowserTests extends BrowserTest {

	private static final String CODE = "COURSIER_NAVIGATEUR";

	private static final String NAME = "Coursier du navigateur";

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void withdrawTheMethod() {
		// Other tests read the checkout's options.
		this.jdbc.sql("DELETE FROM shipping_method WHERE code = :code").param("code", CODE).update();
	}

	@Test
	void aWeightBandShippingPriceShowsInTheCart() {
		logIn(Role.ADMIN);
		open("/admin/shipping");
		assertPageQuality();
		click(By.cssSelector("[data-new-shipping]"));
		assertPageQualityOnDesktopAndPhone();
		type("shippingCode", CODE);
		type("name", NAME);
		type("description", "Livré à vélo dans la journée.");
		List<WebElement> weights = browser.findElements(By.name("bandWeight"));
		List<WebElement> prices = browser.findElements(By.name("bandPrice"));
		weights.get(0).sendKeys("1");
		prices.get(0).sendKeys("1,00");
		weights.get(1).sendKeys("5");
		prices.get(1).sendKeys("2,50");
		new Select(browser.findElements(By.name("bandCountry")).get(2)).selectByValue("LU");
		weights.get(2).sendKeys("1");
		prices.get(2).sendKeys("3,00");
		click(By.cssSelector("[data-save-shipping]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/admin/shipping"));
		assertThat(browser.findElement(By.cssSelector("[data-shipping='" + CODE + "']")).getText()).contains(NAME,
				"FR, LU");
		mobile();
		assertPageQuality();
		desktop();

		browser.manage().deleteAllCookies();
		addToCart(productOf800Grams(), 1);
		open("/cart");
		assertThat(browser.findElement(By.cssSelector("[data-cart-estimate]")).getText())
			.isEqualTo("Livraison vers : France, colis de 800 g");
		assertThat(priceOf(NAME)).as("800 g: the 1 kg band").isEqualTo("1,00 €");

		WebElement quantity = browser.findElement(By.cssSelector("[data-cart-quantity] input[name=quantity]"));
		quantity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2", Keys.TAB);
		waitUpTo5Seconds().until((driver) -> "2,50 €".equals(priceOf(NAME)));
		assertThat(browser.findElement(By.cssSelector("[data-cart-estimate]")).getText())
			.isEqualTo("Livraison vers : France, colis de 1,6 kg");

		new Select(browser.findElement(By.id("cart-country"))).selectByValue("BE");
		click(By.cssSelector(".cart-summary__country button"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("country=BE"));
		assertThat(browser.findElement(By.cssSelector("[data-cart-deliveries]")).getText())
			.as("no band for Belgium: not offered there")
			.doesNotContain(NAME)
			.contains("Colissimo");
		assertPageQuality();
		mobile();
		assertPageQuality();
		assertNoControlIsCovered();
		desktop();
	}

	private String priceOf(String method) {
		List<WebElement> terms = browser.findElements(By.cssSelector("[data-cart-deliveries] dt"));
		List<WebElement> prices = browser.findElements(By.cssSelector("[data-cart-deliveries] dd"));
		for (int i = 0; i < terms.size(); i++) {
			if (terms.get(i).getText().equals(method)) {
				return prices.get(i).getText().replace('\u202f', ' ').replace('\u00a0', ' ');
			}
		}
		return null;
	}

	private String productOf800Grams() {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long id = fixtures.product(fixtures.category("Colis du navigateur", null), "Théière en fonte", 4500, 20,
				Map.of());
		this.jdbc.sql("UPDATE product_variant SET weight_grams = 800 WHERE product_id = :id").param("id", id).update();
		return "/products/"
				+ this.jdbc.sql("SELECT slug FROM product WHERE id = :id").param("id", id).query(String.class).single();
	}

}
