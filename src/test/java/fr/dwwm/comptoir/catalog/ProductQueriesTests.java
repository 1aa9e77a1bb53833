package fr.dwwm.comptoir.catalog;

import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The catalog's hand-written SQL on the real PostgreSQL: French full-text search, typo
 * tolerance, filters, sorts and pagination.
 */
@IntegrationTest
class ProductQueriesTests {

	@Autowired
	private ProductQueries queries;

	@Autowired
	private JdbcClient jdbc;

	private CatalogFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new CatalogFixtures(this.jdbc);
	}

	@ParameterizedTest
	@ValueSource(strings = { "confiture figue", "CONFITURES DE FIGUES", "confitures de figues", "Confiture de figues" })
	void frenchSearchIgnoresCasePluralsAndStopWords(String text) {
		ProductPage page = this.queries.find(ProductFilter.search(text, 0, 12));
		assertThat(names(page)).contains("Confiture de figues");
		assertThat(page.correctedText()).isNull();
	}

	@Test
	void aMistypedWordIsCorrectedAndReported() {
		ProductPage page = this.queries.find(ProductFilter.search("figes", 0, 12));
		assertThat(names(page)).contains("Confiture de figues");
		assertThat(page.correctedText()).isEqualTo("figues");
	}

	@Test
	void searchIgnoresAccents() {
		long category = this.fixtures.category("Crèmerie", null);
		this.fixtures.product(category, "Crème de marrons", 700, 5, Map.of());
		ProductFilter filter = new ProductFilter("creme marron", category, null, null, false, false, Map.of(),
				ProductSort.RELEVANCE, 0, 12);
		assertThat(names(this.queries.find(filter))).containsExactly("Crème de marrons");
	}

	@Test
	void theNameWeighsMoreThanTheDescription() {
		long category = this.fixtures.category("Pertinence", null);
		this.jdbc.sql("UPDATE product SET description = 'Se marie avec une tartine de miel.' WHERE id = :id")
			.param("id", this.fixtures.product(category, "Pain d'épices", 900, 5, Map.of()))
			.update();
		this.fixtures.product(category, "Miel de lavande", 1200, 5, Map.of());
		ProductFilter filter = new ProductFilter("miel", category, null, null, false, false, Map.of(),
				ProductSort.RELEVANCE, 0, 12);
		assertThat(names(this.queries.find(filter))).containsExactly("Miel de lavande", "Pain d'épices");
	}

	@ParameterizedTest
	@ValueSource(strings = { "'; DROP TABLE product; --", "<script>alert(1)</script>", "\" OR 1=1 --", "%_\\",
			"!!! & | :*", "confiture) | (figue" })
	void hostileSearchTextIsJustText(String text) {
		ProductPage page = this.queries.find(ProductFilter.search(text, 0, 12));
		assertThat(page.total()).isGreaterThanOrEqualTo(0);
		assertThat(this.jdbc.sql("SELECT count(*) FROM product").query(Long.class).single()).isPositive();
	}

	@Test
	void aCategoryListsItsWholeSubtreeAndOnlyActiveProducts() {
		long parent = this.fixtures.category("Rayon", null);
		long child = this.fixtures.category("Sous-rayon", parent);
		this.fixtures.product(parent, "Produit du rayon", 500, 1, Map.of());
		this.fixtures.product(child, "Produit du sous-rayon", 600, 1, Map.of());
		long hidden = this.fixtures.product(child, "Produit caché", 700, 1, Map.of());
		this.jdbc.sql("UPDATE product SET active = false WHERE id = :id").param("id", hidden).update();

		assertThat(names(this.queries.find(inCategory(parent, ProductSort.NAME)))).containsExactly("Produit du rayon",
				"Produit du sous-rayon");
		assertThat(names(this.queries.find(inCategory(child, ProductSort.NAME))))
			.containsExactly("Produit du sous-rayon");
	}

	@Test
	void pricesAvailabilityAndAttributesFilterTheList() {
		long category = this.fixtures.category("Filtres", null);
		this.fixtures.product(category, "Bol bleu", 1500, 3, Map.of("couleur", "bleu", "matière", "grès"));
		this.fixtures.product(category, "Bol vert", 2500, 0, Map.of("couleur", "vert", "matière", "grès"));
		this.fixtures.product(category, "Tasse bleue", 900, 8, Map.of("couleur", "bleu", "matière", "porcelaine"));

		assertThat(names(this.queries.find(filter(category, 1000, 2000, false, Map.of())))).containsExactly("Bol bleu");
		assertThat(names(this.queries.find(filter(category, null, null, true, Map.of())))).containsExactly("Bol bleu",
				"Tasse bleue");
		assertThat(names(this.queries.find(filter(category, null, null, false, Map.of("couleur", List.of("bleu"))))))
			.containsExactly("Bol bleu", "Tasse bleue");
		assertThat(names(this.queries.find(filter(category, null, null, false,
				Map.of("couleur", List.of("bleu", "vert"), "matière", List.of("grès"))))))
			.containsExactly("Bol bleu", "Bol vert");
	}

	@Test
	void anOptionValueFiltersAndCountsLikeAnAttributeThroughTheVariantsStillSold() {
		long category = this.fixtures.category("Filtres par option", null);
		long[] sizes = this.fixtures.options("Contenance", "250 g", "450 g");
		String size = this.jdbc
			.sql("SELECT t.name FROM option_type t JOIN option_value v ON v.option_type_id = t.id "
					+ "WHERE v.id = :id")
			.param("id", sizes[0])
			.query(String.class)
			.single();
		long figs = this.fixtures.product(category, "Confiture de figues", 690, 5, Map.of());
		this.fixtures.withOptions(this.fixtures.variantOf(figs), sizes[0]);
		this.fixtures.variant(figs, 1090, 2, sizes[1]);
		long plums = this.fixtures.product(category, "Confiture de prunes", 650, 5, Map.of());
		this.fixtures.withOptions(this.fixtures.variantOf(plums), sizes[0]);
		long withdrawn = this.fixtures.variant(plums, 990, 2, sizes[1]);
		this.jdbc.sql("UPDATE product_variant SET active = false WHERE id = :id").param("id", withdrawn).update();

		assertThat(names(this.queries.find(filter(category, null, null, false, Map.of(size, List.of("450 g"))))))
			.as("the plums' 450 g is no longer sold")
			.containsExactly("Confiture de figues");
		assertThat(names(this.queries.find(filter(category, null, null, false, Map.of(size, List.of("250 g"))))))
			.containsExactly("Confiture de figues", "Confiture de prunes");
		Facets facets = this.queries.facets(filter(category, null, null, false, Map.of()), List.of(size));
		assertThat(facets.attributes().get(size)).extracting(Facets.Value::text, Facets.Value::products)
			.containsExactly(tuple("250 g", 2), tuple("450 g", 1));
		ProductPage page = this.queries.find(filter(category, null, null, false, Map.of()));
		assertThat(page.items()).extracting(ProductCard::name, ProductCard::priceCents, ProductCard::priceFrom)
			.as("« à partir de » the lowest price of the variants still sold")
			.containsExactlyInAnyOrder(tuple("Confiture de figues", 690, true),
					tuple("Confiture de prunes", 650, false));
	}

	@Test
	void sortsComeFromTheAllowList() {
		long category = this.fixtures.category("Tris", null);
		this.fixtures.product(category, "Écuelle", 3000, 1, Map.of());
		this.fixtures.product(category, "Assiette", 1000, 1, Map.of());
		this.fixtures.product(category, "Bol", 2000, 1, Map.of());

		assertThat(names(this.queries.find(inCategory(category, ProductSort.NAME))))
			.as("French collation: É sorts with E")
			.containsExactly("Assiette", "Bol", "Écuelle");
		assertThat(names(this.queries.find(inCategory(category, ProductSort.PRICE_ASC)))).containsExactly("Assiette",
				"Bol", "Écuelle");
		assertThat(names(this.queries.find(inCategory(category, ProductSort.PRICE_DESC)))).containsExactly("Écuelle",
				"Bol", "Assiette");
		assertThat(names(this.queries.find(inCategory(category, ProductSort.NEWEST)))).containsExactly("Bol",
				"Assiette", "Écuelle");
		assertThat(ProductSort.fromParameter("price_cents; DROP TABLE product")).isEqualTo(ProductSort.RELEVANCE);
	}

	@Test
	void pagesAreStableAndCountEverything() {
		long category = this.fixtures.category("Pages", null);
		for (int i = 1; i <= 5; i++) {
			this.fixtures.product(category, "Article " + i, 100 * i, 1, Map.of());
		}
		ProductFilter firstPage = new ProductFilter(null, category, null, null, false, false, Map.of(),
				ProductSort.PRICE_ASC, 0, 2);
		ProductPage first = this.queries.find(firstPage);
		ProductPage last = this.queries
			.find(new ProductFilter(null, category, null, null, false, false, Map.of(), ProductSort.PRICE_ASC, 2, 2));
		ProductPage beyond = this.queries
			.find(new ProductFilter(null, category, null, null, false, false, Map.of(), ProductSort.PRICE_ASC, 9, 2));

		assertThat(names(first)).containsExactly("Article 1", "Article 2");
		assertThat(first.total()).isEqualTo(5);
		assertThat(first.pageCount()).isEqualTo(3);
		assertThat(names(last)).containsExactly("Article 5");
		assertThat(beyond.items()).isEmpty();
		assertThat(beyond.total()).isEqualTo(5);
	}

	@Test
	void cardsCarryTheFirstImage() {
		long category = this.fixtures.category("Images", null);
		long product = this.fixtures.product(category, "Pichet", 3200, 2, Map.of());
		for (int position : new int[] { 1, 0 }) {
			this.jdbc.sql("""
					INSERT INTO product_image (product_id, file_name, alt_text, position, width, height)
					VALUES (:product, :file, :alt, :position, 800, 600)""")
				.param("product", product)
				.param("file", java.util.UUID.randomUUID() + ".jpg")
				.param("alt", "Pichet, vue " + position)
				.param("position", position)
				.update();
		}
		ProductCard card = this.queries.find(inCategory(category, ProductSort.NAME)).items().get(0);
		assertThat(card.image()).isNotNull();
		assertThat(card.image().altText()).isEqualTo("Pichet, vue 0");
	}

	private static ProductFilter inCategory(long category, ProductSort sort) {
		return new ProductFilter(null, category, null, null, false, false, Map.of(), sort, 0, 24);
	}

	private static ProductFilter filter(long category, Integer min, Integer max, boolean inStock,
			Map<String, List<String>> attributes) {
		return new ProductFilter(null, category, min, max, inStock, false, attributes, ProductSort.NAME, 0, 24);
	}

	private static List<String> names(ProductPage page) {
		return page.items().stream().map(ProductCard::name).toList();
	}

}
