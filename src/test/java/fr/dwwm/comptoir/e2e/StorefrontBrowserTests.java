package fr.dwwm.comptoir.e2e;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront in a real browser: every page reachable from the home page is opened and
 * its links followed; each page of its own content passes axe and the Nu HTML checker,
 * the main pages are captured at both widths, and a keyboard alone can buy.
 */
class StorefrontBrowserTests extends BrowserTest {

	private static final Logger logger = LoggerFactory.getLogger(StorefrontBrowserTests.class);

	/**
	 * How many pages of one kind are checked: more than the demo shop has shelves and
	 * content pages, and a quarter of its sixty products.
	 */
	private static final int KIND_BUDGET = 15;

	/**
	 * How many pages of one kind are opened at all: those checked, and seven more for
	 * their links. Beyond, in the full suite, are the other tests' own products and
	 * shelves, one-line copies of the same templates, whose links lead to pages already
	 * queued.
	 */
	private static final int KIND_OPEN_BUDGET = 22;

	/** Query parameters that choose what a page shows, not how. */
	private static final Set<String> CONTENT_PARAMETERS = Set.of("category", "q");

	/** Paths that are not storefront pages (files, actions, private areas). */
	private static final List<String> NOT_PAGES = List.of("/images/", "/webjars/", "/css/", "/js/", "/img/", "/account",
			"/admin", "/logout", "/checkout");

	@Test
	void everyPageReachableFromTheHomePageIsAccessibleAndValid() {
		desktop();
		Set<String> visited = crawl("/", 400);
		assertThat(visited).as("pages crawled").hasSizeGreaterThan(80);
		assertThat(visited).contains("/products/confiture-de-figues", "/pages/cgv", "/products?category=ceramique",
				"/cart", "/login");
	}

	@Test
	void eachKindOfPageIsAccessibleAndValidOnAPhoneAndNothingCoversItsControls() {
		mobile();
		for (String path : List.of("/", "/products", "/products?category=confitures-et-miels&sort=price-asc",
				"/products/confiture-de-figues", "/products/safran-de-provence", "/search?q=miel", "/search?q=figes",
				"/search?q=zzzzzz", "/pages/cgv", "/pages/accessibilite", "/cart", "/login", "/register",
				"/no-such-page")) {
			open(path);
			assertPageQuality();
			assertThat(horizontalOverflow()).as("horizontal scroll on " + path).isLessThanOrEqualTo(0);
			assertNoControlIsCovered();
		}
	}

	@Test
	void theMainPagesAreCapturedAtBothWidths() {
		for (boolean phone : new boolean[] { true, false }) {
			if (phone) {
				mobile();
			}
			else {
				desktop();
			}
			String width = phone ? "375" : "1280";
			open("/");
			screenshot("accueil-" + width);
			open("/products?category=epicerie-fine");
			screenshot("catalogue-" + width);
			open("/products/confiture-de-figues");
			screenshot("produit-" + width);
			open("/search?q=confiture");
			screenshot("recherche-" + width);
		}
	}

	@Test
	void aKeyboardAloneCanAddAProductToTheCart() {
		desktop();
		open("/products/confiture-de-figues");
		WebElement button = browser.findElement(By.cssSelector("form.add-to-cart button[type=submit]"));
		for (int presses = 0; presses < 80 && !button.equals(browser.switchTo().activeElement()); presses++) {
			new Actions(browser).sendKeys(Keys.TAB).perform();
		}
		assertThat(browser.switchTo().activeElement()).as("the add-to-cart button is reachable with Tab")
			.isEqualTo(button);
		Object outline = browser.executeScript("return getComputedStyle(document.activeElement).outlineStyle");
		assertThat(outline).as("focus is visible").isNotEqualTo("none");
		new Actions(browser).sendKeys(Keys.ENTER).perform();
		// The script adds without leaving the page; its message links to the cart.
		WebElement viewCart = waitUpTo5Seconds()
			.until((driver) -> driver.findElement(By.cssSelector("[data-toast-region] a")));
		for (int presses = 0; presses < 80 && !viewCart.equals(browser.switchTo().activeElement()); presses++) {
			new Actions(browser).sendKeys(Keys.TAB).perform();
		}
		assertThat(browser.switchTo().activeElement()).as("the message's link is reachable with Tab")
			.isEqualTo(viewCart);
		new Actions(browser).sendKeys(Keys.ENTER).perform();
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/cart"));
		assertThat(browser.findElement(By.cssSelector(".cart-lines")).getText()).contains("Confiture de figues");
		assertThat(browser.findElement(By.cssSelector("[data-cart-count]")).getText()).isNotEqualTo("0");
		assertPageQuality();
	}

