package fr.dwwm.comptoir.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import fr.dwwm.comptoir.security.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents' reference screenshots ({@code docs/screenshots/}), taken on a fresh demo
 * shop — a new embedded database holding the migrations and the demo data only, never a
 * test's data — at 1280 and 375 px, as the demo accounts of the README see them: a
 * visitor, the demo customer (who places one order, as a demonstration would), then the
 * demo administrator with their authenticator code. The folder is emptied first, so that
 * no screenshot of a screen that changed or went away is left behind.
 *
 * <p>
 * Not part of {@code ./mvnw verify} (about two minutes, and the pictures are documents,
 * not checks): run on demand with
 * {@code ./mvnw test -Dtest=ReferenceScreenshots -Dscreenshots=true}, which
 * {@code docs/tests.md} gives. {@code ScreenshotLinksTests} checks that every screenshot
 * a document shows is one this run takes.
 */
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
class ReferenceScreenshots {

	/** Where the documents' screenshots live. */
	static final Path FOLDER = Path.of("docs", "screenshots");

	private static final String CUSTOMER = FreshDemoShop.CUSTOMER;

	private static final String CUSTOMER_PASSWORD = FreshDemoShop.CUSTOMER_PASSWORD;

	private static final String ADMIN = FreshDemoShop.ADMIN;

	private static final String ADMIN_PASSWORD = FreshDemoShop.ADMIN_PASSWORD;

	private static final String ADMIN_SECRET = FreshDemoShop.ADMIN_SECRET;

	private static final String PRODUCT = "/products/confiture-de-figues";

	private static final String PRODUCT_WITH_VARIANTS = "/products/assiette-plate-en-gres-mouchete";

	private static FreshDemoShop shop;

	private static ChromeDriver browser;

	private static int port;

	private final List<String> taken = new ArrayList<>();

	@BeforeAll
	static void startAFreshDemoShop() throws IOException {
		shop = FreshDemoShop.start();
		port = shop.port();
		browser = Browser.start();
		try (Stream<Path> old = Files.list(FOLDER)) {
			for (Path file : old.toList()) {
				Files.delete(file);
			}
		}
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (shop != null) {
			shop.close();
		}
	}

