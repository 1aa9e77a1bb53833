package fr.dwwm.comptoir.e2e;

import java.util.UUID;

import fr.dwwm.comptoir.account.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor writes a page with the rich-text editor in a real browser (toolbar buttons,
 * typing in the editing area), creates it as a draft, publishes it, and a visitor reads
 * it with its formatting; axe, Nu and the CSP console checks on each screen.
 */
class CmsBrowserTests extends BrowserTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anEditorWritesAPageWithTheRichTextEditorAndPublishesIt() {
		desktop();
		logIn(Role.EDITOR);
		open("/admin/pages/new");
		String slug = "atelier-" + UUID.randomUUID().toString().substring(0, 8);
		browser.findElement(By.id("title")).sendKeys("Nos ateliers");
		browser.findElement(By.id("slug")).sendKeys(slug);
		WebElement area = browser.findElement(By.cssSelector("[role=textbox][contenteditable]"));
		click(area);
		area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		press(By.cssSelector("[role=toolbar] [data-action=heading2]"));
		area.sendKeys("Le samedi matin", Keys.ENTER, "Nous recevons les enfants à l'atelier.");
		screenshot("editeur-de-page-1280");
		assertPageQuality();
		browser.findElement(By.cssSelector("form[action='/admin/pages'] button[type=submit]")).sendKeys(Keys.ENTER);
		waitUpTo5Seconds()
			.until((driver) -> driver.findElement(By.cssSelector("main")).getText().contains("brouillon"));
		String stored = this.jdbc.sql("SELECT content_html FROM cms_page WHERE slug = :slug")
			.param("slug", slug)
			.query(String.class)
			.single();
		assertThat(stored).contains("<h2>Le samedi matin</h2>").contains("Nous recevons les enfants");

		press(By.cssSelector("form[action$='/publish'] button[type=submit]"));
		waitUpTo5Seconds()
			.until((driver) -> driver.findElement(By.cssSelector("main")).getText().contains("Page publiée"));
		browser.manage().deleteAllCookies();
		open("/pages/" + slug);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nos ateliers");
		assertThat(browser.findElement(By.cssSelector("main h2")).getText()).isEqualTo("Le samedi matin");
		assertPageQuality();
	}

}