	@Test
	void theSkipLinkIsTheFirstStopAndLeadsToTheContent() {
		desktop();
		open("/products");
		new Actions(browser).sendKeys(Keys.TAB).perform();
		WebElement skip = browser.switchTo().activeElement();
		assertThat(skip.getText()).isEqualTo("Aller au contenu");
		assertThat(skip.isDisplayed()).isTrue();
		skip.sendKeys(Keys.ENTER);
		assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("contenu");
	}

	/**
	 * Visits pages breadth-first from a start page, following same-site links, and runs
	 * every page check on each.
	 */
	private Set<String> crawl(String start, int limit) {
		Set<String> visited = new LinkedHashSet<>();
		Map<String, Integer> shapes = new HashMap<>();
		Map<String, Integer> opened = new HashMap<>();
		int checked = 0;
		Deque<String> queue = new ArrayDeque<>(List.of(start));
		while (!queue.isEmpty() && visited.size() < limit) {
			String path = queue.poll();
			String pageKind = kind(path);
			if (visited.contains(path)
					|| (pageKind != null && opened.merge(pageKind, 1, Integer::sum) > KIND_OPEN_BUDGET)) {
				continue;
			}
			visited.add(path);
			open(path);
			// The same page only sorted, paged, filtered or showing another variant is
			// checked once per shape: its markup comes from the same template and data.
			// Of the pages of one kind (product, shelf, content page), the first ones
			// found are checked: in the full suite, the tests' own products and shelves
			// add some two hundred pages of the same templates with one-line texts.
			// The others are opened and their CSP checked, for their links, up to
			// KIND_OPEN_BUDGET of a kind.
			boolean newShape = shapes.merge(shape(path), 1, Integer::sum) == 1;
			String kind = kind(path);
			boolean inBudget = (kind == null) || shapes.merge(kind, 1, Integer::sum) <= KIND_BUDGET;
			if (newShape && inBudget) {
				assertPageQuality();
				checked++;
			}
			else {
				assertNoContentSecurityPolicyViolation();
			}
			// One script for every link of the page: asking the driver link by link cost
			// a round trip each, about 170 ms on a page of a hundred links.
			for (Object href : (List<?>) browser
				.executeScript("return Array.from(document.querySelectorAll('a[href]'), (link) => link.href)")) {
				String next = sitePath((String) href);
				if (next != null && !visited.contains(next) && !queue.contains(next)) {
					queue.add(next);
				}
			}
		}
		logger.info("Crawled {} pages, {} of them checked (one per shape)", visited.size(), checked);
		return visited;
	}

	/**
	 * The kind of a page whose template serves many: a product, a shelf, a content page.
	 * @return the kind, or {@code null} for a page of its own
	 */
	private static String kind(String path) {
		if (path.startsWith("/products/")) {
			return "kind:product";
		}
		if (path.startsWith("/products?category=")) {
			return "kind:shelf";
		}
		return path.startsWith("/pages/") ? "kind:page" : null;
	}

	/**
	 * What makes a page's content its own: its path, the shelf or search it shows, and
	 * the names (not the values) of its other parameters —
	 * {@code /products?category=the&sort=price} has the shape of every sort of the tea
	 * shelf.
	 */
	static String shape(String path) {
		URI uri = URI.create(path);
		StringBuilder shape = new StringBuilder(uri.getRawPath());
		if (uri.getRawQuery() != null) {
			new TreeSet<>(List.of(uri.getRawQuery().split("&"))).forEach((parameter) -> {
				String name = parameter.split("=", 2)[0];
				boolean content = CONTENT_PARAMETERS.contains(name);
				shape.append(content ? "&" + parameter : "&" + name);
			});
		}
		return shape.toString();
	}

	private String sitePath(String href) {
		if (href == null || !href.startsWith(url("/"))) {
			return null;
		}
		URI uri = URI.create(href);
		String path = uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		boolean isPage = NOT_PAGES.stream().noneMatch(path::startsWith) && !path.contains("lang=");
		return isPage ? path : null;
	}

}
