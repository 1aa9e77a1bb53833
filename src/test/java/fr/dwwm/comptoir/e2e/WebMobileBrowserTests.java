package fr.dwwm.comptoir.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop as a web mobile application, in Chromium through the DevTools protocol:
 * installable, readable offline without ever showing a private page, keeping nothing of a
 * customer in the browser, and updated when the visitor says so, never during checkout.
 */
class WebMobileBrowserTests extends BrowserTest {

	private static final String PRODUCT = "/products/confiture-de-figues";

	private static final String OTHER_PRODUCT = "/products/huile-d-olive-de-nyons";

	/** First segments of the paths whose pages belong to one person. */
	private static final Set<String> PRIVATE = Set.of("account", "admin", "api", "cart", "checkout", "login", "logout",
			"register", "password");

	@Autowired
	private TestAccounts accounts;

	private final NetworkSwitch network = new NetworkSwitch(browser);

	@AfterEach
	void backOnline() {
		this.network.on();
	}

	@Test
	void theHomePageIsInstallable() {
		open("/");
		waitForTheWorker();
		Map<String, Object> installability = browser.executeCdpCommand("Page.getInstallabilityErrors", Map.of());
		assertThat((List<?>) installability.get("installabilityErrors")).isEmpty();
		Map<String, Object> manifest = browser.executeCdpCommand("Page.getAppManifest", Map.of());
		assertThat((String) manifest.get("url")).endsWith("/manifest.webmanifest");
		assertThat((List<?>) manifest.get("errors")).isEmpty();
	}

	@Test
	void offlineAPageSeenBeforeOpensWithABannerAndAnyOtherPageShowsTheOfflinePage() {
		browser.manage().deleteAllCookies();
		mobile();
		open("/");
		waitForTheWorker();
		seeUntilKept(PRODUCT);

		this.network.off();
		openOffline(PRODUCT);
		WebElement banner = browser.findElement(By.cssSelector("[data-offline-copy]"));
		assertThat(banner.isDisplayed()).isTrue();
		assertThat(banner.getText()).contains("Hors connexion.", "les prix et le stock ont pu changer")
			.containsPattern("Copie enregistrée le \\d+ \\S+ \\d{4}");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Confiture de figues");
		assertThat(browser.executeScript("""
				return [...document.querySelectorAll('link[rel=stylesheet]')]
				    .filter((link) => !link.sheet).map((link) => link.href)"""))
			.as("stylesheets, the modules' too, kept at install")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.isEmpty();
		assertPageQuality();

		openOffline(OTHER_PRODUCT);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vous êtes hors connexion");
		waitUpTo5Seconds().until((driver) -> !driver.findElements(By.cssSelector("[data-saved-pages] a")).isEmpty());
		assertThat(browser.findElements(By.cssSelector("[data-saved-pages] a")))
			.extracting((link) -> link.getText() + " " + link.getDomAttribute("href"))
			.contains("Confiture de figues " + PRODUCT);
		assertThat(horizontalOverflow()).isLessThanOrEqualTo(0);
		assertNoControlIsCovered();
		assertPageQuality();
		screenshot("hors-connexion-375");

		for (String path : List.of("/account", "/checkout", "/cart")) {
			openOffline(path);
			assertThat(browser.findElement(By.tagName("h1")).getText()).as(path).isEqualTo("Vous êtes hors connexion");
			assertThat(browser.findElements(By.cssSelector("[data-offline-copy]:not([hidden])"))).isEmpty();
		}

		// The connection returns: the page the visitor asked for shows by itself.
		this.network.on();
		waitUpTo(Duration.ofSeconds(10))
			.withMessage(() -> "still offline after the connection returned: " + browser.getCurrentUrl() + " "
					+ browser.findElement(By.tagName("h1")).getText() + " online="
					+ browser.executeScript("return navigator.onLine"))
			.until((driver) -> driver.getCurrentUrl().endsWith("/cart")
					&& !driver.findElement(By.tagName("h1")).getText().equals("Vous êtes hors connexion"));
	}

