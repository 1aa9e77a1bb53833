package fr.dwwm.comptoir.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What axe-core does not check, on the pages of the RGAA sample
 * ({@code docs/accessibilite/}), as a keyboard user, a reader who zooms or widens the
 * spacing of the text, and a phone would: each element reached with Tab shows where the
 * focus is (RGAA 10.7) in the order of the page, and Tab leaves every element (no trap,
 * 12.9); the content reflows at 320 CSS pixels without scrolling sideways (10.11) and at
 * a 200 % zoom (10.4); the text spacing of WCAG 1.4.12 loses no text (10.12); the
 * header's and footer's links are the same, in the same order, on every storefront page
 * (12.1, 12.2); a status message is announced without moving the focus (7.5).
 */
@IntegrationTest
class AccessibilityChecksBrowserTests extends BrowserTest {

	/** The storefront pages of the sample a visitor sees. */
	private static final List<String> VISITOR_PAGES = List.of("/", "/products", "/products/confiture-de-figues",
			"/search?q=confiture", "/pages/livraison", "/contact", "/login", "/offline");

	@Autowired
	private JdbcClient jdbc;

	private final Map<String, List<String>> problems = new LinkedHashMap<>();

	@BeforeEach
	void nothingFoundYet() {
		this.problems.clear();
	}

	@Test
	void theVisitorsPagesOfTheSamplePassTheChecksAxeDoesNotMake() {
		List<String> header = null;
		List<String> footer = null;
		for (String page : VISITOR_PAGES) {
			checkPage(page);
			if (!page.equals("/offline")) {
				List<String> headerLinks = links("body > header a, body > header button");
				List<String> footerLinks = links("body > footer a");
				header = (header == null) ? headerLinks : header;
				footer = (footer == null) ? footerLinks : footer;
				assertThat(headerLinks).as("the header's controls, in order, on " + page).isEqualTo(header);
				assertThat(footerLinks).as("the footer's links, in order, on " + page).isEqualTo(footer);
			}
		}
		assertThat(this.problems).isEmpty();
	}

	@Test
	void theCartTheCheckoutAndTheAccountPassTheChecksAndTheCartAnnouncesItsChanges() {
		browser.manage().deleteAllCookies();
		addToCart("/products/confiture-de-figues", 1);
		assertThat(browser.findElement(By.cssSelector("[data-toast-region]")).getDomAttribute("role"))
			.as("the message « added to the cart » is a status message, read without moving the focus")
			.isEqualTo("status");
		assertThat(browser.switchTo().activeElement().getTagName()).as("the focus stayed on the button")
			.isEqualTo("button");
		checkPage("/cart");
		checkPage("/checkout");
		logIn(Role.EDITOR);
		long product = this.jdbc.sql("SELECT id FROM product WHERE slug = 'confiture-de-figues'")
			.query(Long.class)
			.single();
		checkPage("/admin");
		checkPage("/admin/products/" + product);
		checkPage("/account");
		assertThat(this.problems).isEmpty();
	}

	/**
	 * Runs every check on a page and keeps what it finds.
	 */
	private void checkPage(String path) {
		List<String> found = new ArrayList<>();
		desktop();
		open(path);
		found.addAll(focusProblems());
		found.addAll(textSpacingProblems());
		viewport(640, 800, false);
		int zoomed = overflowOnceLaidOut();
		if (zoomed > 0) {
			found.add("200 % zoom (640 CSS px): scrolls sideways by " + zoomed + " px, past the edge: "
					+ pastTheRightEdge());
		}
		viewport(320, 640, true);
		int narrow = overflowOnceLaidOut();
		if (narrow > 0) {
			found.add("320 CSS px: scrolls sideways by " + narrow + " px, past the edge: " + pastTheRightEdge());
		}
		desktop();
		if (!found.isEmpty()) {
			this.problems.put(path, found);
		}
	}

