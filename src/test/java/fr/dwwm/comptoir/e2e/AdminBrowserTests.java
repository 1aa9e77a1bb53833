package fr.dwwm.comptoir.e2e;

import fr.dwwm.comptoir.account.PostalAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.cart.Carts;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.order.Checkout;
import fr.dwwm.comptoir.order.NewOrder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The back-office in a real browser, as an administrator and as an editor, each logged in
 * with a password and an authenticator code: dashboard with its charts, an order moved
 * along its state machine, and what an editor may not open.
 */
class AdminBrowserTests extends BrowserTest {

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private Checkout checkout;

	@Autowired
	private Carts carts;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anAdministratorReadsTheDashboardThenPreparesAndShipsAnOrder() {
		desktop();
		String reference = placeOrder();
		logIn(Role.ADMIN);
		open("/admin");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tableau de bord");
		waitUpTo5Seconds().until((driver) -> Boolean.TRUE
			.equals(browser.executeScript("return !!(window.Chart && Chart.getChart('sales-chart'))")));
		assertThat(browser.findElements(By.cssSelector(".admin-kpi"))).hasSize(4);
		screenshot("tableau-de-bord-1280");
		assertPageQuality();

		open("/admin/orders?status=PAID");
		assertPageQuality();
		open("/admin/orders/" + reference);
		assertThat(browser.findElement(By.cssSelector(".order-status")).getText()).isEqualTo("Payée");
		screenshot("commande-admin-1280");
		assertPageQuality();
		press(By.xpath("//button[normalize-space()='Passer en préparation']"));
		waitUpTo5Seconds()
			.until((driver) -> "En préparation".equals(driver.findElement(By.cssSelector(".order-status")).getText()));
		browser.findElement(By.id("trackingNumber")).sendKeys("6A5555555555", Keys.ENTER);
		waitUpTo5Seconds()
			.until((driver) -> "Expédiée".equals(driver.findElement(By.cssSelector(".order-status")).getText()));
		assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("Numéro de suivi : 6A5555555555");
		assertPageQuality();
	}

	@Test
	void anEditorOpensTheDashboardButNeitherOrdersNorCustomers() {
		desktop();
		logIn(Role.EDITOR);
		open("/admin");
		assertThat(browser.findElement(By.cssSelector(".admin-menu")).getText()).doesNotContain("Commandes")
			.doesNotContain("Clients");
		// The editor's dashboard (low stock only, no figures of sales) at both widths.
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Chiffre d'affaires");
		assertPageQuality();
		mobile();
		assertPageQuality();
		assertThat(horizontalOverflow()).isLessThanOrEqualTo(0);
		desktop();
		open("/admin/orders");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Accès refusé");
		assertPageQuality();
	}