	@Test
	void anOfflinePageThatCameBackThoughTheBrowserIsOnlineTriesAgainByItself() {
		browser.manage().deleteAllCookies();
		open("/");
		waitForTheWorker();
		this.network.off();
		openOffline("/cart");

		// Online for the browser, not yet for the worker: the reload the 'online' event
		// starts gets the offline page again, and no second 'online' event will come.
		this.network.onForThePageOnly();
		waitUpTo5Seconds().until((driver) -> Boolean.TRUE.equals(browser.executeScript("return navigator.onLine"))
				&& "complete".equals(browser.executeScript("return document.readyState"))
				&& driver.findElement(By.tagName("h1")).getText().equals("Vous êtes hors connexion"));
		this.network.on();
		waitForTheCartToComeBackByItself();
	}

	@Test
	void aShopOutageAfterAnEarlierOneThatUsedUpTheRetriesStillComesBackByItself() {
		browser.manage().deleteAllCookies();
		open("/");
		waitForTheWorker();
		// An earlier outage in this tab used up the offline page's three retries...
		browser.executeScript("sessionStorage.setItem('comptoir.offline.retries', '3')");
		// ...then the shop answered again.
		open("/products");

		// The shop out of reach again, the browser online all along.
		this.network.off();
		this.network.onForThePageOnly();
		openOffline("/cart");
		waitUpTo5Seconds()
			.until((driver) -> driver.findElement(By.tagName("h1")).getText().equals("Vous êtes hors connexion"));
		this.network.on();
		waitForTheCartToComeBackByItself();
	}