	/**
	 * Presses Tab through the page, one key press per element the page lets the keyboard
	 * reach, and records where the focus went: each element must show a focus indicator
	 * (an outline or a shadow that the element has not without the focus), come in the
	 * order of the page, and be left by the next press (a trap would hold the focus).
	 */
	private List<String> focusProblems() {
		long tabbable = (Long) browser.executeScript("""
				window.__focusLog = [];
				document.addEventListener('focusin', (event) => {
				  const element = event.target;
				  const focused = getComputedStyle(element);
				  const ring = (focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth) > 0)
				      || focused.boxShadow !== 'none';
				  const box = element.getBoundingClientRect();
				  window.__focusLog.push({ element, ring, visible: box.width > 0 && box.height > 0 });
				});
				// A group of radio buttons is one stop for Tab: its checked one, else its first.
				const oneStopOfItsGroup = (element) => {
				  if (element.type !== 'radio' || !element.name) return true;
				  const group = Array.from(document.querySelectorAll('input[type=radio]'))
				    .filter((radio) => radio.name === element.name && radio.form === element.form);
				  const checked = group.find((radio) => radio.checked);
				  return checked ? checked === element : group[0] === element;
				};
				return Array.from(document.querySelectorAll(
				    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]'))
				  .filter((element) => element.tabIndex >= 0 && !element.disabled
				      && element.checkVisibility({ checkVisibilityCSS: true })
				      && !element.closest('[inert], [hidden]') && oneStopOfItsGroup(element)).length;""");
		Actions presses = new Actions(browser);
		for (int i = 0; i < tabbable + 1; i++) {
			presses.sendKeys(Keys.TAB);
		}
		presses.perform();
		Object result = browser.executeScript("""
				const log = window.__focusLog;
				const problems = [];
				const name = (element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
				    + (element.getAttribute('href') ? '[href=' + element.getAttribute('href') + ']' : '');
				log.forEach((entry) => {
				  if (!entry.ring) problems.push('no visible focus on ' + name(entry.element));
				  if (!entry.visible) problems.push('focus on an invisible ' + name(entry.element));
				});
				for (let i = 1; i < log.length; i++) {
				  const before = log[i - 1].element;
				  const now = log[i].element;
				  if (now === before) problems.push('focus held by ' + name(now) + ' (keyboard trap)');
				  else if (before.compareDocumentPosition(now) & Node.DOCUMENT_POSITION_PRECEDING
				      && i < log.length - 1) problems.push('focus went back from ' + name(before) + ' to ' + name(now));
				}
				if (log.length < Math.min(arguments[0], 3)) problems.push('Tab reached ' + log.length + ' elements');
				return problems;""", tabbable);
		List<String> problems = new ArrayList<>();
		((List<?>) result).forEach((problem) -> problems.add(String.valueOf(problem)));
		return problems;
	}

	/**
	 * Applies the text spacing of WCAG 1.4.12 (line height 1.5, paragraphs 2 em apart,
	 * letters 0.12 em, words 0.16 em) and looks for text cut off by its box.
	 */
	private List<String> textSpacingProblems() {
		Object result = browser.executeScript(
				"""
						const style = document.createElement('style');
						style.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important;'
						    + ' word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
						document.head.append(style);
						const problems = [];
						for (const element of document.querySelectorAll('body *')) {
						  if (!element.checkVisibility() || element.closest('.visually-hidden, .visually-hidden-focusable, [aria-hidden=true]')) continue;
						  if (!element.textContent.trim()) continue;
						  const css = getComputedStyle(element);
						  const clips = (value) => value === 'hidden' || value === 'clip';
						  if ((clips(css.overflowX) && element.scrollWidth > element.clientWidth + 1)
						      || (clips(css.overflowY) && element.scrollHeight > element.clientHeight + 1)) {
						    problems.push('text cut off with wider spacing: ' + element.tagName.toLowerCase()
						        + (element.className ? '.' + String(element.className).trim().split(/\\s+/).join('.') : '')
						        + ' « ' + element.textContent.trim().slice(0, 40) + ' »');
						  }
						}
						if (document.documentElement.scrollWidth > document.documentElement.clientWidth) {
						  problems.push('wider spacing makes the page scroll sideways');
						}
						style.remove();
						return problems;""");
		List<String> problems = new ArrayList<>();
		((List<?>) result).forEach((problem) -> problems.add(String.valueOf(problem)));
		return problems;
	}

	/**
	 * How far the page scrolls sideways once the scripts that follow the width (the
	 * dashboard's charts) have redrawn: two frames and a tenth of a second after the
	 * change of width.
	 */
	private static int overflowOnceLaidOut() {
		browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)));""");
		return horizontalOverflow();
	}

	/** The elements that reach past the right edge, innermost first (at most five). */
	private static Object pastTheRightEdge() {
		return browser.executeScript("""
				const edge = document.documentElement.clientWidth + 1;
				return Array.from(document.querySelectorAll('body *'))
				  .filter((element) => element.getBoundingClientRect().right > edge
				      && !Array.from(element.children).some((child) => child.getBoundingClientRect().right > edge))
				  .slice(0, 5)
				  .map((element) => element.tagName.toLowerCase()
				      + (element.className ? '.' + String(element.className).trim().split(/\\s+/).join('.') : '')
				      + ' ' + Math.round(element.getBoundingClientRect().right) + ' px');""");
	}

	private List<String> links(String selector) {
		return browser.findElements(By.cssSelector(selector))
			.stream()
			// The language switch leads to the same page in the other language: its
			// address is the page's own.
			.map((element) -> String.valueOf(element.getDomAttribute("href")).replaceFirst("^.*[?&]lang=", "?lang=")
					+ " " + element.getText().strip())
			.toList();
	}

}
