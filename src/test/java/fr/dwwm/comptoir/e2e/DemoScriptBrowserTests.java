package fr.dwwm.comptoir.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.dwwm.comptoir.security.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trainer's demo, rehearsed: {@code docs/parcours-demo.md} followed step by step in
 * Chromium, with the same accounts, clicks and checks in the same order, on a demo shop
 * of its own started on a new, empty database (the migrations and the demo data only, as
 * {@code ./mvnw spring-boot:run} gives a trainer the first time). When the app and the
 * script drift apart, this test fails at the step that no longer goes as written.
 *
 * <p>
 * One test per section of the script, in the script's order: each goes on from where the
 * previous one left the shop (the order placed in CP7 is the one shipped in CP4). The key
 * steps are photographed into {@code target/screenshots/demo/}; the screens changed for
 * the demo pass axe and the Nu checker at 1280 and 375 px.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoScriptBrowserTests extends BrowserTest {

	private static final String CUSTOMER = FreshDemoShop.CUSTOMER;

	private static final String PRODUCT = "/products/confiture-de-figues";

	private static FreshDemoShop shop;

	/** The order placed in CP7, shipped in CP4. */
	private static String reference;

	@BeforeAll
	static void startAFreshDemoShop() {
		shop = FreshDemoShop.start();
	}

	@AfterAll
	static void stopTheDemoShop() {
		if (shop != null) {
			shop.close();
		}
	}

	@Override
	protected int port() {
		return shop.port();
	}

	@Override
	protected String url(String path) {
		return "http://localhost:" + shop.port() + path;
	}

	@Test
	@Order(1)
	void cp1TheMobileWireframeOfTheProductPageFacesTheProductPageAt375() {
		assertThat(Path.of("mockups", "README.md")).exists();
		assertThat(Path.of("mockups", "wireframes", "produit-mobile.svg")).exists();
		assertThat(Path.of("mockups", "besoins", "user-stories.md")).exists();
		assertThat(Path.of("mockups", "charte-graphique.md")).exists();
		mobile();
		open("/products");
		click(By.cssSelector("main a[href^='/products/']"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().matches(".*/products/[a-z0-9-]+$"));
		assertThat(horizontalOverflow()).isLessThanOrEqualTo(0);
		shot("01-cp1-fiche-produit-375");
	}

	@Test
	@Order(2)
	void cp2StaticPagesTheMobileMenuTheSourceTheSiteMapsAFilterAndTheLanguage() {
		mobile();
		open("/");
		click(By.cssSelector(".navbar-toggler"));
		waitUpTo5Seconds().until(ExpectedConditions.visibilityOfElementLocated(By.id("site-nav-menu")));
		shot("02-cp2-menu-mobile-375");
		desktop();
		open(PRODUCT);
		String source = browser.getPageSource();
		assertThat(source).contains("<header", "<main", "<footer", "<nav", "rel=\"canonical\"", "application/ld+json");
		open("/sitemap");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Plan du site");
		open("/sitemap.xml");
		assertThat(browser.getPageSource()).contains("/products/confiture-de-figues");
		assertThat(consoleMessages()).as("the browser's XML viewer is not blocked")
			.noneMatch((message) -> message.contains("Content Security Policy"));
		open("/styleguide");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();

		open("/products");
		click(By.cssSelector("main a[href^='/products?category=confitures-et-miels']"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("category=confitures-et-miels"));
		String count = browser.findElement(By.id("results-count")).getText();
		browser.findElement(By.id("filter-stock")).sendKeys(Keys.SPACE);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("stock"));
		String shared = browser.getCurrentUrl();
		open(shared.substring(shared.indexOf("/products")));
		assertThat(browser.findElement(By.id("filter-stock")).isSelected()).as("a filter gives a shareable address")
			.isTrue();
		assertThat(count).isNotBlank();

		click(By.cssSelector(".site-footer__language a"));
		waitUpTo5Seconds()
			.until((driver) -> "en".equals(driver.findElement(By.tagName("html")).getDomAttribute("lang")));
		shot("03-cp2-anglais-1280");
		click(By.cssSelector(".site-footer__language a"));
		waitUpTo5Seconds()
			.until((driver) -> "fr".equals(driver.findElement(By.tagName("html")).getDomAttribute("lang")));
	}

	@Test
	@Order(3)
	void cp3SuggestionsAnAddToCartWithoutReloadAndAQuantityChangedInTheCart() {
		signIn(CUSTOMER, FreshDemoShop.CUSTOMER_PASSWORD);
		open("/");
		WebElement search = browser.findElement(By.id("site-search-q"));
		click(search);
		search.sendKeys("miel");
		WebElement listbox = waitUpTo5Seconds()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=listbox]")));
		assertThat(listbox.findElements(By.cssSelector("[role=option]")).get(0).getText()).containsIgnoringCase("miel");
		shot("04-cp3-suggestions-1280");
		String first = listbox.findElement(By.cssSelector("[role=option]")).getDomAttribute("data-url");
		new Actions(browser).sendKeys(Keys.ARROW_DOWN, Keys.ENTER).perform();
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith(first));

		open(PRODUCT);
		browser.executeScript("window.notReloaded = true");
		click(By.cssSelector("form.add-to-cart button[type=submit]"));
		waitUpTo5Seconds().until((driver) -> !driver.findElements(By.cssSelector("[data-toast-region] p")).isEmpty());
		assertThat(browser.executeScript("return window.notReloaded === true")).as("no reload").isEqualTo(true);
		assertThat(browser.findElement(By.cssSelector("[data-cart-count]")).getText()).isNotEqualTo("0");

		open("/cart");
		WebElement line = browser.findElement(By.cssSelector("[id^=line-]"));
		String total = browser.findElement(By.cssSelector("[data-line-total]")).getText();
		line.findElement(By.name("quantity")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "5", Keys.TAB);
		waitUpTo5Seconds()
			.until((driver) -> !driver.findElement(By.cssSelector("[data-line-total]")).getText().equals(total));
		assertThat(euros(browser.findElement(By.cssSelector("[data-line-total]")).getText()))
			.as("enough for BIENVENUE10 (30 € at least)")
			.isGreaterThanOrEqualTo(3000);
		shot("05-cp3-panier-1280");
	}

	@Test
	@Order(4)
	void cp7APromoCodeARefusedCodeARefusedCardThenAPaidOrderItsInvoiceAndItsMail() throws Exception {
		open("/cart");
		click(By.cssSelector("[data-cart-checkout]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/checkout"));
		type("promoCode", "BIENVENUE10");
		click(By.cssSelector("button[name=intent][value=quote]"));
		waitUpTo5Seconds().until((driver) -> main().contains("Remise (BIENVENUE10)"));
		// The answer is on screen, not 1,700 px lower (the scroll may be smooth).
		waitUpTo5Seconds().withMessage("the code's answer is on screen")
			.until((driver) -> inViewport(By.cssSelector("[data-promo-applied]")));
		type("promoCode", "ETE2026");
		click(By.cssSelector("button[name=intent][value=quote]"));
		waitUpTo5Seconds().until((driver) -> !driver.findElements(By.cssSelector("[data-promo-refused]")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("[data-promo-refused]")).getText())
			.as("a refused code is explained, and the code applied before stays")
			.contains("ETE2026", "a expiré", "Le code BIENVENUE10 reste appliqué.");
		assertThat(main()).contains("Remise (BIENVENUE10)");
		waitUpTo5Seconds().withMessage("the refusal is on screen")
			.until((driver) -> inViewport(By.cssSelector("[data-promo-refused]")));
		shot("06-cp7-code-refuse-1280");
		checkBothWidths();

		fillAddressIfEmpty();
		pay("4000000000000002");
		click(By.cssSelector("button[name=intent][value=order]"));
		waitUpTo5Seconds().until((driver) -> !driver.findElements(By.cssSelector("main [role=alert]")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("main [role=alert]")).getText()).isNotBlank();
		assertThat(browser.findElement(By.id("cardNumber")).getDomProperty("value")).as("the number is not shown again")
			.isEmpty();
		assertThat(browser.findElement(By.cssSelector("[data-cart-count]")).getText()).as("the cart is intact")
			.isEqualTo("5");
		shot("07-cp7-carte-refusee-1280");

		pay("4242424242424242");
		click(By.cssSelector("button[name=intent][value=order]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("/checkout/orders/CPT-"));
		reference = browser.getCurrentUrl().replaceFirst(".*/", "");
		String paid = browser.findElement(By.cssSelector("[data-total=order]")).getText();
		assertThat(invoiceText(browser.findElement(By.cssSelector("[data-invoice-link]")))).contains(reference,
				"Remise (code BIENVENUE10)");
		shot("08-cp7-confirmation-1280");
		open("/account/orders");
		assertThat(main()).as("the refused card left no order").doesNotContain("Annulée");

		String mail = mailFor(CUSTOMER, reference);
		assertThat(mail).contains("Remise", spaced(paid));
	}

	@Test
	@Order(5)
	void cp4TheAdministratorShipsTheOrderHandlesTheReturnAndPublishesAPageChange() throws Exception {
		browser.manage().deleteAllCookies();
		open("/login");
		type("email", FreshDemoShop.ADMIN);
		browser.findElement(By.id("password")).sendKeys(FreshDemoShop.ADMIN_PASSWORD, Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/login/second-factor"));
		browser.findElement(By.id("code"))
			.sendKeys(Totp.code(FreshDemoShop.ADMIN_SECRET, Totp.stepAt(Instant.now()), Totp.DIGITS), Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/admin"));
		assertThat(browser.findElements(By.tagName("canvas"))).as("the dashboard's charts").isNotEmpty();
		shot("09-cp4-tableau-de-bord-1280");

		// 2. The order just placed: « En préparation », then « Expédiée » with a number.
		open("/admin/orders");
		click(By.linkText(reference));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/admin/orders/" + reference));
		assertThat(moves()).as("only the moves the status machine allows are offered: not « Livrée »")
			.contains("PREPARING")
			.doesNotContain("DELIVERED", "SHIPPED");
		click(move("PREPARING"));
		waitUpTo5Seconds().until((driver) -> moves().contains("SHIPPED"));
		click(move("SHIPPED"));
		WebElement error = waitUpTo5Seconds()
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("trackingNumber-error")));
		assertThat(error.getText()).as("shipping without a number is refused, in French")
			.isEqualTo("Saisissez le numéro de suivi (4 à 40 lettres ou chiffres) pour expédier.");
		shot("10-cp4-expedition-refusee-1280");
		checkBothWidths();
		browser.findElement(By.id("trackingNumber")).sendKeys("6A12345678901");
		click(move("SHIPPED"));
		waitUpTo5Seconds()
			.until((driver) -> driver.findElement(By.cssSelector(".order-status")).getText().equals("Expédiée"));
		assertThat(mailFor(CUSTOMER, "6A12345678901")).contains(reference);

		// 3. The demo return request: accepted, received, refunded with a credit note.
		open("/admin/returns");
		click(By.xpath("//tr[.//*[normalize-space()='Demande envoyée']]//a"));
		waitUpTo5Seconds().until((driver) -> !driver.findElements(By.cssSelector("[data-accept-return]")).isEmpty());
		String returned = browser.getCurrentUrl().replaceFirst(".*/", "");
		click(By.cssSelector("[data-accept-return]"));
		waitUpTo5Seconds().until((driver) -> !driver.findElements(By.cssSelector("[data-receive-return]")).isEmpty());
		click(By.cssSelector("[data-receive-return]"));
		waitUpTo5Seconds().until((driver) -> !driver.findElements(By.cssSelector("[data-refund-remaining]")).isEmpty());
		click(By.cssSelector("[data-refund-submit]"));
		waitUpTo5Seconds()
			.until((driver) -> driver.findElement(By.cssSelector("[data-admin-refunds]")).getText().contains("AV-"));
		shot("11-cp4-avoir-1280");
		assertThat(mailFor(returned, "AV-")).isNotEmpty();

		// 4. A published page changed with the rich text editor, its revision, then
		// published.
		open("/admin/pages");
		click(By.linkText("Livraison et retours"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().matches(".*/admin/pages/\\d+$"));
		String page = browser.getCurrentUrl().replaceFirst(".*/admin/pages/", "");
		WebElement area = browser.findElement(By.cssSelector("[role=textbox][contenteditable]"));
		click(area);
		area.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER);
		press(By.cssSelector("[role=toolbar] [data-action=heading2]"));
		area.sendKeys("Retrait en boutique", Keys.ENTER);
		press(By.cssSelector("[role=toolbar] [data-action=bold]"));
		area.sendKeys("Gratuit");
		press(By.cssSelector("[role=toolbar] [data-action=bold]"));
		area.sendKeys(" à l'atelier, ");
		press(By.cssSelector("[role=toolbar] [data-action=link]"));
		WebElement dialog = waitUpTo5Seconds()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.rte-dialog")));
		assertThat(dialog.findElement(By.id("rte-link-error")).isDisplayed()).as("the dialog opens without an error")
			.isFalse();
		dialog.findElement(By.id("rte-link-url")).sendKeys("/pages/a-propos", Keys.ENTER);
		waitUpTo5Seconds().until(ExpectedConditions.invisibilityOf(dialog));
		click(By.cssSelector("main form.stack button[type=submit]"));
		waitUpTo5Seconds().until((driver) -> main().contains("pas encore publiées"));
		assertThat(browser.findElement(By.cssSelector("[data-page-status]")).getText())
			.contains("les visiteurs ne les voient pas encore");
		shot("12-cp4-page-en-attente-1280");
		checkBothWidths();
		String visitorBefore = anonymousGet("/pages/livraison");
		assertThat(visitorBefore).as("visitors still read the published version").doesNotContain("Retrait en boutique");
		open("/admin/pages/" + page + "/revisions");
		assertThat(main()).contains("(modifications non publiées)");
		checkBothWidths();
		open("/admin/pages/" + page + "/preview");
		assertThat(browser.findElement(By.cssSelector(".cms-page__content h2:last-of-type")).getText())
			.isEqualTo("Retrait en boutique");
		open("/admin/pages/" + page);
		click(By.cssSelector("[data-publish]"));
		waitUpTo5Seconds().until((driver) -> main().contains("Page publiée"));
		open("/pages/livraison");
		WebElement content = browser.findElement(By.cssSelector(".cms-page__content"));
		assertThat(content.findElement(By.xpath(".//h2[normalize-space()='Retrait en boutique']"))).isNotNull();
		assertThat(content.findElement(By.xpath(".//strong[normalize-space()='Gratuit']"))).isNotNull();
		assertThat(content.findElement(By.cssSelector("a[href='/pages/a-propos']"))).isNotNull();
		shot("13-cp4-page-publiee-1280");
	}

	@Test
	@Order(6)
	void cp6AFrenchFullTextSearchThatToleratesATypo() {
		open("/search?q=confiture");
		assertThat(browser.findElements(By.cssSelector("main a[href^='/products/']"))).isNotEmpty();
		open("/search?q=confiturre");
		assertThat(browser.findElements(By.cssSelector("main a[href^='/products/']"))).as("a typo").isNotEmpty();
	}

	@Test
	@Order(7)
	void cp8TheBannerModuleDisabledThenEnabledAndTheAuditLogSaysSo() {
		open("/products");
		assertThat(browser.findElements(By.cssSelector(".promo-banner"))).isNotEmpty();
		open("/admin/modules");
		press(By.cssSelector("#module-banner form[action$='/disable'] button"));
		waitUpTo5Seconds().until((driver) -> main().contains("Le module est désactivé"));
		open("/products");
		assertThat(browser.findElements(By.cssSelector(".promo-banner"))).isEmpty();
		open("/admin/modules");
		press(By.cssSelector("#module-banner form[action$='/enable'] button"));
		waitUpTo5Seconds().until((driver) -> main().contains("Le module est activé"));
		open("/products");
		assertThat(browser.findElements(By.cssSelector(".promo-banner"))).isNotEmpty();
		open("/admin/hooks");
		assertThat(main()).contains("displayTop");
		open("/admin/audit");
		assertThat(main()).contains("MODULE_DISABLE");
		shot("14-cp8-journal-1280");
		open(PRODUCT);
		assertThat(browser.findElement(By.id("reviews")).getText()).as("the reviews module has demo reviews")
			.doesNotContain("Aucun avis");
	}

	@Test
	@Order(8)
	void securityTheNonceChangesAndAnInjectedHandlerDoesNotRun() throws Exception {
		String first = nonce();
		assertThat(first).isNotEqualTo(nonce());
		open("/");
		browser.executeScript(
				"document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.injected = true\">')");
		Thread.sleep(300);
		assertThat(browser.executeScript("return window.injected === true")).isEqualTo(false);
		assertThat(consoleMessages()).anyMatch((message) -> message.contains("Content Security Policy"));
		open("/admin/audit?action=LOGIN*");
		assertThat(main()).contains("LOGIN", FreshDemoShop.ADMIN);
	}

	/** Signs a demo account in on the login page, as the script says. */
	private void signIn(String email, String password) {
		open("/login");
		type("email", email);
		browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> !driver.getCurrentUrl().contains("/login"));
	}

	/** The saved address of the demo customer is chosen already; a guest types one. */
	private void fillAddressIfEmpty() {
		if (browser.findElements(By.cssSelector("input[name=addressId]:checked")).isEmpty()) {
			fillAddress();
		}
	}

	private static String main() {
		return browser.findElement(By.tagName("main")).getText().replace('\u202f', ' ').replace('\u00a0', ' ');
	}

	/** Whether an element is within the browser's window, as scrolled now. */
	private static boolean inViewport(By locator) {
		return Boolean.TRUE.equals(browser.executeScript("""
				const box = arguments[0].getBoundingClientRect();
				return box.top >= 0 && box.bottom <= window.innerHeight;""", browser.findElement(locator)));
	}

	private static List<String> moves() {
		return browser.findElements(By.cssSelector("form.admin-order-action input[name=status]"))
			.stream()
			.map((input) -> input.getDomAttribute("value"))
			.toList();
	}

	private static By move(String status) {
		return By.xpath("//form[contains(@class,'admin-order-action')][input[@name='status' and @value='" + status
				+ "']]//button");
	}

	/**
	 * The text of the newest demo mail that holds every word, waiting for the outbox. The
	 * demo mailbox is the JVM's, shared with the tests' shop: a word alone (an order
	 * reference) may be in one of its mails too.
	 */
	private String mailFor(String... words) {
		String[] found = new String[1];
		waitUpTo5Seconds().withTimeout(java.time.Duration.ofSeconds(15)).until((driver) -> {
			open("/demo/mails");
			List<WebElement> mails = driver.findElements(By.cssSelector(".mail-card"));
			for (WebElement mail : mails) {
				// The mail's text is folded away in a <details>: read it all.
				String text = mail.getDomProperty("textContent");
				if (java.util.Arrays.stream(words).allMatch(text::contains)) {
					found[0] = text;
					return true;
				}
			}
			return false;
		});
		return found[0].replace('\u202f', ' ').replace('\u00a0', ' ');
	}

	/** The current page passes axe and the Nu checker at 1280 and at 375 px. */
	private void checkBothWidths() {
		assertPageQuality();
		mobile();
		assertPageQuality();
		assertThat(horizontalOverflow()).as(browser.getCurrentUrl()).isLessThanOrEqualTo(0);
		desktop();
	}

	private void shot(String name) {
		screenshot("demo/" + name);
	}

	private String nonce() throws Exception {
		String policy = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/"))).build(), HttpResponse.BodyHandlers.discarding())
			.headers()
			.firstValue("Content-Security-Policy")
			.orElseThrow();
		Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(policy);
		assertThat(nonce.find()).as(policy).isTrue();
		assertThat(policy).contains("frame-ancestors 'none'");
		return nonce.group(1);
	}

	private String anonymousGet(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static long euros(String amount) {
		return Long.parseLong(amount.replaceAll("[^0-9]", ""));
	}

	private static String spaced(String amount) {
		return amount.replace('\u202f', ' ').replace('\u00a0', ' ');
	}

}