	@Test
	void afterASessionThatSignsInFillsTheCartAndChecksOutNothingOfTheCustomerIsKept() {
		browser.manage().deleteAllCookies();
		Account customer = this.accounts.customer();
		open("/");
		waitForTheWorker();
		seeUntilKept(OTHER_PRODUCT);
		signIn(customer);
		addToCart(PRODUCT, 1);
		open("/products");
		open("/cart");
		open("/checkout");
		fillAddress();
		pay("4242424242424242");
		press(By.cssSelector("button[name=intent][value=order]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("/checkout/orders/CPT-"));
		open("/account");
		open("/account/orders");

		List<Map<String, Object>> kept = keptEntries();
		assertThat(kept).as("the static files and the page seen before signing in")
			.anyMatch((entry) -> entry.get("requestURL").toString().endsWith(OTHER_PRODUCT));
		for (Map<String, Object> entry : kept) {
			String url = entry.get("requestURL").toString();
			String path = url.replaceFirst("^https?://[^/]+", "");
			String root = path.replaceFirst("^/", "").replaceFirst("[/?;].*$", "");
			assertThat(PRIVATE).as("a private path kept: " + url).doesNotContain(root);
			Map<String, String> headers = headers(entry);
			assertThat(headers).as(url).doesNotContainKey("set-cookie");
			assertThat(headers.getOrDefault("cache-control", "")).as(url).doesNotContain("no-store", "private");
			String body = cachedBody(entry);
			assertThat(body).as(url).doesNotContain(customer.getEmail(), "Se déconnecter", "Mon compte");
		}

		press(By.cssSelector("form[action='/logout'] button"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/?logout"));
		assertThat(browser.manage().getCookieNamed("COMPTOIR_SESSION")).isNull();
		assertThat(keptEntries()).as("what the browser kept, once the customer logged out")
			.noneMatch((entry) -> entry.get("requestURL").toString().endsWith(OTHER_PRODUCT));
	}

	@Test
	void signedInOnAPhoneTheHeaderKeepsOneRowAndTheMenuOffersTheThemeAndSigningOut() {
		browser.manage().deleteAllCookies();
		signIn(this.accounts.customer());
		mobile();
		open("/");
		screenshot("en-tete-connecte-375");
		double brand = middle(".site-header__brand");
		assertThat(middle(".site-header__account a[href='/account']")).as("« Mon compte » beside the brand")
			.isCloseTo(brand, org.assertj.core.data.Offset.offset(6.0));
		assertThat(middle(".site-header__cart")).as("the cart beside the brand")
			.isCloseTo(brand, org.assertj.core.data.Offset.offset(6.0));
		assertThat(browser.findElement(By.cssSelector(".site-header__account a[href='/account']")).getText())
			.as("on one line")
			.doesNotContain("\n");
		assertThat(browser.findElement(By.cssSelector(".site-header__account form[action='/logout'] button"))
			.isDisplayed()).isFalse();
		assertPageQuality();

		click(By.cssSelector(".navbar-toggler"));
		WebElement theme = waitUpTo5Seconds()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#site-nav-menu [data-theme-toggle]")));
		click(theme);
		waitUpTo5Seconds()
			.until((driver) -> "dark".equals(driver.findElement(By.tagName("html")).getDomAttribute("data-bs-theme")));
		assertThat(browser.findElements(By.cssSelector("[data-theme-toggle]")))
			.allSatisfy((button) -> assertThat(button.getDomAttribute("aria-pressed")).isEqualTo("true"));
		click(theme);
		click(By.cssSelector("#site-nav-menu form[action='/logout'] button"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/?logout"));
	}

	/** The vertical middle of an element, in CSS pixels from the top of the page. */
	private static double middle(String selector) {
		org.openqa.selenium.Rectangle box = browser.findElement(By.cssSelector(selector)).getRect();
		return box.getY() + box.getHeight() / 2.0;
	}

	@Test
	void aNewReleaseIsOfferedAndTakenOnTheVisitorsClickButNeverDuringCheckout() {
		browser.manage().deleteAllCookies();
		try (NextReleaseProxy deployment = new NextReleaseProxy(port())) {
			browser.get(deployment.url("/"));
			waitForTheWorker();
			browser.get(deployment.url(PRODUCT));
			String release = controllingRelease();
			assertThat(release).matches("[0-9a-f]{16}");
			addToCartHere();

			deployment.deployNextRelease();
			browser.get(deployment.url("/checkout"));
			waitUntilANewReleaseWaits();
			assertThat(browser.findElement(By.cssSelector("[data-app-update]")).getText())
				.as("no offer in the middle of a checkout")
				.isEmpty();

			browser.get(deployment.url(PRODUCT));
			WebElement offer = waitUpTo(Duration.ofSeconds(10))
				.until((driver) -> driver.findElement(By.cssSelector("[data-app-update]")).getText().isEmpty() ? null
						: driver.findElement(By.cssSelector("[data-app-update]")));
			assertThat(offer.getText()).contains("Une nouvelle version de Comptoir est disponible.");
			assertThat(controllingRelease()).as("nothing changes before the click").isEqualTo(release);
			assertPageQuality();

			click(By.cssSelector("[data-app-update] button"));
			// Asks the registration, not the worker: a question to the old release while
			// it
			// hands over would be work that delays the hand-over.
			new WebDriverWait(browser, Duration.ofSeconds(10))
				.until((driver) -> Boolean.TRUE.equals(browser.executeAsyncScript("""
						const done = arguments[arguments.length - 1];
						navigator.serviceWorker.getRegistration().then((registration) =>
						    done(!registration.waiting && !!navigator.serviceWorker.controller
						        && navigator.serviceWorker.controller === registration.active
						        && document.readyState === 'complete'));""")));
			assertThat(controllingRelease()).isEqualTo(NextReleaseProxy.next(release));
			// The page reloads under the new release: the offer is gone.
			waitUpTo5Seconds()
				.until((driver) -> driver.findElement(By.cssSelector("[data-app-update]")).getText().isEmpty());
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Confiture de figues");
		}
	}

	/** Waits, without any click, until the offline page gave way to the cart itself. */
	private static void waitForTheCartToComeBackByItself() {
		waitUpTo(Duration.ofSeconds(10))
			.withMessage(() -> "still offline: " + browser.findElement(By.tagName("h1")).getText())
			.until((driver) -> driver.getCurrentUrl().endsWith("/cart")
					&& !driver.findElement(By.tagName("h1")).getText().equals("Vous êtes hors connexion"));
	}

	/**
	 * Opens a page while the network is off, and waits until the worker's answer is shown
	 * (ChromeDriver may give control back when it sees the network fail).
	 */
	private void openOffline(String path) {
		open(path);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith(path)
				&& "complete".equals(browser.executeScript("return document.readyState")));
	}

	private void addToCartHere() {
		press(By.cssSelector("form.add-to-cart button[type=submit]"));
		waitUpTo5Seconds().until((driver) -> !driver.findElements(By.cssSelector("[data-toast-region] p")).isEmpty());
	}

	/** Waits until this page's origin has an active service worker. */
	private static void waitForTheWorker() {
		browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				navigator.serviceWorker.ready.then(() => done(true));""");
	}

	/** The release of the worker that controls the page, as the worker says it. */
	private static String controllingRelease() {
		return (String) browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const worker = navigator.serviceWorker.controller;
				if (!worker) { done(null); return; }
				const channel = new MessageChannel();
				channel.port1.onmessage = (event) => done(event.data);
				worker.postMessage({ type: 'release' }, [channel.port2]);""");
	}

	private static void waitUntilANewReleaseWaits() {
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((driver) -> Boolean.TRUE.equals(browser.executeAsyncScript(
					"""
							const done = arguments[arguments.length - 1];
							navigator.serviceWorker.getRegistration().then((registration) => done(!!registration?.waiting));""")));
	}

	/**
	 * Sees a page, twice if need be, and waits until the worker kept it (once the page
	 * has arrived). The first page that gives a visitor a CSRF token is not kept: it sets
	 * a cookie, so the server sends it with no-store.
	 */
	private void seeUntilKept(String path) {
		open(path);
		if (!kept(path)) {
			open(path);
		}
		waitUpTo5Seconds().until((driver) -> kept(path));
	}

	private boolean kept(String path) {
		return keptEntries().stream().anyMatch((entry) -> entry.get("requestURL").toString().endsWith(path));
	}

	/**
	 * Every entry of every cache of the shop's origin, read through the DevTools
	 * protocol.
	 */
	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> keptEntries() {
		List<Map<String, Object>> entries = new ArrayList<>();
		Map<String, Object> names = browser.executeCdpCommand("CacheStorage.requestCacheNames",
				Map.of("securityOrigin", url("")));
		for (Map<String, Object> cache : (List<Map<String, Object>>) names.get("caches")) {
			Map<String, Object> page = browser.executeCdpCommand("CacheStorage.requestEntries",
					Map.of("cacheId", cache.get("cacheId"), "skipCount", 0, "pageSize", 1000));
			for (Map<String, Object> entry : (List<Map<String, Object>>) page.get("cacheDataEntries")) {
				Map<String, Object> withCache = new java.util.HashMap<>(entry);
				withCache.put("cacheId", cache.get("cacheId"));
				entries.add(withCache);
			}
		}
		return entries;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> headers(Map<String, Object> entry) {
		Map<String, String> headers = new java.util.HashMap<>();
		for (Map<String, Object> header : (List<Map<String, Object>>) entry.get("responseHeaders")) {
			headers.put(header.get("name").toString().toLowerCase(), header.get("value").toString());
		}
		return headers;
	}

	@SuppressWarnings("unchecked")
	private static String cachedBody(Map<String, Object> entry) {
		Map<String, Object> cached = browser.executeCdpCommand("CacheStorage.requestCachedResponse", Map.of("cacheId",
				entry.get("cacheId"), "requestURL", entry.get("requestURL"), "requestHeaders", List.of()));
		String body = ((Map<String, Object>) cached.get("response")).get("body").toString();
		return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
	}

}
