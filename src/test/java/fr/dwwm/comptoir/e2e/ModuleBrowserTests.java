package fr.dwwm.comptoir.e2e;

import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.module.ModuleFixtures;
import fr.dwwm.comptoir.module.ModuleLifecycle;
import fr.dwwm.comptoir.module.ModuleRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Modules driven from the back-office in a real browser: an administrator disables the
 * reviews module and its block leaves the product page, enables it and the block comes
 * back, then uninstalls it after typing its code and its tables are gone. Screenshots of
 * the hooks for docs/modules.md.
 */
class ModuleBrowserTests extends BrowserTest {

	private static final String PRODUCT = "/products/confiture-de-figues";

	@Autowired
	private ModuleRegistry registry;

	@Autowired
	private ModuleLifecycle lifecycle;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void reviewsBackAsTheDemoHasThem() {
		ModuleFixtures.enabled(this.registry, this.lifecycle, "reviews");
	}

	@Test
	void enablingTheReviewsModuleShowsItsBlockDisablingHidesItUninstallingDropsItsTables() {
		ModuleFixtures.enabled(this.registry, this.lifecycle, "reviews");
		desktop();
		logIn(Role.ADMIN);
		open("/admin/modules");
		screenshot("modules-1280");
		assertPageQuality();

		press(By.cssSelector("#module-reviews form[action$='/disable'] button"));
		waitUpTo5Seconds().until(
				(driver) -> driver.findElement(By.cssSelector("main")).getText().contains("Le module est désactivé"));
		// The page opens at the module's card: its answer is there, in sight.
		WebElement answer = browser.findElement(By.cssSelector("#module-reviews [role=status]"));
		assertThat(answer.getText()).contains("Le module est désactivé");
		// In the viewport once the (smooth) jump to the card ends; at the top of the
		// page, it was scrolled out of sight.
		waitUpTo5Seconds().until((driver) -> (Boolean) browser.executeScript(
				"const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
				answer));
		open(PRODUCT);
		assertThat(browser.findElements(By.id("reviews"))).as("block hidden once disabled").isEmpty();

		open("/admin/modules");
		press(By.cssSelector("#module-reviews form[action$='/enable'] button"));
		waitUpTo5Seconds()
			.until((driver) -> driver.findElement(By.cssSelector("main")).getText().contains("Le module est activé"));
		open(PRODUCT);
		assertThat(browser.findElement(By.id("reviews")).getText()).contains("Avis clients");
		assertPageQuality();

		open("/admin/modules/reviews");
		assertPageQuality();
		browser.findElement(By.id("confirmation")).sendKeys("reviews", Keys.ENTER);
		waitUpTo5Seconds().until(
				(driver) -> driver.findElement(By.cssSelector("main")).getText().contains("Le module est désinstallé"));
		assertThat(this.jdbc.sql("SELECT to_regclass('module_reviews.review') IS NULL").query(Boolean.class).single())
			.as("its tables are gone")
			.isTrue();
		open(PRODUCT);
		assertThat(browser.findElements(By.id("reviews"))).isEmpty();

		open("/admin/modules");
		press(By.cssSelector("#module-reviews form[action$='/install'] button"));
		waitUpTo5Seconds()
			.until((driver) -> driver.findElement(By.cssSelector("main")).getText().contains("Le module est installé"));
		assertThat(
				this.jdbc.sql("SELECT to_regclass('module_reviews.review') IS NOT NULL").query(Boolean.class).single())
			.as("created again, empty")
			.isTrue();
	}

	@Test
	void theHooksOfThePagesAsAVisitorSeesThem() {
		ModuleFixtures.enabled(this.registry, this.lifecycle, "reviews");
		desktop();
		open("/");
		assertThat(browser.findElements(By.cssSelector("[data-hook=displayTop] [data-module]"))).isNotEmpty();
		screenshot("emplacement-displayTop-displayHome-1280");
		open(PRODUCT);
		browser.findElement(By.cssSelector("[data-hook=displayProductAdditionalInfo]"));
		screenshot("emplacement-displayProductAdditionalInfo-1280");
		assertPageQuality();
		logIn(Role.EDITOR);
		open("/admin/hooks");
		screenshot("emplacements-1280");
		assertPageQuality();
	}

}
