package fr.dwwm.comptoir.e2e;

import java.time.Instant;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.security.Totp;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of every browser test: the shop on a random port and one headless Chromium per
 * test class, with the checks every page must pass (axe, Nu HTML checker, CSP) and
 * screenshots for the documentation.
 */
@IntegrationTest
@EnabledIf(value = "fr.dwwm.comptoir.e2e.Browser#available", disabledReason = Browser.SKIP_REASON)
public abstract class BrowserTest {

	/** Width and height of the phone viewport (an iPhone X/11 Pro class device). */
	protected static final int MOBILE_WIDTH = 375;

	/** Width and height of the desktop viewport. */
	protected static final int DESKTOP_WIDTH = 1280;

	private static final Path SCREENSHOTS = Path.of("docs", "screenshots");

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
	 */
	protected void logIn(Role role) {
		browser.manage().deleteAllCookies();
		String secret = Totp.newSecret();
		Account staff = this.staffAccounts.create(role, secret);
		open("/login");
		browser.findElement(By.id("email")).sendKeys(staff.getEmail());
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD, Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/login/second-factor"));
		browser.findElement(By.id("code")).sendKeys(Totp.code(secret, Totp.stepAt(Instant.now()), 6), Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/admin"));
	}

	/**
	 * Presses a button or a link with the keyboard (a click far down the page may land on
	 * another element).
	 * @param locator the element
	 */
	protected static void press(By locator) {
		browser.findElement(locator).sendKeys(Keys.ENTER);
	}

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
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
	}

	/**
	 * Fails when axe-core finds any WCAG 2.1 A/AA or best-practice violation. axe-core
	 * (the script shipped in Deque's jar) runs in the page directly: the pages have no
	 * frames, and this is several times faster than the Java wrapper's frame-by-frame
	 * run.
	 */
	protected void assertAccessible() {
		if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object'"))) {
			browser.executeScript(axeSource());
		}
		Object violations = browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
				  .then(results => done(results.violations.map(v => '- ' + v.id + ': ' + v.help + ' at '
				      + v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '')).join(' | '))))
				  .catch(error => done(['axe failed: ' + error]));""", AXE_TAGS);
		assertThat((List<?>) violations).as("axe violations on " + browser.getCurrentUrl()).isEmpty();
	}

	private static String axeScript;

	private static synchronized String axeSource() {
		if (axeScript == null) {
			try (var in = BrowserTest.class.getResourceAsStream("/axe.min.js")) {
				axeScript = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return axeScript;
	}

	/** Fails when the Nu HTML checker finds any error in the current document. */
	protected void assertValidHtml() {
		String html = "<!DOCTYPE html>\n" + browser.executeScript("return document.documentElement.outerHTML");
		assertThat(HtmlValidator.errors(html)).as("HTML errors on " + browser.getCurrentUrl()).isEmpty();
	}

	/** Fails when the browser refused anything because of the Content-Security-Policy. */
	protected void assertNoContentSecurityPolicyViolation() {
		List<String> refused = consoleMessages().stream()
			.filter((message) -> message.contains("Content Security Policy"))
			.toList();
		assertThat(refused).as("CSP violations on " + browser.getCurrentUrl()).isEmpty();
	}

	/** Runs every check a page must pass: axe, Nu and CSP. */
	protected void assertPageQuality() {
		long start = System.nanoTime();
		assertNoContentSecurityPolicyViolation();
		assertAccessible();
		long axe = System.nanoTime();
		assertValidHtml();
		long nu = System.nanoTime();
		timings.add(new long[] { axe - start, nu - axe });
	}

	/** Time spent in axe and in the Nu checker, per page, for the report at the end. */
	private static final List<long[]> timings = new java.util.ArrayList<>();

	@AfterAll
	static void reportTimings() {
		if (!timings.isEmpty()) {
			long axe = timings.stream().mapToLong((t) -> t[0]).sum() / 1_000_000;
			long nu = timings.stream().mapToLong((t) -> t[1]).sum() / 1_000_000;
			org.slf4j.LoggerFactory.getLogger(BrowserTest.class)
				.info("Checked {} pages: axe {} ms, Nu {} ms", timings.size(), axe, nu);
			timings.clear();
		}
	}

	/**
	 * Saves a full-page screenshot to {@code docs/screenshots/<name>.png}.
	 * @param name file name without extension, e.g. {@code accueil-375}
	 */
	protected void screenshot(String name) {
		Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
		Number width = (Number) browser.executeScript("return document.documentElement.clientWidth");
		Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width",
						width.intValue(), "height", Math.min(height.intValue(), 6000), "scale", 1)));
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits up to five seconds for a condition of the page, looking again when an element
	 * was replaced meanwhile (a reload, or a script that re-rendered part of the page).
	 * @return a wait bound to the browser
	 */
	protected WebDriverWait waitUpTo5Seconds() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(5));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
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

}
