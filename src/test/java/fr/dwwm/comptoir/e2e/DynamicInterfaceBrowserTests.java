package fr.dwwm.comptoir.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the scripts add to the pages (competency 3), in a real Chromium: each interaction
 * happens without a reload, is operable with the keyboard alone where it matters, and the
 * page still passes axe, the Nu HTML checker and the Content-Security-Policy once the DOM
 * has changed.
 */
class DynamicInterfaceBrowserTests extends BrowserTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void addingToTheCartStaysOnThePageUpdatesTheBadgeAndAnnouncesIt() {
		mobile();
		open("/products/confiture-de-figues");
		markPage();
		int before = badge();
		WebElement quantity = browser.findElement(By.id("quantity"));
		quantity.clear();
		quantity.sendKeys("2");
		click(By.cssSelector("form.add-to-cart button[type=submit]"));
		WebElement toast = waitForToast("Produit ajouté au panier");
		assertThat(toast.findElement(By.tagName("a")).getText()).isEqualTo("Voir le panier");
		assertThat(badge()).isEqualTo(before + 2);
		assertThat(browser.findElement(By.cssSelector("[data-cart-count-label]")).getDomProperty("textContent"))
			.contains(String.valueOf(before + 2));
		assertThat(stillTheSamePage()).as("no reload").isTrue();
		assertThat(browser.findElement(By.cssSelector("[data-toast-region]")).getDomAttribute("aria-live"))
			.isEqualTo("polite");
		screenshot("ajout-au-panier-375");
		assertPageQuality();
	}

	@Test
	void theCartChangesQuantitiesAndRemovesLinesInPlace() {
		desktop();
		Map<String, Object> lowStock = this.jdbc.sql("""
				SELECT v.id, p.slug, v.stock FROM product_variant v JOIN product p ON p.id = v.product_id
				WHERE p.active AND v.active AND v.stock BETWEEN 2 AND 20
				  AND (SELECT count(*) FROM product_variant w WHERE w.product_id = p.id) = 1
				ORDER BY p.id LIMIT 1""").query().singleRow();
		addWithScript("/products/confiture-de-figues");
		addWithScript("/products/" + lowStock.get("slug"));
		open("/cart");
		markPage();
		String lineId = "line-" + lowStock.get("id");
		WebElement line = browser.findElement(By.id(lineId));
		String totalBefore = line.findElement(By.cssSelector("[data-line-total]")).getText();
		WebElement quantity = line.findElement(By.name("quantity"));
		int stock = ((Number) lowStock.get("stock")).intValue();
		quantity.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(stock + 5));
		waitForToast("Quantité limitée au stock disponible : " + stock + ".");
		assertThat(browser.findElement(By.cssSelector("[data-toast-alert-region] [role=alert]")).getText())
			.as("a quantity cut to the stock is a warning, read at once (role=alert)")
			.contains("Quantité limitée");
		waitUpTo5Seconds().until((driver) -> String.valueOf(stock).equals(quantity.getDomProperty("value")));
		assertThat(line.findElement(By.cssSelector("[data-line-total]")).getText()).isNotEqualTo(totalBefore);
		assertThat(browser.findElement(By.cssSelector("[data-cart-items-label]")).getText())
			.isEqualTo((stock + countOf("confiture-de-figues")) + " articles");
		assertThat(browser.findElement(By.cssSelector("[data-cart-shipping]")).getText()).containsAnyOf("Plus que",
				"Livraison offerte");
		assertPageQuality();

		WebElement remove = line.findElement(By.cssSelector("form[data-cart-remove] button"));
		click(remove);
		waitForToast("Produit retiré du panier.");
		waitUpTo5Seconds().until(ExpectedConditions.numberOfElementsToBe(By.id(lineId), 0));
		assertThat(browser.switchTo().activeElement().getDomAttribute("name")).as("focus on the remaining line")
			.isEqualTo("quantity");
		assertThat(stillTheSamePage()).isTrue();
		screenshot("panier-modifie-1280");
		assertPageQuality();
	}

	@Test
	void theSearchSuggestionsAreAComboboxForTheKeyboardAlone() {
		desktop();
		open("/");
		WebElement field = browser.findElement(By.id("site-search-q"));
		tabTo(field);
		new Actions(browser).sendKeys("confiture").perform();
		WebElement listbox = waitUpTo5Seconds()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=listbox]")));
		assertThat(field.getDomAttribute("role")).isEqualTo("combobox");
		assertThat(field.getDomAttribute("aria-expanded")).isEqualTo("true");
		assertThat(field.getDomAttribute("aria-controls")).isEqualTo(listbox.getDomAttribute("id"));
		List<WebElement> options = listbox.findElements(By.cssSelector("[role=option]"));
		assertThat(options).hasSizeGreaterThan(1);
		assertThat(options.get(0).getText()).contains("€");
		assertThat(options.get(0).findElements(By.tagName("img"))).hasSize(1);
		assertThat(options.get(options.size() - 1).getText()).startsWith("Voir");

		new Actions(browser).sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN).perform();
		assertThat(field.getDomAttribute("aria-activedescendant")).isEqualTo(options.get(1).getDomAttribute("id"));
		assertThat(options.get(1).getDomAttribute("aria-selected")).isEqualTo("true");
		new Actions(browser).sendKeys(Keys.ARROW_UP).perform();
		assertThat(field.getDomAttribute("aria-activedescendant")).isEqualTo(options.get(0).getDomAttribute("id"));
		assertThat(browser.switchTo().activeElement()).as("the focus stays in the field").isEqualTo(field);
		screenshot("suggestions-de-recherche-1280");
		assertPageQuality();

		new Actions(browser).sendKeys(Keys.ESCAPE).perform();
		assertThat(listbox.isDisplayed()).isFalse();
		assertThat(field.getDomAttribute("aria-expanded")).isEqualTo("false");
		assertThat(field.getDomProperty("value")).isEqualTo("confiture");
		new Actions(browser).sendKeys(Keys.ESCAPE).perform();
		assertThat(field.getDomProperty("value")).isEmpty();

		new Actions(browser).sendKeys("confiture").perform();
		waitUpTo5Seconds().until(ExpectedConditions.visibilityOf(listbox));
		String first = listbox.findElement(By.cssSelector("[role=option]")).getDomAttribute("data-url");
		new Actions(browser).sendKeys(Keys.ARROW_DOWN, Keys.ENTER).perform();
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith(first));
		assertThat(first).startsWith("/products/");
	}

	@Test
	void theGalleryTurnsWithArrowKeysButtonsAndASwipe() {
		mobile();
		String slug = this.jdbc.sql("""
				SELECT p.slug FROM product p
				WHERE p.active AND (SELECT count(*) FROM product_image i WHERE i.product_id = p.id) >= 2
				ORDER BY p.id LIMIT 1""").query(String.class).single();
		open("/products/" + slug);
		WebElement strip = browser.findElement(By.cssSelector(".gallery__slides"));
		WebElement position = browser.findElement(By.cssSelector(".gallery__position"));
		assertThat(position.getText()).startsWith("Photo 1 sur ");
		tabTo(strip);
		new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform();
		assertThat(position.getText()).startsWith("Photo 2 sur ");
		assertThat(browser.findElements(By.cssSelector(".gallery__thumbs a")).get(1).getDomAttribute("aria-current"))
			.isEqualTo("true");
		waitUpTo5Seconds().until((driver) -> ((Number) browser
			.executeScript("return document.querySelector('.gallery__slides').scrollLeft")).intValue() > 0);
		new Actions(browser).sendKeys(Keys.END).perform();
		String last = position.getText();
		new Actions(browser).sendKeys(Keys.HOME).perform();
		assertThat(position.getText()).startsWith("Photo 1 sur ");
		assertThat(last).isNotEqualTo(position.getText());

		click(By.cssSelector(".gallery__nav--next"));
		assertThat(position.getText()).startsWith("Photo 2 sur ");
		swipe(strip, 150);
		assertThat(position.getText()).as("a finger moving right shows the previous photo").startsWith("Photo 1 sur ");
		swipe(strip, -150);
		assertThat(position.getText()).startsWith("Photo 2 sur ");
		assertPageQuality();
	}

	@Test
	void filtersAndSortApplyWithoutReloadAndBackRestoresThePreviousList() {
		desktop();
		open("/products?category=epicerie-fine");
		markPage();
		String allCount = browser.findElement(By.id("results-count")).getText();
		browser.findElement(By.id("filter-stock")).sendKeys(Keys.SPACE);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("stock=true"));
		waitForToast("produit");
		new Select(browser.findElement(By.id("sort"))).selectByValue("price-asc");
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("sort=price-asc"));
		assertThat(browser.getTitle()).contains("Épicerie fine");
		assertThat(browser.findElement(By.id("filter-stock")).isSelected()).isTrue();
		assertThat(stillTheSamePage()).as("no reload").isTrue();
		assertPageQuality();

		browser.navigate().back();
		waitUpTo5Seconds().until((driver) -> !driver.getCurrentUrl().contains("sort="));
		waitUpTo5Seconds().until((driver) -> !"price-asc"
			.equals(new Select(driver.findElement(By.id("sort"))).getFirstSelectedOption().getDomAttribute("value")));
		browser.navigate().back();
		waitUpTo5Seconds().until((driver) -> !driver.getCurrentUrl().contains("stock="));
		waitUpTo5Seconds().until((driver) -> !driver.findElement(By.id("filter-stock")).isSelected());
		assertThat(browser.findElement(By.id("results-count")).getText()).isEqualTo(allCount);
		assertThat(stillTheSamePage()).as("Back did not reload either").isTrue();
	}

	@Test
	void aFormShowsTheServersMessagesBeforeSendingAndFocusesTheFirstError() {
		desktop();
		open("/register");
		markPage();
		browser.findElement(By.cssSelector("main form button[type=submit]")).sendKeys(Keys.ENTER);
		WebElement email = browser.findElement(By.id("email"));
		assertThat(browser.switchTo().activeElement()).isEqualTo(email);
		assertThat(email.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(email.getDomAttribute("aria-describedby")).contains("email-error");
		assertThat(browser.findElement(By.id("email-error")).getText()).isEqualTo("Saisissez votre adresse e-mail.");
		assertThat(browser.findElement(By.id("firstName-error")).getText()).isEqualTo("Saisissez votre prénom.");
		email.sendKeys("camille");
		assertThat(browser.findElement(By.id("email-error")).getText())
			.isEqualTo("Saisissez une adresse e-mail valide, par exemple camille@exemple.fr.");
		email.sendKeys("@exemple.fr");
		assertThat(browser.findElements(By.id("email-error"))).isEmpty();
		assertThat(email.getDomAttribute("aria-invalid")).isNull();
		assertThat(stillTheSamePage()).as("nothing was sent").isTrue();
		WebElement password = browser.findElement(By.id("password"));
		password.sendKeys("azerty");
		waitUpTo5Seconds()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-strength"), "Force : faible."));
		assertThat(browser.findElement(By.id("password-strength")).getText()).contains("Trop court.");
		screenshot("inscription-erreurs-1280");
		assertPageQuality();
	}

	@Test
	void theDarkThemeFollowsTheSystemThenTheVisitorsChoice() {
		desktop();
		open("/");
		browser.executeScript("localStorage.removeItem('comptoir-theme')");
		browser.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
		open("/cart");
		assertThat(theme()).as("the system's preference").isEqualTo("dark");
		WebElement toggle = browser.findElement(By.cssSelector("[data-theme-toggle]"));
		assertThat(toggle.getDomAttribute("aria-pressed")).isEqualTo("true");
		screenshot("panier-sombre-1280");
		assertPageQuality();
		click(toggle);
		assertThat(theme()).isEqualTo("light");
		open("/products");
		assertThat(theme()).as("the choice is remembered").isEqualTo("light");
		browser.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
		click(By.cssSelector("[data-theme-toggle]"));
		open("/products/confiture-de-figues");
		assertThat(theme()).isEqualTo("dark");
		assertPageQuality();
		browser.executeScript("localStorage.removeItem('comptoir-theme')");
	}

	private String theme() {
		return browser.findElement(By.tagName("html")).getDomAttribute("data-bs-theme");
	}

	/** Adds one unit of a product through its page's script and waits for the answer. */
	private void addWithScript(String path) {
		open(path);
		click(By.cssSelector("form.add-to-cart button[type=submit]"));
		waitForToast("Produit ajouté au panier");
	}

	private int countOf(String slug) {
		WebElement line = browser.findElement(
				By.xpath("//li[contains(@class,'cart-line')][.//a[contains(@href,'/products/" + slug + "')]]"));
		return Integer.parseInt(line.findElement(By.name("quantity")).getDomProperty("value"));
	}

	private int badge() {
		return Integer.parseInt(browser.findElement(By.cssSelector("[data-cart-count]")).getText().strip());
	}

	private WebElement waitForToast(String text) {
		return waitUpTo5Seconds().until((driver) -> {
			List<WebElement> toasts = driver.findElements(
					By.cssSelector("[data-toast-region] .toast-message, [data-toast-alert-region] .toast-message"));
			return (!toasts.isEmpty() && toasts.get(0).getText().contains(text)) ? toasts.get(0) : null;
		});
	}

	/** Leaves a mark in the page's window: it disappears if the page reloads. */
	private void markPage() {
		browser.executeScript("window.comptoirTestMark = true");
	}

	private boolean stillTheSamePage() {
		return Boolean.TRUE.equals(browser.executeScript("return window.comptoirTestMark === true"));
	}

	private void tabTo(WebElement target) {
		for (int presses = 0; presses < 60 && !target.equals(browser.switchTo().activeElement()); presses++) {
			new Actions(browser).sendKeys(Keys.TAB).perform();
		}
		assertThat(browser.switchTo().activeElement()).as("reachable with Tab").isEqualTo(target);
	}

	/** Drags a finger across an element, from its centre, by a distance in CSS pixels. */
	private void swipe(WebElement element, int distance) {
		PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
		Sequence swipe = new Sequence(finger, 0)
			.addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(element), 0, 0))
			.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
			.addAction(finger.createPointerMove(Duration.ofMillis(200), PointerInput.Origin.pointer(), distance, 0))
			.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
		browser.perform(List.of(swipe));
	}

}
