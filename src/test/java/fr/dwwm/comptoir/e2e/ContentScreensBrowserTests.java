package fr.dwwm.comptoir.e2e;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.cms.CmsBlocks;
import fr.dwwm.comptoir.module.ModuleFixtures;
import fr.dwwm.comptoir.module.ModuleLifecycle;
import fr.dwwm.comptoir.module.ModuleRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content screens no other browser test opens, in a real Chromium: the back-office's
 * menus, blocks and reviews moderation (as an editor, logged in with a password and an
 * authenticator code), the contact page, the newsletter's pages, and the page Tomcat
 * sends when it refuses a request itself (an address over 8 KB). Each passes axe, the Nu
 * HTML checker and the CSP console check on a desktop and on a phone, where it does not
 * scroll sideways; each back-office screen does its main job (the menus and their links,
 * the blocks by hook, a pending review rejected); with JavaScript turned off, the contact
 * and newsletter forms still post, and the server answers in French.
 */
class ContentScreensBrowserTests extends BrowserTest {

	@Autowired
	private ModuleRegistry registry;

	@Autowired
	private ModuleLifecycle lifecycle;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	/**
	 * The shop's configured address, which the site map names (never the request's host).
	 */
	@Value("${app.public-url}")
	private String publicUrl;

	@BeforeEach
	void modulesAsTheDemoHasThem() {
		for (String code : List.of("reviews", "contact", "newsletter")) {
			ModuleFixtures.enabled(this.registry, this.lifecycle, code);
		}
	}

	@Test
	void theXmlSiteMapIsDrawnByTheBrowsersViewerWithoutAnyCspRefusal() {
		desktop();
		open("/sitemap.xml");
		waitUpTo5Seconds()
			.until((driver) -> driver.findElement(By.tagName("body")).getText().contains(this.publicUrl + "/products"));
		assertNoContentSecurityPolicyViolation();
		assertThat(browser.findElement(By.tagName("body")).getText()).as("the viewer's tree, one address a line")
			.contains("<loc>" + this.publicUrl + "/</loc>")
			.contains("<loc>" + this.publicUrl + "/products</loc>");
		screenshot("sitemap-xml");
	}

	@Test
	void theMenusScreenPassesAxeTheHtmlCheckerAndTheCspOnDesktopAndOnAPhone() {
		desktop();
		logIn(Role.EDITOR);
		assertFineOnDesktopAndPhone("/admin/menus", "Menus");
	}