	@Test
	void anEditorChangesAProductAdjustsItsStockAndVisitsTheCatalogScreens() {
		desktop();
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long id = fixtures.product(fixtures.category("Rayon de l'éditeur", null), "Moutarde à l'ancienne", 450, 12,
				Map.of());
		logIn(Role.EDITOR);
		open("/admin/products?q=moutarde");
		assertPageQuality();
		open("/admin/products/" + id);
		screenshot("formulaire-produit-1280");
		assertPageQuality();
		WebElement price = browser.findElement(By.id("price"));
		price.sendKeys(Keys.chord(Keys.CONTROL, "a"), "4,90", Keys.ENTER);
		waitUpTo5Seconds()
			.until((driver) -> driver.findElement(By.cssSelector("main")).getText().contains("Produit enregistré."));
		assertThat(this.jdbc.sql("SELECT price_cents FROM product WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(490);
		browser.findElement(By.id("stock-delta")).sendKeys("-2");
		browser.findElement(By.id("stock-note")).sendKeys("Pots abîmés", Keys.ENTER);
		waitUpTo5Seconds()
			.until((driver) -> driver.findElement(By.id("stock-history")).getText().contains("Pots abîmés"));
		assertThat(browser.findElement(By.id("stock-now")).getDomProperty("value")).isEqualTo("10");
		assertPageQuality();
		open("/admin/categories");
		String category = "Rayon du navigateur " + UUID.randomUUID().toString().substring(0, 6);
		browser.findElement(By.id("new-name")).sendKeys(category, Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().matches(".*/admin/categories/[0-9]+"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(category);
		browser.findElement(By.id("active")).sendKeys(Keys.SPACE);
		browser.findElement(By.id("name")).sendKeys(Keys.ENTER);
		waitUpTo5Seconds()
			.until((driver) -> driver.findElement(By.cssSelector("main")).getText().contains("Rayon enregistré."));
		assertPageQuality();
		open("/admin/products/import");
		browser.findElement(By.id("file")).sendKeys(csvFile().toString());
		browser.findElement(By.cssSelector("form[data-import-form] button[type=submit]")).sendKeys(Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.findElement(By.cssSelector("main"))
			.getText()
			.contains("Import terminé : 2 lignes, 2 déclinaisons créées"));
		assertPageQuality();
	}

	/** A small CSV file on disk, as an editor would pick it. */
	private static java.nio.file.Path csvFile() {
		String prefix = "NAV" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
		String csv = String.join(";", fr.dwwm.comptoir.catalog.ProductCsv.COLUMNS) + "\n" + prefix
				+ "-1;Sel de Guérande;" + prefix.toLowerCase(Locale.ROOT)
				+ "-sel;epices-et-condiments;4,20;5,5;30;oui;Gros sel gris.;Récolté à la main.;;\n" + prefix
				+ "-2;Poivre de Kampot;" + prefix.toLowerCase(Locale.ROOT)
				+ "-poivre;epices-et-condiments;9,90;5,5;12;non;Poivre noir.;Du Cambodge.;;\n";
		try {
			java.nio.file.Path file = java.nio.file.Files.createTempFile("produits-", ".csv");
			java.nio.file.Files.writeString(file, csv);
			return file;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void anAdministratorFindsACustomerDisablesTheAccountAndReadsItInTheAuditLog() {
		desktop();
		Account customer = this.accounts.customer();
		logIn(Role.ADMIN);
		open("/admin/customers");
		browser.findElement(By.id("customers-q")).sendKeys(customer.getEmail(), Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("q="));
		assertPageQuality();
		press(By.xpath("//tr[td[normalize-space()='" + customer.getEmail() + "']]//a"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().matches(".*/admin/customers/[0-9]+"));
		assertPageQuality();
		press(By.xpath("//button[normalize-space()='Désactiver le compte']"));
		waitUpTo5Seconds().until(
				(driver) -> driver.findElement(By.cssSelector("main")).getText().contains("Le compte est désactivé"));
		assertPageQuality();
		open("/admin/audit");
		browser.findElement(By.id("audit-action")).sendKeys("CUSTOMER_DISABLE", Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("action=CUSTOMER_DISABLE"));
		assertThat(browser.findElement(By.cssSelector("main table")).getText()).contains("CUSTOMER_DISABLE");
		assertPageQuality();
	}

	/**
	 * Every back-office screen, once: at 1280 px its colours are the charter's and it
	 * does not scroll sideways; at 375 px it passes axe and the Nu checker and does not
	 * scroll sideways either.
	 */
	@Test
	void everyBackOfficeScreenKeepsTheCharterAndFits1280And375Pixels() {
		String reference = placeOrder();
		logIn(Role.ADMIN);
		List<String> outside = new ArrayList<>();
		for (String path : List.of("/admin", "/admin/orders", "/admin/orders/" + reference, "/admin/products",
				"/admin/products/new", "/admin/categories", "/admin/options", "/admin/products/import", "/admin/pages",
				"/admin/blocks", "/admin/menus", "/admin/hooks", "/admin/modules", "/admin/audit", "/admin/customers",
				"/admin/returns", "/admin/staff", "/admin/promo-codes", "/admin/promo-codes/new", "/admin/shipping")) {
			desktop();
			open(path);
			for (Object colour : (List<?>) browser.executeScript(COLOURS_OUTSIDE_THE_CHARTER)) {
				outside.add(path + " " + colour);
			}
			assertThat(horizontalOverflow()).as("horizontal scroll at 1280 px on " + path).isLessThanOrEqualTo(0);
			if (path.equals("/admin/audit")) {
				// The seventeen entries of the menu stand beside the page, one per line.
				List<WebElement> entries = browser.findElements(By.cssSelector(".admin-menu .nav-link"));
				assertThat(entries).hasSize(17);
				assertThat(entries.stream().map((entry) -> entry.getRect().getX()).distinct()).as("one column")
					.hasSize(1);
				assertThat(browser.executeScript(AUDIT_TEXT_CUT)).as("audit cells and filters cut or broken")
					.isEqualTo(List.of());
			}
			mobile();
			assertPageQuality();
			assertThat(horizontalOverflow()).as("horizontal scroll at 375 px on " + path).isLessThanOrEqualTo(0);
		}
		open("/sitemap");
		assertPageQuality();
		assertThat(horizontalOverflow()).as("horizontal scroll at 375 px on /sitemap").isLessThanOrEqualTo(0);
		desktop();
		assertThat(outside).as("colours that are not the charter's tokens (« Bootstrap blue »...)").isEmpty();
	}

	/**
	 * What the audit log's screen cuts or breaks: an author or a target spread over two
	 * lines (an e-mail address broken mid-word), a filter whose chosen option is wider
	 * than its list (« Tous les résulta »).
	 */
	private static final String AUDIT_TEXT_CUT = """
			const cut = [];
			const lines = (cell) => {
			  const range = document.createRange();
			  range.selectNodeContents(cell);
			  const tops = [...range.getClientRects()].map((box) => box.top).sort((a, b) => a - b);
			  const half = parseFloat(getComputedStyle(cell).fontSize) / 2;
			  return tops.filter((top, index) => index === 0 || top - tops[index - 1] > half).length;
			};
			for (const row of document.querySelectorAll('main table tbody tr')) {
			  for (const cell of [row.cells[1], row.cells[4]]) {
			    if (cell && lines(cell) > 1) { cut.push('two lines: ' + cell.textContent.trim()); }
			  }
			}
			const canvas = document.createElement('canvas').getContext('2d');
			for (const select of document.querySelectorAll('main form select')) {
			  const style = getComputedStyle(select);
			  canvas.font = style.font;
			  const text = canvas.measureText(select.options[select.selectedIndex].text).width;
			  if (text + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) > select.clientWidth) {
			    cut.push('cut: ' + select.options[select.selectedIndex].text);
			  }
			}
			return cut;""";

	/**
	 * Every colour the page paints (text, background, visible borders) that is none of
	 * the charter's tokens ({@code --cpt-color-*} of {@code comptoir.css}), alpha ignored
	 * (a token made lighter stays the token), as "element property colour".
	 */
	private static final String COLOURS_OUTSIDE_THE_CHARTER = """
			const names = new Set();
			for (const sheet of document.styleSheets) {
			  let rules;
			  try { rules = sheet.cssRules; } catch (error) { continue; }
			  const walk = (list) => { for (const rule of list) {
			    if (rule.cssRules) { walk(rule.cssRules); }
			    if (rule.style) { for (const property of rule.style) {
			      if (property.startsWith('--cpt-color-') && !property.endsWith('-rgb')) { names.add(property); } } }
			  } };
			  walk(rules);
			}
			const probe = document.createElement('span');
			document.body.append(probe);
			const rgb = (value) => (value.match(/[\\d.]+/g) || []).slice(0, 3).join(',');
			const tokens = new Set();
			for (const name of names) {
			  probe.style.color = `var(${name})`;
			  tokens.add(rgb(getComputedStyle(probe).color));
			}
			probe.remove();
			const transparent = (value) => /rgba\\(.*,\\s*0\\)$/.test(value) || value === 'transparent';
			const found = new Set();
			const describe = (element) => element.tagName.toLowerCase()
			    + (element.id ? '#' + element.id : '')
			    + (typeof element.className === 'string' && element.className.trim()
			        ? '.' + element.className.trim().split(/\\s+/).join('.') : '');
			for (const element of document.querySelectorAll('.admin *, .admin')) {
			  if (!element.checkVisibility()) { continue; }
			  const style = getComputedStyle(element);
			  const painted = [['color', style.color], ['background-color', style.backgroundColor]];
			  for (const side of ['top', 'right', 'bottom', 'left']) {
			    if (parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0
			        && style.getPropertyValue(`border-${side}-style`) !== 'none') {
			      painted.push([`border-${side}-color`, style.getPropertyValue(`border-${side}-color`)]);
			    }
			  }
			  for (const [property, value] of painted) {
			    if (!transparent(value) && !tokens.has(rgb(value))) {
			      found.add(describe(element) + ' ' + property + ' ' + value);
			    }
			  }
			}
			return [...found];""";

	private String placeOrder() {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long product = fixtures.product(fixtures.category("Écran des commandes", null), "Bocal du back-office", 1450,
				10, Map.of());
		long cart = this.carts.create(null);
		this.carts.add(cart, variantOf(product), 2);
		long total = this.checkout.quote(this.carts.view(cart), null, null).totals().totalCents();
		return this.checkout
			.place(new NewOrder(cart, null, "atelier-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test",
					Locale.FRANCE,
					new PostalAddress("Lou", "Bernard", "5 quai Rambaud", null, "69002", "Lyon", "FR", null), null,
					null, UUID.randomUUID(), total, new NewOrder.Card("4242424242424242", "12/39", "123", "L B")))
			.reference();
	}

	private long variantOf(long product) {
		return fr.dwwm.comptoir.catalog.CatalogFixtures.firstVariant(this.jdbc, product);
	}

}
