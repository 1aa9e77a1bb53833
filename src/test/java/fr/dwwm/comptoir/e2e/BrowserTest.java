package fr.dwwm.comptoir.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openqa.selenium.Cookie;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.security.Totp;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of every browser test: the shop on a random port and one headless Chromium per
 * test class, with the checks every page must pass (axe, Nu HTML checker, CSP) and
 * screenshots for the documentation.
 */
@IntegrationTest
@EnabledIf(value = "fr.dwwm.comptoir.e2e.Browser#available", disabledReason = Browser.SKIP_REASON)
@ExtendWith(BrowserVersionsOnFailure.class)
public abstract class BrowserTest {

	/** Width and height of the phone viewport (an iPhone X/11 Pro class device). */
	protected static final int MOBILE_WIDTH = 375;

	/** Width and height of the desktop viewport. */
	protected static final int DESKTOP_WIDTH = 1280;

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

	/** The browser of the current test class. */
	protected static ChromeDriver browser;

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts staffAccounts;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	/**
	 * Every test starts on a desktop viewport with the system's light colours, whatever
	 * the previous test of the class left behind; a test that wants a phone says so.
	 */
	@BeforeEach
	void startOnADesktop() {
		desktop();
		browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
	}

	/**
	 * Waits for the HTML checks still running in the background and fails the test with
	 * every error they found.
	 */
	@AfterEach
	void finishHtmlChecks() {
		List<HtmlValidator.Report> reports = new ArrayList<>();
		for (Future<HtmlValidator.Report> check : this.htmlChecks) {
			reports.add(HtmlValidator.await(check));
		}
		this.htmlChecks.clear();
		for (HtmlValidator.Report report : reports) {
			nuMillis += report.millis();
			assertThat(report.errors()).as("HTML errors on " + report.url()).isEmpty();
		}
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	/**
	 * Logs a new staff account of a role in, with its password and an authenticator code,
	 * as a person would; the browser ends on the dashboard.
	 * @param role {@code EDITOR} or {@code ADMIN}
	 * @return the account
	 */
	protected Account logIn(Role role) {
		browser.manage().deleteAllCookies();
		String secret = Totp.newSecret();
		Account staff = this.staffAccounts.create(role, secret);
		open("/login");
		browser.findElement(By.id("email")).sendKeys(staff.getEmail());
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD, Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/login/second-factor"));
		browser.findElement(By.id("code")).sendKeys(Totp.code(secret, Totp.stepAt(Instant.now()), 6), Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/admin"));
		return staff;
	}

	/**
	 * Signs an account in with its password on the login page, as a person does (the
	 * browser's cookies, and so a guest's cart, are kept); the browser ends on the page
	 * the login leads to.
	 * @param account an account without a second factor
	 */
	protected void signIn(Account account) {
		open("/login");
		type("email", account.getEmail());
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD, Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> !driver.getCurrentUrl().contains("/login"));
	}

	/**
	 * Adds a product to the cart from its page, as a shopper does, and waits for the
	 * message that says so.
	 * @param productPath the product page
	 * @param quantity how many
	 */
	protected void addToCart(String productPath, int quantity) {
		open(productPath);
		WebElement field = browser.findElement(By.id("quantity"));
		field.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(quantity));
		press(By.cssSelector("form.add-to-cart button[type=submit]"));
		waitUpTo5Seconds().until((driver) -> !driver.findElements(By.cssSelector("[data-toast-region] p")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("[data-toast-region] p")).getText())
			.startsWith("Produit ajouté au panier");
	}

	/** Fills the delivery address fields of the checkout with a Paris address. */
	protected void fillAddress() {
		type("firstName", "Camille");
		type("lastName", "Martin");
		type("line1", "8 rue des Lilas");
		type("postalCode", "75011");
		type("city", "Paris");
	}

	/**
	 * Fills the card fields of the checkout and accepts the terms of sale.
	 * @param cardNumber e.g. {@code 4242424242424242}, which the demo payment accepts
	 */
	protected void pay(String cardNumber) {
		type("cardHolder", "Camille Martin");
		type("cardNumber", cardNumber);
		type("cardExpiry", "12/39");
		type("cardCode", "123");
		WebElement terms = browser.findElement(By.id("acceptTerms1"));
		if (!terms.isSelected()) {
			terms.sendKeys(Keys.SPACE);
		}
	}

