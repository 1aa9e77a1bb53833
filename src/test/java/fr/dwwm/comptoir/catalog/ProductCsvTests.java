package fr.dwwm.comptoir.catalog;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import fr.dwwm.comptoir.security.Factors;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Products imported from and exported to CSV: thousands of lines in one go, all or
 * nothing, every wrong line reported.
 */
@IntegrationTest
class ProductCsvTests {

	private static final String HEADER = String.join(";", ProductCsv.COLUMNS) + "\n";

	@Autowired
	private ProductCsv csv;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Test
	void fiveThousandLinesAreImportedAtOnce() {
		String prefix = prefix();
		long start = System.nanoTime();
		ProductCsv.Report report = this.csv.importAll(new StringReader(file(prefix, 5000, -1)));
		long millis = (System.nanoTime() - start) / 1_000_000;
		LoggerFactory.getLogger(ProductCsvTests.class).info("Imported 5000 CSV lines in {} ms", millis);
		assertThat(report.imported()).isTrue();
		assertThat(report.created()).isEqualTo(5000);
		assertThat(count(prefix)).isEqualTo(5000);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM stock_movement m JOIN product p ON p.id = m.product_id
				WHERE p.sku LIKE :prefix AND m.reason = 'IMPORT'""")
			.param("prefix", prefix + "%")
			.query(Integer.class)
			.single()).as("each stock set (not the 714 left at 0) recorded as a movement").isEqualTo(5000 - 5000 / 7);

		ProductCsv.Report again = this.csv.importAll(new StringReader(file(prefix, 5000, -1)));
		assertThat(again.updated()).as("the same file again updates, creates nothing").isEqualTo(5000);
		assertThat(count(prefix)).isEqualTo(5000);
	}

	@Test
	void oneBadLineImportsNothingAndIsReportedWithItsNumber() {
		String prefix = prefix();
		ProductCsv.Report report = this.csv.importAll(new StringReader(file(prefix, 3000, 1500)));
		assertThat(report.imported()).isFalse();
		assertThat(report.errors()).singleElement().satisfies((error) -> {
			assertThat(error.line()).as("line 1 is the header").isEqualTo(1501);
			assertThat(error.messageKey()).isEqualTo("csv.error.price");
		});
		assertThat(count(prefix)).as("nothing written").isZero();
	}

	@Test
	void anExportImportsBackUnchanged() {
		String prefix = prefix();
		this.csv.importAll(new StringReader(file(prefix, 3, -1)));
		StringWriter exported = new StringWriter();
		this.csv.export(exported);
		assertThat(exported.toString()).startsWith(HEADER.strip())
			.contains(prefix + "-1;\"Produit 1 \"\"importé\"\"\"");
		ProductCsv.Report report = this.csv.importAll(new StringReader(exported.toString()));
		assertThat(report.errors()).isEmpty();
		assertThat(report.created()).isZero();
	}

	@Test
	void textsThatLookLikeFormulasAreExportedProtectedAndComeBackExactlyWhenTheExportIsImported() {
		String prefix = prefix();
		long category = this.jdbc.sql("SELECT id FROM category WHERE slug = 'confitures-et-miels'")
			.query(Long.class)
			.single();
		List<String> names = List.of("=1+1 confiture", "+33 miel", "-20 % sur le thé", "@maison", "\t=1 tab",
				"\r=1 retour", "'=1 déjà protégé", "''", "'Tis the season");
		for (int i = 0; i < names.size(); i++) {
			this.jdbc.sql("""
					INSERT INTO product (category_id, sku, name, slug, summary, description, price_cents, vat_rate,
					                     stock, active)
					VALUES (:category, :sku, :name, :slug, :name, :name, 1250, 5.50, 2, false)""")
				.param("category", category)
				.param("sku", prefix + "-" + i)
				.param("name", names.get(i))
				.param("slug", prefix.toLowerCase() + "-formule-" + i)
				.update();
		}
		StringWriter exported = new StringWriter();
		this.csv.export(exported);
		assertThat(exported.toString()).contains(prefix + "-0;\"'=1+1 confiture\"")
			.contains(prefix + "-8;'Tis the season;");
		this.jdbc
			.sql("UPDATE product SET name = 'effacé', summary = 'effacé', description = 'effacé' WHERE sku LIKE :p")
			.param("p", prefix + "-%")
			.update();

		ProductCsv.Report report = this.csv.importAll(new StringReader(exported.toString()));

		assertThat(report.errors()).isEmpty();
		List<String> imported = this.jdbc
			.sql("SELECT name || '|' || summary || '|' || description FROM product WHERE sku LIKE :p ORDER BY id")
			.param("p", prefix + "-%")
			.query(String.class)
			.list();
		assertThat(imported)
			.containsExactlyElementsOf(names.stream().map((name) -> name + "|" + name + "|" + name).toList());
	}

	@Test
	void theImportPageReportsTheWrongLinesInFrench() throws Exception {
		String prefix = prefix();
		MockMultipartFile upload = new MockMultipartFile("file", "produits.csv", "text/csv",
				file(prefix, 5, 3).getBytes(StandardCharsets.UTF_8));
		this.mvc
			.perform(multipart("/admin/products/import").file(upload)
				.with(csrf())
				.with(user("editeur@exemple.test").authorities(new SimpleGrantedAuthority("ROLE_EDITOR"),
						new SimpleGrantedAuthority(Factors.TOTP))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Une ligne est incorrecte : rien n&#39;a été importé.")))
			.andExpect(content().string(containsString("Prix « douze » invalide : écrivez par exemple 12,50.")));
		this.mvc
			.perform(get("/admin/products/export.csv").with(user("editeur@exemple.test")
				.authorities(new SimpleGrantedAuthority("ROLE_EDITOR"), new SimpleGrantedAuthority(Factors.TOTP))))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/csv;charset=UTF-8"));
	}

	/** A file of products in an existing category, with a wrong price on one line. */
	private static String file(String prefix, int lines, int badLine) {
		StringBuilder file = new StringBuilder(HEADER);
		for (int i = 1; i <= lines; i++) {
			file.append(prefix)
				.append('-')
				.append(i)
				.append(";\"Produit ")
				.append(i)
				.append(" \"\"importé\"\"\";")
				.append(prefix.toLowerCase())
				.append("-produit-")
				.append(i)
				.append(";confitures-et-miels;")
				.append((i == badLine) ? "douze" : "12,50")
				.append(";5,5;")
				.append(i % 7)
				.append(";non;Un résumé; avec point-virgule;\"Une description\nsur deux lignes\"\n".replace("; avec",
						", avec"));
		}
		return file.toString();
	}

	private int count(String prefix) {
		return this.jdbc.sql("SELECT count(*) FROM product WHERE sku LIKE :prefix")
			.param("prefix", prefix + "%")
			.query(Integer.class)
			.single();
	}

	private static String prefix() {
		return "CSV" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "");
	}

}