	@Test
	void theMenusScreenListsTheHeaderAndFooterMenusWithTheirLinksInOrder() {
		desktop();
		logIn(Role.EDITOR);
		open("/admin/menus");
		assertThat(browser.findElement(By.id("menu-HEADER")).getText()).isEqualTo("Menu du haut de page");
		assertThat(browser.findElement(By.id("menu-FOOTER")).getText()).isEqualTo("Menu du pied de page");
		for (String menu : List.of("HEADER", "FOOTER")) {
			List<String> stored = this.jdbc
				.sql("SELECT label FROM menu_item WHERE menu_code = :menu ORDER BY position, id")
				.param("menu", menu)
				.query(String.class)
				.list();
			List<String> shown = browser.findElements(By.cssSelector("main section[data-menu=" + menu + "] tbody th a"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(shown).as("links of the " + menu + " menu").containsExactlyElementsOf(stored);
		}
		assertThat(browser.findElement(By.cssSelector("main section[data-menu=FOOTER]")).getText())
			.as("the footer links of the reference data")
			.contains("Mentions légales", "Confidentialité", "Accessibilité : partiellement conforme");
	}

	@Test
	void theBlocksScreenPassesAxeTheHtmlCheckerAndTheCspOnDesktopAndOnAPhone() {
		desktop();
		logIn(Role.EDITOR);
		assertFineOnDesktopAndPhone("/admin/blocks", "Blocs");
	}

	@Test
	void theBlocksScreenShowsEveryHookAndAHiddenBlockUnderItsOwnHook() {
		String title = "Bloc masqué " + UUID.randomUUID().toString().substring(0, 8);
		// Hidden, so that no page of the other tests shows it.
		long id = this.jdbc.sql("""
				INSERT INTO cms_block (hook, title, content_html, position, active)
				VALUES ('displayHome', :title, '<p>Bientôt sur l''accueil.</p>',
				        (SELECT coalesce(max(position) + 1, 0) FROM cms_block WHERE hook = 'displayHome'), false)
				RETURNING id""").param("title", title).query(Long.class).single();
		desktop();
		logIn(Role.EDITOR);
		open("/admin/blocks");
		List<String> hooks = browser.findElements(By.cssSelector("main section[data-hook]"))
			.stream()
			.map((section) -> section.getDomAttribute("data-hook"))
			.toList();
		assertThat(hooks).as("one section per hook, in order").startsWith(CmsBlocks.HOOKS.toArray(String[]::new));
		assertThat(browser.findElement(By.id("hook-displayHome")).getText()).isEqualTo("Accueil");
		WebElement row = browser
			.findElement(By.cssSelector("main section[data-hook=displayHome] tr[data-block='" + id + "']"));
		assertThat(row.findElement(By.tagName("th")).getText()).isEqualTo(title);
		assertThat(row.findElement(By.cssSelector(".admin-block-state span")).getText()).isEqualTo("Masqué");
		this.jdbc.sql("DELETE FROM cms_block WHERE id = :id").param("id", id).update();
	}

	@Test
	void theReviewsModerationScreenPassesAxeTheHtmlCheckerAndTheCspOnDesktopAndOnAPhone() {
		desktop();
		logIn(Role.EDITOR);
		assertFineOnDesktopAndPhone("/admin/reviews", "Modération des avis");
	}

	@Test
	void anEditorSeesAPendingReviewOnTheModerationScreenAndRejectsIt() {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long product = fixtures.product(fixtures.category("Rayon des avis", null), "Miel de la modération", 890, 5,
				Map.of());
		String title = "Avis du navigateur " + UUID.randomUUID().toString().substring(0, 8);
		long review = this.jdbc.sql("""
				INSERT INTO module_reviews.review (product_id, account_id, author_name, rating, title, body)
				VALUES (:product, :account, 'Camille D.', 4, :title, 'Un miel doux, parfait au petit déjeuner.')
				RETURNING id""")
			.param("product", product)
			.param("account", this.accounts.customer().getId())
			.param("title", title)
			.query(Long.class)
			.single();
		desktop();
		logIn(Role.EDITOR);
		open("/admin/reviews");
		String pending = "main li[data-review='" + review + "']";
		assertThat(browser.findElement(By.cssSelector(pending)).getText()).contains(title, "Miel de la modération",
				"4 étoiles sur 5", "Camille D.", "Un miel doux, parfait au petit déjeuner.");
		assertThat(browser.findElement(By.cssSelector("main")).getText()).doesNotContain("Aucun avis en attente.");

		press(By.cssSelector(pending + " form[action$='/reject'] button"));
		waitUpTo5Seconds().until((driver) -> driver.findElement(By.cssSelector("main"))
			.getText()
			.contains("L'avis est refusé : il ne sera pas publié."));
		assertThat(browser.findElements(By.cssSelector(pending))).as("gone from the list").isEmpty();
		assertThat(this.jdbc.sql("SELECT status FROM module_reviews.review WHERE id = :id")
			.param("id", review)
			.query(String.class)
			.single()).isEqualTo("REJECTED");
	}

	@Test
	void theContactPagePassesAxeTheHtmlCheckerAndTheCspOnDesktopAndOnAPhone() {
		browser.manage().deleteAllCookies();
		assertFineOnDesktopAndPhone("/contact", "Nous contacter");
	}

	@Test
	void theNewsletterPagesPassAxeTheHtmlCheckerAndTheCspOnDesktopAndOnAPhone() {
		browser.manage().deleteAllCookies();
		assertFineOnDesktopAndPhone("/modules/newsletter/subscribe", "Inscription à la lettre d'information");
		assertFineOnDesktopAndPhone("/modules/newsletter/confirm?token=inconnu", "Lien invalide ou expiré");
		assertFineOnDesktopAndPhone("/modules/newsletter/unsubscribe?done", "Désinscription effectuée");
	}

	@Test
	void thePageTomcatSendsForAnOverlongAddressPassesAxeTheHtmlCheckerAndTheCspOnDesktopAndOnAPhone() {
		assertFineOnDesktopAndPhone("/products?q=" + "a".repeat(9000), "Demande refusée");
	}

	@Test
	void withoutJavaScriptTheContactFormPostsAndTheServerNamesEachEmptyFieldInFrench() {
		withoutJavaScript(() -> {
			desktop();
			open("/contact");
			assertThat(browser.findElement(By.tagName("html")).getDomAttribute("class")).as("no script ran").isNull();
			for (String field : List.of("name", "email", "subject", "message")) {
				assertThat(browser.findElement(By.id(field)).isDisplayed()).as(field + " shown").isTrue();
			}
			press(By.cssSelector("form[action='/contact'] button[type=submit]"));
			waitUpTo5Seconds()
				.until((driver) -> !driver.findElements(By.cssSelector("main .alert-danger[role=alert]")).isEmpty());
			assertThat(browser.findElement(By.cssSelector("main .alert-danger[role=alert]")).getText())
				.isEqualTo("Le message n'est pas parti : corrigez les champs signalés.");
			Map<String, String> errors = Map.of("name", "Saisissez votre nom.", "email",
					"Saisissez votre adresse e-mail.", "subject", "Choisissez le sujet de votre message.", "message",
					"Écrivez votre message.");
			errors.forEach((field, message) -> {
				assertThat(browser.findElement(By.id(field + "-error")).getText()).as(field).isEqualTo(message);
				assertThat(browser.findElement(By.id(field)).getDomAttribute("aria-invalid")).as(field)
					.isEqualTo("true");
			});
		});
	}

	@Test
	void withoutJavaScriptTheNewsletterFormPostsAndTheServerAsksForTheAddressInFrench() {
		withoutJavaScript(() -> {
			desktop();
			open("/modules/newsletter/subscribe");
			assertThat(browser.findElement(By.tagName("html")).getDomAttribute("class")).as("no script ran").isNull();
			assertThat(browser.findElement(By.id("newsletter-page-email")).getDomAttribute("type")).isEqualTo("email");
			press(By.xpath("//form[.//input[@id='newsletter-page-email']]//button[@type='submit']"));
			waitUpTo5Seconds().until((driver) -> !driver.findElements(By.id("newsletter-page-email-error")).isEmpty());
			assertThat(browser.findElement(By.id("newsletter-page-email-error")).getText())
				.isEqualTo("Saisissez votre adresse e-mail.");
			assertThat(browser.findElement(By.cssSelector("main .alert-danger[role=alert]")).getText())
				.isEqualTo("L'inscription n'a pas abouti : corrigez l'adresse signalée.");
			assertThat(browser.findElement(By.id("newsletter-page-email")).getDomAttribute("aria-invalid"))
				.isEqualTo("true");
		});
	}

	/**
	 * Loads a screen at desktop width, then at phone width: each time it must be the
	 * screen expected (not an error page) and pass axe, the Nu checker and the CSP check;
	 * on the phone, it must not scroll sideways.
	 * @param path the screen
	 * @param heading its main heading
	 */
	private void assertFineOnDesktopAndPhone(String path, String heading) {
		desktop();
		open(path);
		assertThat(browser.findElement(By.tagName("h1")).getText()).as("heading of " + path).isEqualTo(heading);
		assertPageQuality();
		mobile();
		open(path);
		assertThat(browser.findElement(By.tagName("h1")).getText()).as("heading of " + path).isEqualTo(heading);
		assertPageQuality();
		assertThat(horizontalOverflow()).as("horizontal scroll on " + path).isLessThanOrEqualTo(0);
		desktop();
	}

	/**
	 * Runs steps in a second Chromium with JavaScript turned off, started as
	 * {@link WithoutJavaScriptBrowserTests} starts its own, then gives this class its
	 * browser back.
	 * @param steps what to do without scripts
	 */
	private void withoutJavaScript(Runnable steps) {
		ChromeDriver withScripts = browser;
		browser = Browser.start(false);
		try {
			steps.run();
		}
		finally {
			browser.quit();
			browser = withScripts;
		}
	}

}
