package fr.dwwm.comptoir.e2e;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.slf4j.LoggerFactory;

/**
 * Starts the headless Chromium that browser tests drive.
 *
 * <p>
 * Selenium Manager is never used (it would try to download a browser): the binary and its
 * driver are given explicitly, Debian's by default, or from the {@code CHROMIUM_BINARY}
 * and {@code CHROMEDRIVER_BINARY} environment variables.
 */
public final class Browser {

	/** Why browser tests are skipped when no browser is found. */
	public static final String SKIP_REASON = "No Chromium found (install Debian's chromium and chromium-driver, "
			+ "or set CHROMIUM_BINARY and CHROMEDRIVER_BINARY); set E2E_REQUIRED=true to fail instead of skipping";

	private static final Path CHROMIUM = Path.of(env("CHROMIUM_BINARY", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(env("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver"));

	private Browser() {
	}

	/**
	 * Tells JUnit whether browser tests run. When {@code E2E_REQUIRED=true} they always
	 * run, so that a missing browser fails the build instead of being skipped.
	 * @return whether to run browser tests
	 */
	public static boolean available() {
		return required() || (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER));
	}

	static boolean required() {
		return "true".equalsIgnoreCase(System.getenv("E2E_REQUIRED"));
	}

	/**
	 * Starts a fresh headless browser with an empty profile, deleted when it quits.
	 * @return the driver; the caller quits it
	 */
	public static ChromeDriver start() {
		return start(true);
	}

	/**
	 * Starts a fresh headless browser with an empty profile, with or without JavaScript.
	 * @param javascript whether pages may run scripts
	 * @return the driver; the caller quits it
	 */
	public static ChromeDriver start(boolean javascript) {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("E2E_REQUIRED=true but Chromium (" + CHROMIUM + ") or ChromeDriver ("
					+ CHROMEDRIVER + ") is missing: run 'apt-get install -y chromium chromium-driver'");
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("comptoir-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--disable-extensions", "--window-size=1280,800", "--lang=fr-FR",
				"--user-data-dir=" + profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		Map<String, Object> preferences = new java.util.HashMap<>(Map.of("intl.accept_languages", "fr-FR,fr"));
		if (!javascript) {
			// The setting a visitor changes in chrome://settings/content/javascript.
			preferences.put("profile.managed_default_content_settings.javascript", 2);
		}
		options.setExperimentalOption("prefs", preferences);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options) {
			// The profile is the browser's own: gone with it, or every test class
			// would leave a few megabytes in the temporary directory.
			@Override
			public void quit() {
				try {
					super.quit();
				}
				finally {
					delete(profile);
				}
			}
		};
		driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(30));
		versions = "Chromium " + driver.getCapabilities().getBrowserVersion() + ", ChromeDriver "
				+ String
					.valueOf(((Map<?, ?>) driver.getCapabilities().getCapability("chrome")).get("chromedriverVersion"))
					.replaceFirst(" .*", "");
		LoggerFactory.getLogger(Browser.class).info("Browser tests run on {}", versions);
		if (javascript) {
			// axe-core is in every page from its first script on, rather than sent into
			// each page before a check (about 90 ms a page: a third of the crawl's
			// checks).
			driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", axeSource()));
		}
		return driver;
	}

	/**
	 * Sets an exact viewport (headless Chromium's window cannot go below 500 px).
	 * @param driver the browser
	 * @param width CSS pixels
	 * @param height CSS pixels
	 * @param mobile whether to emulate a touch phone
	 */
	public static void viewport(ChromeDriver driver, int width, int height, boolean mobile) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
	}

	/**
	 * Captures the whole page (up to 6000 CSS pixels high) as the viewport shows it.
	 * @param driver the browser
	 * @param file where to write it; its extension, {@code .png} or {@code .webp}, gives
	 * the format (WebP at quality 85, for the documents' reference screenshots)
	 */
	public static void capture(ChromeDriver driver, Path file) {
		Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
		Number width = (Number) driver.executeScript("return document.documentElement.clientWidth");
		boolean webp = file.getFileName().toString().endsWith(".webp");
		Map<String, Object> parameters = new java.util.HashMap<>(
				Map.of("format", webp ? "webp" : "png", "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
						"width", width.intValue(), "height", Math.min(height.intValue(), 6000), "scale", 1)));
		if (webp) {
			parameters.put("quality", 85);
		}
		Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", parameters);
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Names the browser and driver the tests ran on, so that a failure says it.
	 * @return e.g. {@code Chromium 156.0.8078.114, ChromeDriver 156.0.8078.114}, or
	 * {@code not started}
	 */
	public static String versions() {
		return versions;
	}

	private static volatile String versions = "not started";

	private static String axeScript;

	/**
	 * Returns axe-core's script, as shipped in Deque's jar.
	 * @return the script
	 */
	static synchronized String axeSource() {
		if (axeScript == null) {
			try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
				axeScript = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return axeScript;
	}

	private static void delete(Path directory) {
		try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			LoggerFactory.getLogger(Browser.class).warn("Browser profile {} not deleted: {}", directory, ex.toString());
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