	@Test
	void everyScreenOfTheCompetencyMapFromAFreshDemoDatabase() {
		JdbcClient jdbc = shop.bean(JdbcClient.class);

		// A visitor.
		both("accueil", "/");
		both("catalogue", "/products");
		both("rayon", "/products?category=confitures-et-miels");
		both("produit", PRODUCT);
		both("produit-declinaisons", PRODUCT_WITH_VARIANTS);
		both("recherche", "/search?q=confiture");
		both("page-de-contenu", "/pages/livraison");
		both("contact", "/contact");
		both("plan-du-site", "/sitemap");
		both("connexion", "/login");
		both("inscription", "/register");
		both("mot-de-passe-oublie", "/password/forgot");
		both("hors-connexion", "/offline");
		both("styleguide", "/styleguide");
		both("api-documentation", "/api/docs");
		desktop();
		open("/register");
		press(By.cssSelector("main form button[type=submit]"));
		waitFor(By.id("email-error"));
		shot("inscription-erreurs-1280");
		open("/");
		WebElement search = browser.findElement(By.id("site-search-q"));
		search.click();
		search.sendKeys("confiture");
		waitFor(By.cssSelector("[role=listbox] [role=option]"));
		shot("suggestions-de-recherche-1280");

		// The visitor fills a cart, then signs in as the demo customer: the cart follows.
		mobile();
		open(PRODUCT);
		press(By.cssSelector("form.add-to-cart button[type=submit]"));
		waitFor(By.cssSelector("[data-toast-region] p"));
		shot("ajout-au-panier-375");
		open(PRODUCT_WITH_VARIANTS);
		press(By.cssSelector("form.add-to-cart button[type=submit]"));
		waitFor(By.cssSelector("[data-toast-region] p"));
		both("panier", "/cart");
		desktop();
		browser.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
		open("/cart");
		shot("panier-sombre-1280");
		browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));

		signIn(CUSTOMER, CUSTOMER_PASSWORD);
		both("commande", "/checkout");
		desktop();
		open("/checkout");
		fill("cardHolder", "Camille Martin");
		fill("cardNumber", "4242 4242 4242 4242");
		fill("cardExpiry", "12/39");
		fill("cardCode", "123");
		WebElement terms = browser.findElement(By.id("acceptTerms1"));
		if (!terms.isSelected()) {
			terms.sendKeys(Keys.SPACE);
		}
		press(By.cssSelector("button[name=intent][value=order]"));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((driver) -> driver.getCurrentUrl().contains("/checkout/orders/CPT-"));
		String reference = browser.getCurrentUrl().replaceFirst(".*/", "");
		both("confirmation-de-commande", "/checkout/orders/" + reference);
		both("compte", "/account");
		both("compte-commandes", "/account/orders");
		both("compte-commande", "/account/orders/" + reference);
		both("compte-adresses", "/account/addresses");
		both("compte-profil", "/account/profile");
		both("compte-adresse-e-mail", "/account/email");
		both("compte-securite", "/account/security");
		both("compte-donnees", "/account/data");
		both("compte-acces-api", "/account/api-tokens");

		// The demo administrator, with their password and authenticator code.
		browser.manage().deleteAllCookies();
		signIn(ADMIN, ADMIN_PASSWORD);
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until((driver) -> driver.getCurrentUrl().endsWith("/login/second-factor"));
		browser.findElement(By.id("code")).sendKeys(Totp.code(ADMIN_SECRET, Totp.stepAt(Instant.now()), 6), Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(5)).until((driver) -> driver.getCurrentUrl().endsWith("/admin"));
		long product = jdbc.sql("SELECT id FROM product WHERE slug = 'confiture-de-figues'").query(Long.class).single();
		long page = jdbc.sql("SELECT id FROM cms_page WHERE slug = 'livraison'").query(Long.class).single();
		long shipping = jdbc.sql("SELECT min(id) FROM shipping_method").query(Long.class).single();
		String delivered = jdbc.sql("""
				SELECT reference FROM customer_order WHERE status = 'DELIVERED' ORDER BY placed_at DESC LIMIT 1""")
			.query(String.class)
			.single();
		both("tableau-de-bord", "/admin");
		both("produits-admin", "/admin/products");
		both("formulaire-produit", "/admin/products/" + product);
		both("rayons-admin", "/admin/categories");
		both("options-admin", "/admin/options");
		both("commandes-admin", "/admin/orders");
		both("commande-admin", "/admin/orders/" + delivered);
		both("retours-admin", "/admin/returns");
		both("codes-promo-admin", "/admin/promo-codes");
		both("livraison-admin", "/admin/shipping");
		both("mode-de-livraison-admin", "/admin/shipping/" + shipping);
		both("clients-admin", "/admin/customers");
		both("personnel-admin", "/admin/staff");
		both("journal-admin", "/admin/audit");
		both("modules", "/admin/modules");
		both("module-configuration", "/admin/modules/reassurance");
		both("emplacements", "/admin/hooks");
		both("pages-admin", "/admin/pages");
		both("editeur-de-page", "/admin/pages/" + page);
		both("blocs-admin", "/admin/blocks");
		both("menus-admin", "/admin/menus");

		LoggerFactory.getLogger(ReferenceScreenshots.class)
			.info("{} reference screenshots written to {}: {}", this.taken.size(), FOLDER.toAbsolutePath(), this.taken);
	}

	private void both(String name, String path) {
		desktop();
		open(path);
		shot(name + "-1280");
		mobile();
		open(path);
		shot(name + "-375");
	}

	private void shot(String name) {
		assertThat(browser.getTitle()).as(name + ": not an error page")
			.doesNotContain("Erreur", "introuvable", "Accès refusé");
		Browser.capture(browser, FOLDER.resolve(name + ".webp"));
		this.taken.add(name);
	}

	private static void signIn(String email, String password) {
		open("/login");
		fill("email", email);
		browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(5)).until((driver) -> !driver.getCurrentUrl().endsWith("/login"));
	}

	/** Clicks a button wherever it is, brought to the middle of the screen first. */
	private static void press(By locator) {
		browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
				browser.findElement(locator));
	}

	private static void fill(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private static void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	private static void waitFor(By locator) {
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	private static void mobile() {
		Browser.viewport(browser, BrowserTest.MOBILE_WIDTH, 812, true);
	}

	private static void desktop() {
		Browser.viewport(browser, BrowserTest.DESKTOP_WIDTH, 800, false);
	}

	static {
		// A missing folder is made by the first screenshot; listing it needs it now.
		try {
			Files.createDirectories(FOLDER);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
