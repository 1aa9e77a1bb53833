package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Injection, as an attacker tries it from outside: formulas planted in product texts to
 * run in the spreadsheet of whoever exports the catalog (CSV injection), SQL and markup
 * typed into the search field and its API, markup stored as a customer's name for the
 * pages of the customer and of the staff who read it (stored cross-site scripting); a
 * parameter carried into a redirect's address, read as a template or split into a header.
 */
@IntegrationTest
class InjectionAttackTests {

	/** What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"). */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1",
			"\r=1");

	private static final List<String> SEARCH_PAYLOADS = List.of("' OR 1=1--", "'; DROP TABLE product;--",
			"%' AND pg_sleep(5)--", "\"><svg onload=alert(1)>");

	/** A first name that runs a script if written as HTML. */
	private static final String SCRIPT_NAME = "<script>alert('prénom')</script>";

	/** A last name that leaves an attribute, then runs a script if written as HTML. */
	private static final String ATTRIBUTE_NAME = "\"><img src=x onerror=alert(1)>";

	/** An address label that runs a script if written as HTML. */
	private static final String SVG_LABEL = "<svg onload=alert(2)>";

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestAccounts accounts;

	@LocalServerPort
	private int port;

	@Test
	void aVariantParameterCarriedByAFormerAddressIsEncodedNeverReadAsATemplateNorAHeader() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long product = fixtures.product(fixtures.category("Rayon déplacé " + unique, null), "Bol " + unique, 900, 1,
				Map.of());
		this.jdbc.sql("UPDATE product SET slug = :slug WHERE id = :id")
			.param("slug", "bol-actuel-" + unique)
			.param("id", product)
			.update();
		this.jdbc.sql("INSERT INTO product_former_slug (slug, product_id) VALUES (:slug, :id)")
			.param("slug", "bol-ancien-" + unique)
			.param("id", product)
			.update();

		for (String hostile : List.of("%7Bx%7D", "%7B%7D", "%0D%0ASet-Cookie:%20vole=1", "%22%3E%3Cscript%3E",
				"A".repeat(3000))) {
			HttpResponse<String> answer = new Http(this.port)
				.get("/products/bol-ancien-" + unique + "?variant=" + hostile);
			String shown = hostile.substring(0, Math.min(12, hostile.length()));
			assertThat(answer.statusCode()).as("variant " + shown).isEqualTo(301);
			assertThat(answer.headers().firstValue("Location").orElseThrow()).as("variant " + shown)
				.contains("/products/bol-actuel-" + unique + "?variant=")
				.doesNotContain("\r", "\n", "<", "\"", "{");
			assertThat(answer.headers().allValues("Set-Cookie")).as("variant " + shown)
				.noneMatch((cookie) -> cookie.contains("vole"));
		}
	}

	@Test
	void formulasPlantedInProductTextsAreExportedAsPlainTextThatNoSpreadsheetRuns() {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long category = fixtures.category("Rayon piégé", null);
		String prefix = "ATK" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "");
		for (int i = 0; i < FORMULAS.size(); i++) {
			String formula = FORMULAS.get(i);
			// Inactive, so that no storefront page of another test lists them; the export
			// includes every product.
			this.jdbc
				.sql("""
						WITH product_row AS (
						    INSERT INTO product (category_id, sku, name, slug, summary, description, price_cents, vat_rate,
						                         active)
						    VALUES (:category, :sku, :name, :slug, :summary, :description, 1000, 5.50, false)
						    RETURNING id, sku)
						INSERT INTO product_variant (product_id, sku, price_cents, stock) SELECT id, sku, 1000, 3 FROM product_row""")
				.param("category", category)
				.param("sku", prefix + "-" + i)
				.param("name", formula + " nom")
				.param("slug", prefix.toLowerCase() + "-formule-" + i)
				.param("summary", formula + " résumé")
				.param("description", formula)
				.update();
		}

		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		HttpResponse<String> export = editor.http().get("/admin/products/export.csv");

		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		List<List<String>> records = readCsv(export.body().replace("\uFEFF", ""));
		List<List<String>> planted = records.stream().filter((record) -> record.get(0).startsWith(prefix)).toList();
		assertThat(planted).as("the planted products are in the export").hasSize(FORMULAS.size());
		for (List<String> record : records) {
			for (String cell : record) {
				assertThat(!cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0)
					.as("cell %s of line %s starts like a formula", visible(cell), record.get(0))
					.isFalse();
			}
		}
	}

	@Test
	void sqlAndMarkupTypedInTheSearchFieldAndItsApiAreAnsweredWithoutErrorAndNeverReflectedAsHtml() {
		int products = countProducts();
		Http visitor = new Http(this.port);
		for (String payload : SEARCH_PAYLOADS) {
			HttpResponse<String> page = visitor.get("/search?q=" + Http.encode(payload));
			assertThat(page.statusCode()).as("search page for %s", payload).isLessThan(500);
			assertThat(page.body()).as("search page for %s", payload)
				.doesNotContain("<svg onload")
				.doesNotContain("\"><svg");
			assertThat(Jsoup.parse(page.body()).select("[onload]")).as("elements with onload for %s", payload)
				.isEmpty();

			HttpResponse<String> api = visitor.get("/api/v1/search?q=" + Http.encode(payload), "Accept",
					"application/json");
			assertThat(api.statusCode()).as("search API for %s", payload).isLessThan(500);
			assertThat(api.headers().firstValue("Content-Type")).as("search API for %s", payload)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
			assertThat(api.body()).as("search API for %s", payload).doesNotContain("<svg").doesNotContain("\"><");
		}
		assertThat(this.jdbc.sql("SELECT to_regclass('public.product') IS NOT NULL").query(Boolean.class).single())
			.as("the product table still exists")
			.isTrue();
		assertThat(countProducts()).as("no product added or removed by the payloads").isEqualTo(products);
	}

	@Test
	void markupSavedAsANameIsShownAsTextToTheCustomerAndToTheStaffWhoReadIt() {
		Account customer = this.accounts.customer();
		Http browser = new Http(this.port);
		Attacker.signIn(browser, customer.getEmail());
		assertThat(browser
			.postForm("/account/profile", "/account/profile",
					Map.of("firstName", SCRIPT_NAME, "lastName", ATTRIBUTE_NAME, "phone", "", "language", "fr"))
			.statusCode()).as("the names are accepted: a name may hold any character").isEqualTo(302);
		assertThat(browser.postForm("/account/addresses/new", "/account/addresses",
				Map.of("label", SVG_LABEL, "firstName", SCRIPT_NAME, "lastName", ATTRIBUTE_NAME, "line1",
						"8 rue des Lilas", "postalCode", "75011", "city", "Paris", "country", "FR", "default", "on"))
			.statusCode()).isEqualTo(302);
		long variant = this.jdbc.sql("SELECT id FROM product_variant WHERE sku = 'EPI-CONF-001'")
			.query(Long.class)
			.single();
		browser.postForm("/products/confiture-de-figues", "/cart/lines",
				Map.of("variantId", String.valueOf(variant), "quantity", "1"));

		assertShownAsText(browser.get("/account"), "/account", SCRIPT_NAME);
		assertShownAsText(browser.get("/account/profile"), "/account/profile", SCRIPT_NAME, ATTRIBUTE_NAME);
		assertShownAsText(browser.get("/account/addresses"), "/account/addresses", SCRIPT_NAME, ATTRIBUTE_NAME,
				SVG_LABEL);
		assertShownAsText(browser.get("/checkout"), "/checkout", SCRIPT_NAME, ATTRIBUTE_NAME, SVG_LABEL);
		Http admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port).http();
		assertShownAsText(admin.get("/admin/customers/" + customer.getId()), "/admin/customers/{id}", SCRIPT_NAME,
				ATTRIBUTE_NAME);
		assertShownAsText(admin.get("/admin/customers?q=" + Http.encode(customer.getEmail())), "/admin/customers",
				SCRIPT_NAME, ATTRIBUTE_NAME);
	}

	/**
	 * Checks that a page shows each value as text, and that no element of the page can
	 * run it: no script with it, no event attribute, the raw markup nowhere in the HTML.
	 * @param response the page
	 * @param page its name, for the messages
	 * @param values what the page must show, as typed
	 */
	private static void assertShownAsText(HttpResponse<String> response, String page, String... values) {
		assertThat(response.statusCode()).as(page).isEqualTo(200);
		Document document = Jsoup.parse(response.body());
		String shown = document.text() + " " + document.select("input, textarea").eachAttr("value");
		for (String value : values) {
			assertThat(shown).as("%s shows %s", page, value).contains(value);
		}
		assertThat(response.body()).as(page)
			.doesNotContain("<script>alert")
			.doesNotContain("<img src=x")
			.doesNotContain("<svg onload");
		assertThat(document.select("[onerror], [onload], img[src=x]")).as("%s: elements the names made", page)
			.isEmpty();
		assertThat(document.select("script")).as("%s: scripts", page)
			.noneMatch((script) -> script.data().contains("alert("));
	}

	private int countProducts() {
		return this.jdbc.sql("SELECT count(*) FROM product").query(Integer.class).single();
	}

	private static String visible(String cell) {
		return "«" + cell.replace("\t", "\\t").replace("\r", "\\r") + "»";
	}

	/**
	 * Reads a CSV file the way a spreadsheet does (RFC 4180, semicolons): written apart
	 * from the shop's own reader, so that a fault shared by the shop's writer and reader
	 * cannot hide.
	 */
	private static List<List<String>> readCsv(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (c == ';') {
				record.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				// The line end CRLF: the \n ends the record.
			}
			else if (c == '\n') {
				record.add(cell.toString());
				records.add(record);
				record = new ArrayList<>();
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		if (!cell.isEmpty() || !record.isEmpty()) {
			record.add(cell.toString());
			records.add(record);
		}
		return records;
	}

}
