package fr.dwwm.comptoir.catalog;

import java.util.Map;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The storefront's pages as a search engine and a visitor without JavaScript receive
 * them: content, SEO metadata, structured data, search and filters.
 */
@IntegrationTest
class StorefrontPagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void everyStorefrontPageHasItsOwnTitleAndDescription() throws Exception {
		List<String> paths = List.of("/", "/products", "/products?category=ceramique", "/products/confiture-de-figues",
				"/search?q=miel", "/pages/cgv", "/pages/mentions-legales");
		Set<String> titles = new TreeSet<>();
		Set<String> descriptions = new TreeSet<>();
		for (String path : paths) {
			Document page = page(path);
			titles.add(page.title());
			descriptions.add(page.selectFirst("meta[name=description]").attr("content"));
			assertThat(page.select("h1")).as("one h1 on " + path).hasSize(1);
			assertThat(page.selectFirst("meta[property=og:title]").attr("content")).isNotBlank();
		}
		assertThat(titles).hasSameSizeAs(paths);
		assertThat(descriptions).hasSameSizeAs(paths);
	}

	@Test
	void theSiteMapLeadsToEveryShelfAndPublishedPageAndTheBackOfficeOnlyForStaff() throws Exception {
		Document map = page("/sitemap");
		assertThat(map.select("h1").text()).isEqualTo("Plan du site");
		List<String> links = map.select("main a").eachAttr("href");
		assertThat(links).contains("/products?category=epicerie-fine", "/products?category=confitures-et-miels",
				"/pages/cgv", "/pages/accessibilite", "/contact", "/login");
		assertThat(links).as("a visitor is not shown the back office").noneMatch((href) -> href.startsWith("/admin"));
		assertThat(page("/").select("footer a[href=/sitemap]")).as("reached from every page's footer").hasSize(1);

		String staff = this.mvc.perform(get("/sitemap")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user("editeur@exemple.test")
				.roles("EDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(staff).select("main a").eachAttr("href")).contains("/admin", "/admin/products",
				"/admin/pages", "/account");
	}

	@Test
	void theHomePageShowsShelvesFavouritesAndNewProducts() throws Exception {
		Document home = page("/");
		assertThat(home.select(".shelf__name")).extracting((element) -> element.text())
			.containsExactly("Épicerie fine", "Maison et art de la table");
		assertThat(home.select("[data-module=featured] .product-card")).as("featured products carousel module")
			.hasSizeBetween(4, 8);
		assertThat(home.select("#home-newest ~ ul .product-card")).hasSize(8);
		assertThat(home.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/");
	}

	@Test
	void aProductPageShowsPriceVatStockAndAnAddToCartFormWithoutJavaScript() throws Exception {
		Document product = page("/products/confiture-de-figues");
		assertThat(product.selectFirst("h1").text()).isEqualTo("Confiture de figues");
		assertThat(product.selectFirst(".product-page__price").text()).contains("€").contains("TVA 5,5 %");
		assertThat(product.select(".breadcrumb-item")).extracting((element) -> element.text())
			.containsExactly("Catalogue", "Épicerie fine", "Confitures et miels", "Confiture de figues");
		assertThat(product.selectFirst("form.add-to-cart").attr("action")).isEqualTo("/cart/lines");
		assertThat(product.selectFirst("form.add-to-cart input[name=_csrf]")).isNotNull();
		assertThat(product.select(".gallery img").first().attr("srcset")).contains("320w").contains("1200w");
		assertThat(product.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("product");
		assertThat(product.selectFirst("link[rel=canonical]").attr("href"))
			.isEqualTo("http://localhost:8080/products/confiture-de-figues");
		String structuredData = product.select("script[type=application/ld+json]").html();
		assertThat(structuredData).contains("\"@type\":\"Product\"")
			.contains("\"price\":\"")
			.contains("\"priceCurrency\":\"EUR\"")
			.contains("\"@type\":\"BreadcrumbList\"");
	}

	@Test
	void aCardShowsANewPriceAndStockOnTheVeryNextPageThoughCardsAreCached() throws Exception {
		String listing = "/products?category=confitures-et-miels";
		// The fig jam is sold in 250 g (EPI-CONF-001) and 450 g: its card shows the
		// lowest
		// price « à partir de » and the units of both.
		List<Map<String, Object>> before = this.jdbc.sql(
				"SELECT sku, price_cents, stock FROM product_variant WHERE sku IN ('EPI-CONF-001', 'EPI-CONF-001-450')")
			.query()
			.listOfRows();
		assertThat(figCard(page(listing)).text()).contains("à partir de").doesNotContain("98,76");
		try {
			this.jdbc.sql("""
					UPDATE product_variant SET price_cents = 9876,
					       stock = CASE WHEN sku = 'EPI-CONF-001' THEN 2 ELSE 0 END
					WHERE sku IN ('EPI-CONF-001', 'EPI-CONF-001-450')""").update();
			assertThat(figCard(page(listing)).text()).contains("98,76").contains("Plus que 2 en stock");
			assertThat(figCard(page(listing + "&lang=en")).text()).contains("98.76").contains("Only 2 left");
		}
		finally {
			for (Map<String, Object> variant : before) {
				this.jdbc.sql("UPDATE product_variant SET price_cents = :price, stock = :stock WHERE sku = :sku")
					.param("price", variant.get("price_cents"))
					.param("stock", variant.get("stock"))
					.param("sku", variant.get("sku"))
					.update();
			}
		}
		assertThat(figCard(page(listing)).text()).doesNotContain("98,76");
	}

	@Test
	void aProductInSeveralVariantsOffersThemAsARadioGroupUnderOneCanonicalAddressAndAProductGroup() throws Exception {
		List<Long> glazes = this.jdbc
			.sql("SELECT id FROM product_variant WHERE sku LIKE 'MAI-CERA-002%' AND active ORDER BY position, id")
			.query(Long.class)
			.list();
		Document product = page("/products/assiette-plate-en-gres-mouchete?variant=" + glazes.get(2));
		assertThat(product.select(".variant-choice legend").text()).isEqualTo("Émail");
		assertThat(product.select(".variant-choice input[type=radio][name=variant]")).hasSize(4);
		assertThat(product.selectFirst("#variant-" + glazes.get(2)).hasAttr("checked")).isTrue();
		assertThat(product.selectFirst("form.variant-choice").attr("method")).isEqualTo("get");
		assertThat(product.select("label[for=variant-" + glazes.get(3) + "]").text()).contains("Gris anthracite",
				"épuisé");
		assertThat(product.selectFirst("input[name=variantId]").attr("value")).isEqualTo(String.valueOf(glazes.get(2)));
		assertThat(product.selectFirst("[data-variant-sku]").text()).isEqualTo("MAI-CERA-002-PRUSSE");
		assertThat(product.selectFirst("link[rel=canonical]").attr("href"))
			.as("one canonical address whatever the variant shown")
			.isEqualTo("http://localhost:8080/products/assiette-plate-en-gres-mouchete");
		String structuredData = product.select("script[type=application/ld+json]").html();
		assertThat(structuredData).contains("\"@type\":\"ProductGroup\"")
			.contains("\"productGroupID\":\"MAI-CERA-002\"")
			.contains("\"variesBy\":[\"https:\\/\\/schema.org\\/color\"]")
			.contains("\"color\":\"Bleu de Prusse\"")
			.contains("\"sku\":\"MAI-CERA-002-ANTHRACITE\"")
			.contains("https:\\/\\/schema.org\\/OutOfStock");
		assertThat(structuredData.split("\"@type\":\"Offer\"", -1)).as("one offer per variant").hasSize(4 + 1);

		Document soldOut = page("/products/assiette-plate-en-gres-mouchete?variant=" + glazes.get(3));
		assertThat(soldOut.selectFirst("form.add-to-cart").hasAttr("hidden")).as("shown, not orderable").isTrue();
		assertThat(soldOut.selectFirst("[data-variant-unavailable]").hasAttr("hidden")).isFalse();
	}

	@Test
	void aVariantsNewPriceShowsOnTheVeryNextProductPageThoughPagesAreCached() throws Exception {
		String path = "/products/pichet-en-faience-de-quimper";
		Integer before = this.jdbc.sql("SELECT price_cents FROM product_variant WHERE sku = 'MAI-CERA-005'")
			.query(Integer.class)
			.single();
		assertThat(page(path).selectFirst("[data-variant-price]").text()).doesNotContain("12,34");
		try {
			this.jdbc.sql("UPDATE product_variant SET price_cents = 1234 WHERE sku = 'MAI-CERA-005'").update();
			assertThat(page(path).selectFirst("[data-variant-price]").text()).contains("12,34");
		}
		finally {
			this.jdbc.sql("UPDATE product_variant SET price_cents = :price WHERE sku = 'MAI-CERA-005'")
				.param("price", before)
				.update();
		}
	}

	private static Element figCard(Document listing) {
		return listing.selectFirst(".product-card:has(a[href=/products/confiture-de-figues])");
	}

	@Test
	void anOutOfStockProductCannotBeAddedAndSaysSo() throws Exception {
		Document product = page("/products/safran-de-provence");
		assertThat(product.select("form.add-to-cart")).isEmpty();
		assertThat(product.text()).contains("Rupture de stock");
	}

	@Test
	void anUnpublishedOrUnknownProductIsNotFound() throws Exception {
		this.mvc.perform(get("/products/bredele-de-noel-assortis")).andExpect(status().isNotFound());
		this.mvc.perform(get("/products/no-such-product")).andExpect(status().isNotFound());
		this.mvc.perform(get("/products?category=no-such-category")).andExpect(status().isNotFound());
	}

	@ParameterizedTest
	@ValueSource(strings = { "confiture figue", "CONFITURES DE FIGUES", "figes" })
	void searchFindsTheFigJamHoweverItIsTyped(String text) throws Exception {
		Document results = this
			.page("/search?q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(results.select(".product-card__name")).extracting((element) -> element.text())
			.contains("Confiture de figues");
		assertThat(results.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
	}

	@Test
	void aMistypedSearchSaysWhatWasSearchedInstead() throws Exception {
		Document results = page("/search?q=figes");
		assertThat(results.text()).contains("Aucun résultat pour « figes » : voici les résultats pour « figues ».");
	}

	@Test
	void searchedTermsAreHighlightedWithMarkElements() throws Exception {
		Document results = page("/search?q=confiture");
		assertThat(results.select(".product-card__name mark")).isNotEmpty()
			.allSatisfy((mark) -> assertThat(mark.text()).isEqualToIgnoringCase("Confiture"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "'; DROP TABLE product; --", "\"><svg onload=alert(1)>",
			"%27%22%3C%3E", "a AND 1=1", "${7*7}" })
	void searchTextWithSqlOrHtmlMetacharactersIsShownEscaped(String text) throws Exception {
		String html = this.mvc.perform(get("/search").param("q", text))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<svg onload");
		assertThat(Jsoup.parse(html).selectFirst("h1").text()).contains(text);
		assertThat(page("/products/confiture-de-figues").selectFirst("h1").text()).isEqualTo("Confiture de figues");
	}

	@Test
	void listingFiltersBuildShareableUrls() throws Exception {
		Document listing = page("/products?category=ceramique&sort=price-asc&attr=couleur:blanc");
		assertThat(listing.selectFirst("h1").text()).isEqualTo("Céramique et vaisselle");
		assertThat(listing.select("input[name=attr][checked]")).extracting((input) -> input.attr("value"))
			.containsExactly("couleur:blanc");
		assertThat(listing.selectFirst("#sort option[selected]").attr("value")).isEqualTo("price-asc");
		assertThat(listing.select(".product-card")).isNotEmpty();
	}

	@Test
	void invalidFilterValuesAreIgnoredWithAMessage() throws Exception {
		Document listing = page("/products?min=-5&max=abc&page=0&sort=evil");
		assertThat(listing.select(".alert-warning").text()).contains("ignorées");
		assertThat(listing.select(".product-card")).isNotEmpty();
	}

	@Test
	void paginationLinksKeepTheFilters() throws Exception {
		Document listing = page("/products?stock=true&sort=name");
		assertThat(listing.select("a[rel=next]").attr("href")).isEqualTo("/products?stock=true&sort=name&page=2");
		Document second = page("/products?stock=true&sort=name&page=2");
		assertThat(second.selectFirst("link[rel=canonical]").attr("href"))
			.isEqualTo("http://localhost:8080/products?page=2");
	}

	@Test
	void theSitemapListsEveryPublishedProductCategoryAndPage() throws Exception {
		var response = this.mvc.perform(get("/sitemap.xml")).andExpect(status().isOk()).andReturn().getResponse();
		String sitemap = response.getContentAsString();
		assertThat(response.getHeader("Content-Security-Policy")).as("nothing may run; the XML viewer may draw")
			.startsWith("default-src 'none';")
			.doesNotContain("script-src")
			.contains("style-src 'unsafe-inline'");
		assertThat(sitemap).contains("<loc>http://localhost:8080/products/confiture-de-figues</loc>")
			.contains("<loc>http://localhost:8080/products?category=ceramique</loc>")
			.contains("<loc>http://localhost:8080/pages/cgv</loc>")
			.doesNotContain("bredele-de-noel-assortis");
		long expected = 2 + count("SELECT count(*) FROM product WHERE active")
				+ count("SELECT count(*) FROM category WHERE active")
				+ count("SELECT count(*) FROM cms_page WHERE status = 'PUBLISHED'");
		assertThat(sitemap.split("<url>").length - 1L).as("home, catalogue, products, categories, pages")
			.isEqualTo(expected);
	}

	@Test
	void robotsKeepsCrawlersOutOfPrivateAreasAndPointsToTheSitemap() throws Exception {
		String robots = this.mvc.perform(get("/robots.txt")).andReturn().getResponse().getContentAsString();
		assertThat(robots).contains("Disallow: /admin")
			.contains("Disallow: /account")
			.contains("Sitemap: http://localhost:8080/sitemap.xml");
	}

	@Test
	void cmsPagesShowTheirSanitisedContent() throws Exception {
		Document cgv = page("/pages/cgv");
		assertThat(cgv.selectFirst("h1").text()).isEqualTo("Conditions générales de vente");
		assertThat(cgv.select(".cms-page__content h2")).isNotEmpty();
		this.mvc.perform(get("/pages/no-such-page")).andExpect(status().isNotFound());
	}

	@Test
	void theFooterListsTheLegalPagesFromTheMenu() throws Exception {
		assertThat(page("/").select(".site-footer__links a")).extracting((link) -> link.attr("href"))
			.contains("/pages/mentions-legales", "/pages/cgv", "/pages/confidentialite", "/pages/cookies",
					"/pages/accessibilite");
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private Document page(String path) throws Exception {
		String html = this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

}
