package fr.dwwm.comptoir.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EcoIndex of the storefront's pages on a first visit (empty cache, no service worker
 * yet), on a phone's screen, scrolled to the bottom as the method asks so that lazy
 * pictures count: elements of the document, requests and bytes transferred, then the
 * score, its grade and the method's estimates, printed in the build's output. A figure,
 * not a check: nothing is asserted about it (speed and weight are measured, never
 * asserted), except that it was measured. {@code docs/ecoconception.md} quotes a run.
 */
@IntegrationTest
class EcoIndexBrowserTests extends BrowserTest {

	private static final List<String> PAGES = List.of("/", "/products", "/products/confiture-de-figues",
			"/search?q=confiture", "/cart", "/pages/livraison", "/contact", "/login");

	@Test
	void theStorefrontsPagesEcoIndexIsMeasuredAndPrinted() {
		List<String> lines = new ArrayList<>();
		for (String page : PAGES) {
			EcoIndex measured = firstVisit(page);
			lines.add(String.format(Locale.ROOT,
					"%-30s %5d elements %3d requests %8.1f KB  EcoIndex %5.1f %s  %.2f gCO2e  %.2f cl", page,
					measured.domElements(), measured.requests(), measured.kilobytes(), measured.score(),
					measured.grade(), measured.gramsCo2(), measured.centilitresOfWater()));
			assertThat(measured.requests()).as("the page itself was measured on " + page).isPositive();
		}
		LoggerFactory.getLogger(EcoIndexBrowserTests.class)
			.info("EcoIndex of the storefront, first visit at 375 px:\n{}", String.join("\n", lines));
	}

	/**
	 * Opens a page as a first visitor would: the browser's cache, cookies and storage
	 * emptied, service workers gone.
	 */
	private EcoIndex firstVisit(String path) {
		browser.executeCdpCommand("Network.enable", Map.of());
		browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
		browser.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", url(""), "storageTypes", "all"));
		browser.manage().deleteAllCookies();
		mobile();
		open(path);
		browser.executeScript("window.scrollTo(0, document.documentElement.scrollHeight)");
		// Lazy pictures start once scrolled to: wait until no new resource comes for a
		// while (at most 3 s).
		browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				let count = -1;
				let still = 0;
				const started = Date.now();
				const check = () => {
				  const now = performance.getEntriesByType('resource').length;
				  still = (now === count) ? still + 1 : 0;
				  count = now;
				  if (still >= 3 || Date.now() - started > 3000) done(); else setTimeout(check, 100);
				};
				check();""");
		Map<?, ?> figures = (Map<?, ?>) browser.executeScript(
				"""
						const svgChildren = document.querySelectorAll('svg *').length;
						const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
						return {
						  dom: document.getElementsByTagName('*').length - svgChildren,
						  requests: entries.length,
						  bytes: entries.reduce((sum, entry) => sum + (entry.transferSize || 0), 0)
						};""");
		return new EcoIndex(((Number) figures.get("dom")).intValue(), ((Number) figures.get("requests")).intValue(),
				((Number) figures.get("bytes")).doubleValue() / 1024);
	}

}
