package fr.dwwm.comptoir.catalog;

import fr.dwwm.comptoir.module.ModuleFixtures;
import fr.dwwm.comptoir.module.ModuleLifecycle;
import fr.dwwm.comptoir.module.ModuleRegistry;

import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.ShopCaches;
import fr.dwwm.comptoir.web.PageCache;
import fr.dwwm.comptoir.test.SqlStatements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each storefront page costs a fixed, small number of SQL statements, whatever the number
 * of products it shows: no query per product (N+1). The category tree and the footer menu
 * come from a cache, so they cost nothing once read. Counted when the page is rendered
 * (the kept pages forgotten first): the page's own statements, plus the content version
 * read first ({@link PageCache}); served again from the page cache, a page costs that one
 * statement.
 */
@IntegrationTest
class StorefrontQueryCountTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ModuleRegistry modules;

	@Autowired
	private ModuleLifecycle lifecycle;

	@Autowired
	private PageCache pages;

	@Autowired
	private CacheManager caches;

	@BeforeEach
	void warmTheCaches() throws Exception {
		// The demo's modules, whatever an earlier test did to them: their state, the
		// editors' blocks and the menus then come from caches.
		for (String code : java.util.List.of("featured", "reviews")) {
			ModuleFixtures.enabled(this.modules, this.lifecycle, code);
		}
		// The warm-up renders its pages and fills the caches afresh (ShopCaches says
		// why).
		ShopCaches.empty(this.caches);
		this.pages.clear();
		this.mvc.perform(get("/")).andExpect(status().isOk());
		this.mvc.perform(get("/products/confiture-de-figues")).andExpect(status().isOk());
		this.mvc.perform(get("/cart")).andExpect(status().isOk());
	}

	@Test
	void theHomePageCostsThreeStatements() throws Exception {
		assertThat(statementsOf("/")).as("content version, newest products, featured products (carousel module)")
			.hasSize(3);
	}

	@Test
	void theListingCostsThreeStatements() throws Exception {
		assertThat(statementsOf("/products?category=epicerie-fine&sort=price-asc"))
			.as("content version, one page of products, facets")
			.hasSize(3);
	}

	@Test
	void aProductPageCostsFiveStatements() throws Exception {
		assertThat(statementsOf("/products/confiture-de-figues"))
			.as("content version, product with category and images, its variants with their options, related products, "
					+ "approved reviews with their average (module)")
			.hasSize(5);
	}

	@Test
	void aProductInFourVariantsCostsTheSameFiveStatementsWhicheverIsChosen() throws Exception {
		long chosen = this.jdbc.sql("SELECT id FROM product_variant WHERE sku = 'MAI-CERA-002-PRUSSE'")
			.query(Long.class)
			.single();
		assertThat(statementsOf("/products/assiette-plate-en-gres-mouchete?variant=" + chosen)).hasSize(5);
	}

	@Test
	void aSearchCostsThreeStatements() throws Exception {
		assertThat(statementsOf("/search?q=miel")).as("content version, one page of results, facets").hasSize(3);
	}

	@Test
	void aMistypedSearchCostsOneStatementPerWordMore() throws Exception {
		assertThat(statementsOf("/search?q=figes"))
			.as("content version, no result, spelling of the word, results again, facets")
			.hasSize(5);
	}

	@Test
	void anEmptyCartPageCostsOnlyTheContentVersion() throws Exception {
		assertThat(statementsOf("/cart")).as("no session, so no cart to read; the page is kept for the next ones")
			.containsExactly("SELECT version FROM content_version");
	}

	@Test
	void aPageServedAgainFromThePageCacheCostsOneStatement() throws Exception {
		for (String path : java.util.List.of("/", "/products?category=epicerie-fine&sort=price-asc",
				"/products/confiture-de-figues", "/search?q=miel")) {
			this.mvc.perform(get(path)).andExpect(status().isOk());
			SqlStatements.reset();
			this.mvc.perform(get(path)).andExpect(status().isOk());
			assertThat(SqlStatements.sent()).as(path).containsExactly("SELECT version FROM content_version");
		}
	}

	private java.util.List<String> statementsOf(String path) throws Exception {
		this.pages.clear();
		SqlStatements.reset();
		this.mvc.perform(get(path)).andExpect(status().isOk());
		return SqlStatements.sent();
	}

}
