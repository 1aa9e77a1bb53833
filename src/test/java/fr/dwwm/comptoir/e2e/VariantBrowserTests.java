package fr.dwwm.comptoir.e2e;

import java.awt.Color;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.catalog.TestPictures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Variants (« déclinaisons ») in a real browser with JavaScript: choosing one on the
 * product page changes its price, stock, reference, pictures and address at once and says
 * so to screen readers; a sold-out one is shown but cannot be ordered; the one chosen is
 * the one added, bought and written on the invoice. Then the back office's screens for
 * options and variants. Every page is checked by axe and the Nu checker, at 1280 and 375
 * px. (Without JavaScript: WithoutJavaScriptBrowserTests.)
 */
class VariantBrowserTests extends BrowserTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestPictures pictures;

	@Test
	void aShopperChoosesAVariantSeesItChangeThePageBuysItAndReadsItOnTheInvoice() throws Exception {
		browser.manage().deleteAllCookies();
		Tablecloth tablecloth = tablecloth();
		open("/products/" + tablecloth.slug());
		assertPageQuality();
		assertThat(browser.findElement(By.cssSelector(".variant-choice legend")).getText()).startsWith("Taille");
		assertThat(browser.findElements(By.cssSelector("[data-variant-show]")))
			.as("the reload button is for browsers without JavaScript")
			.allSatisfy((button) -> assertThat(button.isDisplayed()).isFalse());
		assertThat(price()).as("the first variant in stock").isEqualTo("25,00 €");
		assertThat(browser.findElement(By.id("variant-" + tablecloth.small())).isSelected()).isTrue();
		assertThat(browser.findElement(By.cssSelector("[data-variant-image='" + tablecloth.large() + "']"))
			.getDomProperty("hidden")).as("another variant's picture is hidden").isEqualTo("true");

		click(By.cssSelector("label[for=variant-" + tablecloth.large() + "]"));
		waitUpTo5Seconds().until((driver) -> price().equals("35,00 €"));
		assertThat(browser.getCurrentUrl()).endsWith("?variant=" + tablecloth.large());
		assertThat(browser.findElement(By.cssSelector("[data-variant-sku]")).getText()).endsWith(tablecloth.largeSku());
		assertThat(browser.findElement(By.cssSelector("[data-variant-stock]")).getText()).isEqualTo("En stock");
		assertThat(browser.findElement(By.cssSelector("[data-variant-status]"))
			.getDomProperty("textContent")
			.replace('\u202f', ' ')
			.replace('\u00a0', ' ')).isEqualTo("Grand : 35,00 €, En stock");
		assertThat(browser.findElement(By.cssSelector("[data-variant-image='" + tablecloth.large() + "']"))
			.getDomProperty("hidden")).as("its own picture is shown").isEqualTo("false");
		assertThat(browser.findElement(By.cssSelector("input[name=variantId]")).getDomProperty("value"))
			.isEqualTo(String.valueOf(tablecloth.large()));

		click(By.cssSelector("label[for=variant-" + tablecloth.medium() + "]"));
		waitUpTo5Seconds().until((driver) -> price().equals("30,00 €"));
		assertThat(browser.findElement(By.cssSelector("form.add-to-cart")).isDisplayed())
			.as("a sold-out variant cannot be ordered")
			.isFalse();
		assertThat(browser.findElement(By.cssSelector("[data-variant-unavailable]")).getText())
			.startsWith("Cette déclinaison est épuisée");
		assertPageQuality();

		click(By.cssSelector("label[for=variant-" + tablecloth.large() + "]"));
		waitUpTo5Seconds().until((driver) -> browser.findElement(By.cssSelector("form.add-to-cart")).isDisplayed());
		click(By.cssSelector("form.add-to-cart button[type=submit]"));
		waitUpTo5Seconds().until((driver) -> !driver.findElements(By.cssSelector("[data-toast-region] p")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("[data-toast-region] p")).getText())
			.startsWith("Produit ajouté au panier");

		open("/cart");
		assertThat(browser.findElement(By.cssSelector(".cart-line__variant")).getText()).isEqualTo("Grand");
		open("/checkout");
		type("email", "declinaison-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test");
		fillAddress();
		pay("4242 4242 4242 4242");
		click(By.cssSelector("button[name=intent][value=order]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("/checkout/orders/CPT-"));
		assertThat(browser.findElement(By.cssSelector("main")).getText()).contains(tablecloth.name() + " — Grand");
		assertThat(invoiceText(browser.findElement(By.cssSelector("[data-invoice-link]"))))
			.contains(tablecloth.name() + " — Grand")
			.contains(tablecloth.largeSku());
		assertThat(this.jdbc.sql("SELECT stock FROM product_variant WHERE id = :id")
			.param("id", tablecloth.large())
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	@Test
	void aProductInSeveralVariantsFitsAPhoneAndIsShownFromTheDemoCatalogue() {
		browser.manage().deleteAllCookies();
		open("/products/assiette-plate-en-gres-mouchete");
		assertPageQuality();
		screenshot("produit-declinaisons-1280");
		mobile();
		open("/products/assiette-plate-en-gres-mouchete");
		assertPageQuality();
		assertNoControlIsCovered();
		assertThat(horizontalOverflow()).isLessThanOrEqualTo(0);
		click(By.xpath("//label[.//span[normalize-space()='Bleu de Prusse']]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("?variant="));
		screenshot("produit-declinaisons-375");
		open("/products?category=ceramique");
		assertThat(browser
			.findElement(By.cssSelector(".product-card:has(a[href='/products/pichet-en-faience-de-quimper'])"))
			.getText()).contains("à partir de");
		desktop();
	}

	@Test
	void staffAddAnOptionValueGenerateVariantsAndPriceOneOfThem() {
		Tablecloth tablecloth = tablecloth();
		logIn(Role.EDITOR);
		open("/admin/options");
		assertPageQuality();
		WebElement size = browser.findElement(By.xpath("//section[.//h2[starts-with(normalize-space(), 'Taille')]]"));
		String label = "Très grand " + UUID.randomUUID().toString().substring(0, 4);
		WebElement field = size.findElement(By.name("label"));
		field.sendKeys(label);
		click(size.findElement(By.cssSelector("button[type=submit]")));
		waitUpTo5Seconds().until((driver) -> driver.findElement(By.cssSelector("main [role=status]"))
			.getText()
			.equals("Valeur ajoutée."));
		assertThat(browser.findElement(By.cssSelector("main")).getText()).contains(label);

		open("/admin/products/" + tablecloth.id());
		assertPageQuality();
		click(By.xpath("//label[normalize-space()='" + label + "']"));
		click(By.xpath("//button[normalize-space()='Générer les déclinaisons']"));
		waitUpTo5Seconds().until((driver) -> driver.findElement(By.cssSelector("main [role=status]"))
			.getText()
			.equals("Déclinaisons créées ou complétées."));
		WebElement row = browser.findElement(By.xpath("//tr[th[normalize-space()='" + label + "']]"));
		WebElement rowPrice = row.findElement(By.name("price"));
		rowPrice.clear();
		rowPrice.sendKeys("42,50");
		click(row.findElement(By.cssSelector("button[type=submit]")));
		waitUpTo5Seconds().until((driver) -> driver.findElement(By.cssSelector("main [role=status]"))
			.getText()
			.equals("Déclinaison enregistrée."));
		assertThat(this.jdbc.sql("""
				SELECT v.price_cents FROM product_variant v WHERE v.product_id = :product
				AND variant_label(v.id) = :label""")
			.param("product", tablecloth.id())
			.param("label", label)
			.query(Integer.class)
			.single()).isEqualTo(4250);

		WebElement wrong = browser.findElement(By.xpath("//tr[th[normalize-space()='" + label + "']]"))
			.findElement(By.name("price"));
		wrong.clear();
		wrong.sendKeys("quarante");
		click(browser.findElement(By.xpath("//tr[th[normalize-space()='" + label + "']]"))
			.findElement(By.cssSelector("button[type=submit]")));
		waitUpTo5Seconds().until((driver) -> !driver.findElements(By.cssSelector("[data-variant-errors]")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("[data-variant-errors]")).getText())
			.as("the message names its field and its variant, shown away from them")
			.contains("Prix TTC (€) de la déclinaison « " + label + " » : Saisissez un prix en euros");
		WebElement refusedRow = browser
			.findElement(By.xpath("//tr[th[starts-with(normalize-space(), '" + label + "')]]"));
		assertThat(refusedRow.findElement(By.tagName("th")).getText()).as("said in words, not only by a colour")
			.contains("À corriger");
		assertThat(refusedRow.findElement(By.name("price")).getDomProperty("value")).as("what was typed is kept")
			.isEqualTo("quarante");
		assertPageQuality();
		mobile();
		open("/admin/options");
		assertPageQuality();
		open("/admin/products/" + tablecloth.id());
		assertPageQuality();
		desktop();
	}

	/**
	 * A tablecloth of this test's own in three sizes: small in stock, medium sold out,
	 * large in stock with a picture of its own beside the shared one.
	 */
	private Tablecloth tablecloth() {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		String name = "Nappe à carreaux " + UUID.randomUUID().toString().substring(0, 4);
		long id = fixtures.product(fixtures.category("Nappes du navigateur", null), name, 2500, 5, Map.of());
		long[] sizes = fixtures.options("Taille", "Petit", "Moyen", "Grand");
		long small = fixtures.variantOf(id);
		fixtures.withOptions(small, sizes[0]);
		long medium = fixtures.variant(id, 3000, 0, sizes[1]);
		long large = fixtures.variant(id, 3500, 4, sizes[2]);
		this.pictures.add(id, null, new Color(0xE9E4DC), name, 0);
		this.pictures.add(id, large, new Color(0x9C3D2E), name + ", grand", 1);
		return new Tablecloth(id,
				this.jdbc.sql("SELECT slug FROM product WHERE id = :id").param("id", id).query(String.class).single(),
				name, small, medium, large,
				this.jdbc.sql("SELECT sku FROM product_variant WHERE id = :id")
					.param("id", large)
					.query(String.class)
					.single());
	}

	private static String price() {
		return browser.findElement(By.cssSelector("[data-variant-price]"))
			.getText()
			.replace('\u202f', ' ')
			.replace('\u00a0', ' ');
	}

	private record Tablecloth(long id, String slug, String name, long small, long medium, long large, String largeSku) {
	}

}
