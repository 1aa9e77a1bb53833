package fr.dwwm.comptoir.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The home page as a visitor sees it on a phone and on a desktop.
 */
class HomePageBrowserTests extends BrowserTest {

	@Test
	void homePageOnAPhoneIsAccessibleValidAndInFrench() {
		mobile();
		open("/");
		assertThat(browser.getTitle()).contains("Comptoir");
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
		assertPageQuality();
		screenshot("accueil-375");
	}

	@Test
	void homePageOnADesktopIsAccessibleValidAndInFrench() {
		desktop();
		open("/");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
		assertPageQuality();
		screenshot("accueil-1280");
	}

	@Test
	void theNarrowestPhoneNeedsNoHorizontalScrolling() {
		viewport(320, 640, true);
		open("/");
		assertThat(horizontalOverflow()).isLessThanOrEqualTo(0);
	}

	@Test
	void theMenuOpensOffCanvasOnAPhone() {
		mobile();
		open("/");
		WebElement catalogLink = browser.findElement(By.cssSelector("#site-nav-menu a[href='/products']"));
		assertThat(catalogLink.isDisplayed()).isFalse();
		click(By.cssSelector(".navbar-toggler"));
		waitUpTo5Seconds().until(ExpectedConditions.visibilityOf(catalogLink));
		assertNoContentSecurityPolicyViolation();
		assertAccessible();
	}

	@Test
	void anInjectedInlineScriptIsRefusedByTheContentSecurityPolicy() {
		desktop();
		open("/");
		browser.executeScript("const s = document.createElement('script');"
				+ "s.textContent = 'window.injected = true'; document.body.appendChild(s);");
		assertThat(browser.executeScript("return window.injected === true")).isEqualTo(false);
		assertThat(consoleMessages()).anyMatch((message) -> message.contains("Content Security Policy"));
	}

	@Test
	void aFirstVisitSetsOnlyStrictlyNecessaryCookies() {
		browser.manage().deleteAllCookies();
		desktop();
		open("/");
		open("/products/confiture-de-figues");
		assertThat(browser.manage().getCookies()).extracting(org.openqa.selenium.Cookie::getName)
			.as("no tracking or analytics cookie: nothing needs consent (CNIL 2020-091)")
			.isSubsetOf(java.util.List.of("COMPTOIR_CSRF", "COMPTOIR_SESSION", "comptoir-lang"));
		assertThat(consoleMessages()).noneMatch((message) -> message.contains("net::ERR"));
	}

	@Test
	void thePageChecksReallyCatchProblems() {
		desktop();
		open("/");
		browser.executeScript("const img = document.createElement('img'); img.src = '/img/logo.svg';"
				+ "document.querySelector('main').appendChild(img);"
				+ "document.querySelector('main').appendChild(document.createElement('blink'));");
		assertThatThrownBy(this::assertAccessible).as("axe reports an image without text alternative")
			.hasMessageContaining("image-alt");
		assertThatThrownBy(this::assertValidHtml).as("the Nu checker reports an unknown element")
			.hasMessageContaining("blink");
	}

	@Test
	void aBarFixedOverTheControlsOfAPhonePageIsCaught() {
		mobile();
		open("/products/confiture-de-figues");
		assertNoControlIsCovered();
		browser.executeScript("""
				const bar = document.createElement('div');
				bar.className = 'sticky-offer';
				bar.style.cssText = 'position: fixed; inset-inline: 0; top: 40%; height: 20%; background: #fff';
				document.body.appendChild(bar);""");
		assertThatThrownBy(this::assertNoControlIsCovered).as("the add-to-cart button is under the bar")
			.hasMessageContaining("button.btn.btn-primary.btn-lg under div.sticky-offer");
	}

	@Test
	void theVisitorCanSwitchToEnglishAndBack() {
		desktop();
		open("/");
		browser.findElement(By.cssSelector(".site-footer__language a")).sendKeys(Keys.ENTER);
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		assertPageQuality();
		browser.findElement(By.cssSelector(".site-footer__language a")).sendKeys(Keys.ENTER);
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
	}

}