	/**
	 * Replaces what a field holds with a text, typed.
	 * @param id the field's id
	 * @param text the text
	 */
	protected void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
	}

	/**
	 * Presses a button or a link with the keyboard.
	 * @param locator the element
	 */
	protected static void press(By locator) {
		browser.findElement(locator).sendKeys(Keys.ENTER);
	}

	/**
	 * Clicks an element as a person does: brings it to the middle of the screen at once,
	 * waits until it would receive the click (nothing over it, no animation under way),
	 * then clicks it.
	 *
	 * <p>
	 * A plain WebDriver click scrolls with the page's own {@code scroll-behavior}, which
	 * Bootstrap sets to {@code smooth}: since Chromium 156 the click can then land where
	 * the element will be, not where it is (an {@code ElementClickInterceptedException}
	 * at a point below the screen).
	 * @param locator the element
	 */
	protected static void click(By locator) {
		click(browser.findElement(locator));
	}

	/**
	 * Clicks an element as a person does (see {@link #click(By)}).
	 * @param element the element
	 */
	protected static void click(WebElement element) {
		browser.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'})",
				element);
		new WebDriverWait(browser, Duration.ofSeconds(5)).withMessage(() -> "the element stays covered: " + element)
			.until((driver) -> Boolean.TRUE.equals(browser.executeScript(RECEIVES_CLICKS, element)));
		element.click();
	}

	/**
	 * Whether the element (or its label, for a visually hidden input) is what a click at
	 * its centre would reach.
	 */
	private static final String RECEIVES_CLICKS = """
			const element = arguments[0];
			const box = element.getBoundingClientRect();
			if (box.width === 0 || box.height === 0) {
			  return false;
			}
			const x = box.left + box.width / 2;
			const y = box.top + box.height / 2;
			if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) {
			  return false;
			}
			const hit = document.elementFromPoint(x, y);
			return hit !== null && (element.contains(hit)
			    || Array.from(element.labels || []).some((label) => label.contains(hit)));""";

	/**
	 * Loads a page of the shop.
	 * @param path the path and query, e.g. {@code /products?page=2}
	 */
	protected void open(String path) {
		consoleMessages();
		browser.get(url(path));
	}

	/**
	 * Returns what the page wrote to the browser console since the last call.
	 * @return console messages, oldest first
	 */
	protected List<String> consoleMessages() {
		return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
	}

	/**
	 * The port the shop under test listens on.
	 * @return the port
	 */
	protected int port() {
		return this.port;
	}

	/**
	 * Returns the absolute URL of a path on the shop under test.
	 * @param path the path
	 * @return the URL
	 */
	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** Switches to an exact 375 x 812 phone viewport. */
	protected void mobile() {
		viewport(MOBILE_WIDTH, 812, true);
	}

	/** Switches to a 1280 x 800 desktop viewport. */
	protected void desktop() {
		viewport(DESKTOP_WIDTH, 800, false);
	}

	/**
	 * Sets an exact viewport (headless Chromium's window cannot go below 500 px).
	 * @param width CSS pixels
	 * @param height CSS pixels
	 * @param mobile whether to emulate a touch phone
	 */
	protected void viewport(int width, int height, boolean mobile) {
		Browser.viewport(browser, width, height, mobile);
	}

	/**
	 * Fails when axe-core finds any WCAG 2.1 A/AA or best-practice violation. axe-core
	 * (the script shipped in Deque's jar) runs in the page directly: the pages have no
	 * frames, and this is several times faster than the Java wrapper's frame-by-frame
	 * run.
	 */
	protected void assertAccessible() {
		if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object'"))) {
			browser.executeScript(Browser.axeSource());
		}
		// Colours are judged once the page's transitions are over (a theme just switched
		// fades its links for 150 ms): a contrast read mid-way is no visitor's contrast.
		Object violations = browser.executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						const ending = document.getAnimations()
						  .filter(a => Number.isFinite(a.effect?.getComputedTiming().endTime))
						  .map(a => a.finished.catch(() => null));
						Promise.all(ending)
						  .then(() => axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] }))
						  .then(results => done(results.violations.map(v => '- ' + v.id + ': ' + v.help + ' at '
						      + v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '')).join(' | '))))
						  .catch(error => done(['axe failed: ' + error]));""",
				AXE_TAGS);
		assertThat((List<?>) violations).as("axe violations on " + browser.getCurrentUrl()).isEmpty();
	}

	/** Fails when the Nu HTML checker finds any error in the current document. */
	protected void assertValidHtml() {
		assertThat(HtmlValidator.errors(currentHtml())).as("HTML errors on " + browser.getCurrentUrl()).isEmpty();
	}

	private static String currentHtml() {
		return "<!DOCTYPE html>\n" + browser.executeScript("return document.documentElement.outerHTML");
	}

	/** Fails when the browser refused anything because of the Content-Security-Policy. */
	protected void assertNoContentSecurityPolicyViolation() {
		List<String> refused = consoleMessages().stream()
			.filter((message) -> message.contains("Content Security Policy"))
			.toList();
		assertThat(refused).as("CSP violations on " + browser.getCurrentUrl()).isEmpty();
	}

	/**
	 * Runs every check a page must pass: CSP and axe at once, the Nu checker in the
	 * background on the HTML of this moment (its errors fail the test when it ends, see
	 * {@link #finishHtmlChecks()}), so that the browser moves on meanwhile.
	 */
	protected void assertPageQuality() {
		long start = System.nanoTime();
		assertNoContentSecurityPolicyViolation();
		assertAccessible();
		axeMillis += (System.nanoTime() - start) / 1_000_000;
		this.htmlChecks.add(HtmlValidator.check(browser.getCurrentUrl(), currentHtml()));
		pagesChecked++;
		pagesCheckedInJvm.incrementAndGet();
	}

	/**
	 * Runs {@link #assertPageQuality()} on the desktop viewport, then on a phone, where
	 * no control may be covered and nothing may scroll sideways; ends on the desktop
	 * viewport.
	 */
	protected void assertPageQualityOnDesktopAndPhone() {
		assertPageQuality();
		mobile();
		assertPageQuality();
		assertNoControlIsCovered();
		assertThat(horizontalOverflow()).isLessThanOrEqualTo(0);
		desktop();
	}

	/** HTML checks of this test still running in the background. */
	private final List<Future<HtmlValidator.Report>> htmlChecks = new ArrayList<>();

	/** Pages checked by this class, and the time axe and the Nu checker took. */
	private static int pagesChecked;

	private static long axeMillis;

	private static long nuMillis;

	/** Pages checked by every browser test class run in this JVM (the suite has two). */
	private static final AtomicInteger pagesCheckedInJvm = new AtomicInteger();

	@AfterAll
	static void reportTimings() {
		if (pagesChecked > 0) {
			LoggerFactory.getLogger(BrowserTest.class)
				.info("Checked {} pages with axe, the Nu checker and the CSP check ({} in this test JVM so far): "
						+ "axe {} ms, Nu {} ms (in the background)", pagesChecked, pagesCheckedInJvm.get(), axeMillis,
						nuMillis);
		}
		pagesChecked = 0;
		axeMillis = 0;
		nuMillis = 0;
	}

	/**
	 * Saves a full-page screenshot to {@code target/screenshots/<name>.png}, to look at
	 * what a test saw. The documents' screenshots are not these: they come from a fresh
	 * demo database ({@link ReferenceScreenshots}), never from the tests' data.
	 * @param name file name without extension, e.g. {@code accueil-375}
	 */
	protected void screenshot(String name) {
		Browser.capture(browser, SCREENSHOTS.resolve(name + ".png"));
	}

	/**
	 * Waits up to five seconds for a condition of the page, looking again when an element
	 * was replaced meanwhile: see {@link #waitUpTo(Duration)}.
	 * @return a wait bound to the browser
	 */
	protected WebDriverWait waitUpTo5Seconds() {
		return waitUpTo(Duration.ofSeconds(5));
	}

	/**
	 * Waits for a condition of the page, looking again when an element was replaced
	 * meanwhile (a reload, or a script that re-rendered part of the page).
	 *
	 * <p>
	 * When the page changes between finding an element and reading it, ChromeDriver says
	 * so with a {@link StaleElementReferenceException}, or, since Chromium 156, with an
	 * "unknown error" that the node "does not belong to the document": both mean "look
	 * again".
	 * @param timeout how long before the wait fails
	 * @return a wait bound to the browser
	 */
	protected static WebDriverWait waitUpTo(Duration timeout) {
		return new WebDriverWait(browser, timeout) {

			@Override
			public <V> V until(Function<? super WebDriver, ? extends V> condition) {
				return super.until((driver) -> {
					try {
						return condition.apply(driver);
					}
					catch (WebDriverException ex) {
						if (ex instanceof StaleElementReferenceException
								|| String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
							return null;
						}
						throw ex;
					}
				});
			}

		};
	}

	/**
	 * Fails when a visitor could not tap a form control of the page at the current
	 * viewport: each visible control (field, list, button) is brought to the middle of
	 * the screen, and a tap at its centre must reach it or its label, not a fixed bar, a
	 * sticky header, a message or anything else laid over it. The page is scrolled back
	 * to the top afterwards.
	 */
	protected void assertNoControlIsCovered() {
		Object covered = browser.executeScript("""
				const covered = [];
				const describe = (element) => element.tagName.toLowerCase()
				    + (element.id ? '#' + element.id : '')
				    + (element.getAttribute('name') ? '[name=' + element.getAttribute('name') + ']' : '')
				    + (element.className && typeof element.className === 'string'
				        ? '.' + element.className.trim().split(/\\s+/).join('.') : '');
				for (const control of document.querySelectorAll(
				    'input:not([type=hidden]):enabled, select:enabled, textarea:enabled, button:enabled')) {
				  const box = control.getBoundingClientRect();
				  // Hidden, folded away, or visually hidden behind its label (the label is tapped).
				  if (box.width < 2 || box.height < 2
				      || !control.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) {
				    continue;
				  }
				  control.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
				  const now = control.getBoundingClientRect();
				  const hit = document.elementFromPoint(now.left + now.width / 2, now.top + now.height / 2);
				  const reached = hit !== null && (control.contains(hit)
				      || Array.from(control.labels || []).some((label) => label.contains(hit)));
				  if (!reached) {
				    covered.push(describe(control) + ' under ' + (hit ? describe(hit) : 'nothing (off screen)'));
				  }
				}
				window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
				return covered;""");
		assertThat((List<?>) covered).as("controls a tap cannot reach on " + browser.getCurrentUrl()).isEmpty();
	}

	/**
	 * Measures how far the page is wider than the window: more than 0 means the visitor
	 * must scroll sideways, which a page must never ask on a phone.
	 * @return the overflow in CSS pixels, 0 or less when none
	 */
	protected static int horizontalOverflow() {
		return ((Number) browser
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
			.intValue();
	}

	/** Downloads the invoice behind a link with the browser's session, and reads it. */
	protected String invoiceText(WebElement link) throws IOException, InterruptedException {
		return pdfText(link, "FA-");
	}

	/**
	 * Downloads the PDF behind a link with the browser's session, and reads it.
	 * @param link the link
	 * @param numberPrefix how its file name starts ({@code FA-} for an invoice,
	 * {@code AV-} for a credit note)
	 * @return its text, spaces normalised
	 */
	protected String pdfText(WebElement link, String numberPrefix) throws IOException, InterruptedException {
		Cookie session = browser.manage().getCookieNamed("COMPTOIR_SESSION");
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(link.getDomProperty("href")))
				.header("Cookie", "COMPTOIR_SESSION=" + session.getValue())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("attachment").contains(numberPrefix));
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			return new PDFTextStripper().getText(document)
				.replace('\u00a0', ' ')
				.replace('\u202f', ' ')
				.replaceAll("\\s+", " ");
		}
	}

}
