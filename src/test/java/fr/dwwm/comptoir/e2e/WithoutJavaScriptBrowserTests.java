package fr.dwwm.comptoir.e2e;

import fr.dwwm.comptoir.account.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same shopping goals with JavaScript turned off in Chromium (progressive
 * enhancement): every form still works by posting and reloading, as it did before the
 * scripts existed.
 */
class WithoutJavaScriptBrowserTests extends BrowserTest {

	@BeforeAll
	static void startBrowserWithoutJavaScript() {
		browser.quit();
		browser = Browser.start(false);
	}

	@Test
	void scriptsDoNotRunInThisBrowser() {
		open("/products/confiture-de-figues");
		assertThat(browser.findElements(By.cssSelector(".gallery__controls"))).as("the gallery was not enhanced")
			.isEmpty();
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("class")).isNull();
	}

	@Autowired
	private JdbcClient jdbc;

	@Test
	void choosingAVariantReloadsThePageOnItsAddressAndAddsThatOne() {
		long large = this.jdbc.sql("SELECT id FROM product_variant WHERE sku = 'EPI-CONF-001-450'")
			.query(Long.class)
			.single();
		desktop();
		open("/products/confiture-de-figues");
		assertThat(browser.findElement(By.cssSelector("[data-variant-price]")).getText()).startsWith("6,90");
		click(By.cssSelector("label[for=variant-" + large + "]"));
		click(By.cssSelector("[data-variant-show]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("?variant=" + large));
		assertThat(browser.findElement(By.cssSelector("[data-variant-price]")).getText()).startsWith("10,90");
		assertThat(browser.findElement(By.id("variant-" + large)).isSelected()).isTrue();
		click(By.cssSelector("form.add-to-cart button[type=submit]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/cart"));
		assertThat(browser.findElement(By.cssSelector(".cart-lines")).getText()).contains("Confiture de figues",
				"450 g");
	}

	@Test
	void addingToTheCartPostsTheFormAndShowsTheCart() {
		desktop();
		open("/products/confiture-de-figues");
		click(By.cssSelector("form.add-to-cart button[type=submit]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/cart"));
		assertThat(browser.findElement(By.cssSelector("main [role=status]")).getText())
			.startsWith("Produit ajouté au panier");
		assertThat(browser.findElement(By.cssSelector(".cart-lines")).getText()).contains("Confiture de figues");
	}

	@Test
	void changingAQuantityPostsTheFormAndReloadsTheTotals() {
		desktop();
		open("/products/confiture-de-figues");
		click(By.cssSelector("form.add-to-cart button[type=submit]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/cart"));
		WebElement line = browser
			.findElement(By.xpath("//li[contains(@class,'cart-line')][.//a[contains(.,'Confiture de figues')]]"));
		String total = line.findElement(By.cssSelector("[data-line-total]")).getText();
		WebElement quantity = line.findElement(By.name("quantity"));
		quantity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
		line.findElement(By.cssSelector("form[data-cart-quantity] button")).sendKeys(Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.findElement(By.cssSelector("main [role=status]"))
			.getText()
			.equals("Quantité mise à jour : 3."));
		assertThat(browser
			.findElement(By.xpath("//li[contains(@class,'cart-line')][.//a[contains(.,'Confiture de figues')]]"))
			.findElement(By.cssSelector("[data-line-total]"))
			.getText()).isNotEqualTo(total);
	}

	@Test
	void aGuestOrdersWithThePlainForms() {
		desktop();
		open("/products/confiture-de-figues");
		browser.findElement(By.cssSelector("form.add-to-cart button[type=submit]")).sendKeys(Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/cart"));
		open("/checkout");
		for (String[] field : new String[][] { { "email", "sans-js-" + System.nanoTime() + "@exemple.test" },
				{ "firstName", "Camille" }, { "lastName", "Martin" }, { "line1", "8 rue des Lilas" },
				{ "postalCode", "75011" }, { "city", "Paris" }, { "cardHolder", "Camille Martin" },
				{ "cardNumber", "4242424242424242" }, { "cardExpiry", "12/39" }, { "cardCode", "123" } }) {
			browser.findElement(By.id(field[0])).sendKeys(field[1]);
		}
		browser.findElement(By.id("acceptTerms1")).sendKeys(Keys.SPACE);
		browser.findElement(By.cssSelector("button[name=intent][value=order]")).sendKeys(Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("/checkout/orders/CPT-"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Merci pour votre commande !");
	}

	@Autowired
	private TestAccounts accounts;

	/**
	 * On a phone the header leaves signing out to the menu, which needs JavaScript: the
	 * account page offers it too, as a plain form.
	 */
	@Test
	void aCustomerOnAPhoneSignsOutFromTheirAccountPage() {
		browser.manage().deleteAllCookies();
		signIn(this.accounts.customer());
		mobile();
		open("/account");
		assertThat(browser.findElement(By.cssSelector(".site-header form[action='/logout'] button")).isDisplayed())
			.isFalse();
		click(By.cssSelector("main form[action='/logout'] button"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/?logout"));
		assertThat(browser.manage().getCookieNamed("COMPTOIR_SESSION")).isNull();
		desktop();
	}

	@Test
	void searchingOpensTheResultsPage() {
		desktop();
		open("/");
		WebElement field = browser.findElement(By.id("site-search-q"));
		assertThat(field.getDomAttribute("role")).as("no combobox without its script").isNull();
		field.sendKeys("confiture", Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("/search?q=confiture"));
		assertThat(browser.findElements(By.cssSelector(".product-card"))).isNotEmpty();
	}

	@Test
	void theSiteMapFromTheFooterLeadsToAShelf() {
		mobile();
		open("/");
		click(browser.findElement(By.cssSelector("footer a[href='/sitemap']")));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/sitemap"));
		assertThat(horizontalOverflow()).isLessThanOrEqualTo(0);
		click(browser.findElement(By.cssSelector("main a[href='/products?category=confitures-et-miels']")));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("category=confitures-et-miels"));
		assertThat(browser.findElements(By.cssSelector(".product-card"))).isNotEmpty();
		desktop();
	}

	@Test
	void filteringSubmitsTheFormAndReloadsTheList() {
		mobile();
		open("/products?category=epicerie-fine");
		// On a phone the filters are folded in a <details>, which opens without a script.
		click(By.cssSelector("details.catalog__filters summary"));
		browser.findElement(By.id("filter-stock")).sendKeys(Keys.SPACE);
		browser.findElement(By.cssSelector(".catalog__filter-form button[type=submit]")).sendKeys(Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("stock=true"));
		assertThat(browser.findElement(By.id("filter-stock")).isSelected()).isTrue();
	}

}
