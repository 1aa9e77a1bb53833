package fr.dwwm.comptoir.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The living style guide shows every component of the charter in both colour schemes,
 * accessible and valid in each.
 */
class StyleguideBrowserTests extends BrowserTest {

	@Test
	void theStyleGuideShowsBothSchemesAccessiblyOnADesktop() {
		desktop();
		open("/styleguide");
		assertThat(browser.findElements(By.cssSelector("[data-bs-theme='dark'] .btn-primary"))).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("[data-bs-theme='light'] .btn-primary"))).isNotEmpty();
		assertPageQuality();
		screenshot("styleguide-1280");
	}

	@Test
	void theStyleGuideIsAccessibleOnAPhone() {
		mobile();
		open("/styleguide");
		assertPageQuality();
	}

	@Test
	void theWholePageIsAccessibleInTheDarkScheme() {
		desktop();
		open("/styleguide");
		browser.executeScript("document.documentElement.setAttribute('data-bs-theme', 'dark')");
		assertAccessible();
		assertValidHtml();
	}

}
