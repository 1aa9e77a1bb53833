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
import static org.assertj.core.api.Assertions.tuple;
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
				SELECT count(*) FROM stock_movement m JOIN product_variant p ON p.id = m.variant_id
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
			this.jdbc
				.sql("""
						WITH product_row AS (
						    INSERT INTO product (category_id, sku, name, slug, summary, description, price_cents, vat_rate,
						                         active)
						    VALUES (:category, :sku, :name, :slug, :name, :name, 1250, 5.50, false)
						    RETURNING id, sku)
						INSERT INTO product_variant (product_id, sku, price_cents, stock) SELECT id, sku, 1250, 2 FROM product_row""")
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

	@Test
	void aProductInSeveralVariantsIsExportedOneLinePerVariantWithItsOptions() {
		StringWriter exported = new StringWriter();
		this.csv.export(exported);
		assertThat(exported.toString()).contains(";EPI-CONF-001;Contenance=250 g\r\n")
			.contains(";EPI-CONF-001-450;Contenance=450 g\r\n")
			.contains(";MAI-CERA-002-PRUSSE;Émail=Bleu de Prusse\r\n");
	}

	@Test
	void anImportAddsANewVariantWithItsOptionsAndTakesItsStockThroughTheHistory() {
		String prefix = prefix();
		String product = prefix + ";Bocal;" + prefix.toLowerCase()
				+ "-bocal;confitures-et-miels;%s;5,5;%s;non;Un bocal;" + "Un bocal de confiture;%s;%s\n";
		String file = HEADER + product.formatted("6,90", "4", prefix + "-250", "Contenance=250 g")
				+ product.formatted("10,90", "6", prefix + "-450", "contenance = 450 G");
		ProductCsv.Report report = this.csv.importAll(new StringReader(file));
		assertThat(report.errors()).isEmpty();
		assertThat(report.created()).isEqualTo(2);
		assertThat(this.jdbc.sql("""
				SELECT v.sku || ' ' || variant_label(v.id) || ' ' || v.price_cents || ' ' || v.stock
				FROM product_variant v JOIN product p ON p.id = v.product_id WHERE p.sku = :sku ORDER BY v.sku""")
			.param("sku", prefix)
			.query(String.class)
			.list()).containsExactly(prefix + "-250 250 g 690 4", prefix + "-450 450 g 1090 6");
		assertThat(this.jdbc.sql("SELECT price_cents || ' ' || stock FROM product WHERE sku = :sku")
			.param("sku", prefix)
			.query(String.class)
			.single()).as("the product's summary: lowest price, total stock").isEqualTo("690 10");
	}

	@Test
	void anUnknownOptionATakenCombinationOrAProductDescribedTwiceDifferentlyImportsNothing() {
		String prefix = prefix();
		String product = prefix + ";Bocal;" + prefix.toLowerCase() + "-bocal;confitures-et-miels;6,90;5,5;1;oui;%s;"
				+ "Un bocal de confiture;%s;%s\n";
		String file = HEADER + product.formatted("Un bocal", prefix + "-A", "Contenance=250 g")
				+ product.formatted("Un bocal", prefix + "-B", "Contenance=3 tonnes")
				+ product.formatted("Un bocal", prefix + "-C", "Contenance=250 g")
				+ product.formatted("Un autre résumé", prefix + "-D", "Contenance=450 g")
				+ product.formatted("Un bocal", "EPI-CONF-001-450", "Contenance=500 g");
		ProductCsv.Report report = this.csv.importAll(new StringReader(file));
		assertThat(report.errors()).extracting(ProductCsv.Error::line, ProductCsv.Error::messageKey)
			.containsExactly(tuple(3, "csv.error.option"), tuple(4, "csv.error.combination-taken"),
					tuple(5, "csv.error.product-differs"), tuple(6, "csv.error.variant-elsewhere"));
		assertThat(count(prefix)).as("nothing written").isZero();
	}

	@Test
	void aFileMadeBeforeVariantsIsStillImportedOneVariantPerProduct() {
		String prefix = prefix();
		String file = String.join(";", ProductCsv.PRODUCT_COLUMNS) + "\n" + prefix + ";Ancien format;"
				+ prefix.toLowerCase() + "-ancien;confitures-et-miels;4,50;5,5;3;non;Résumé;Texte\n";
		ProductCsv.Report report = this.csv.importAll(new StringReader(file));
		assertThat(report.errors()).isEmpty();
		assertThat(this.jdbc.sql("""
				SELECT v.sku || ' ' || v.price_cents || ' ' || v.stock || ' ' || v.combination
				FROM product_variant v JOIN product p ON p.id = v.product_id WHERE p.sku = :sku""")
			.param("sku", prefix)
			.query(String.class)
			.single()).isEqualTo(prefix + " 450 3 ");
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
				.append(";non;Un résumé; avec point-virgule;\"Une description\nsur deux lignes\";;\n".replace("; avec",
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
