package fr.dwwm.comptoir.catalog;

import fr.dwwm.comptoir.module.ModuleFixtures;
import fr.dwwm.comptoir.module.ModuleLifecycle;
import fr.dwwm.comptoir.module.ModuleRegistry;

import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.SqlStatements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each storefront page costs a fixed, small number of SQL statements, whatever the number
 * of products it shows: no query per product (N+1). The category tree and the footer menu
 * come from a cache, so they cost nothing once read.
 */
@IntegrationTest
class StorefrontQueryCountTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ModuleRegistry modules;

	@Autowired
	private ModuleLifecycle lifecycle;

	@BeforeEach
	void warmTheCaches() throws Exception {
		// The demo's modules, whatever an earlier test did to them: their state, the
		// editors' blocks and the menus then come from caches.
		for (String code : java.util.List.of("featured", "reviews")) {
			ModuleFixtures.enabled(this.modules, this.lifecycle, code);
		}
		this.mvc.perform(get("/")).andExpect(status().isOk());
		this.mvc.perform(get("/products/confiture-de-figues")).andExpect(status().isOk());
		this.mvc.perform(get("/cart")).andExpect(status().isOk());
	}

	@Test
	void theHomePageCostsTwoStatements() throws Exception {
		assertThat(statementsOf("/")).as("newest products, featured products (carousel module)").hasSize(2);
	}

	@Test
	void theListingCostsTwoStatements() throws Exception {
		assertThat(statementsOf("/products?category=epicerie-fine&sort=price-asc")).as("one page of products, facets")
			.hasSize(2);
	}

	@Test
	void aProductPageCostsThreeStatements() throws Exception {
		assertThat(statementsOf("/products/confiture-de-figues"))
			.as("product with category and images, related products, approved reviews with their average (module)")
			.hasSize(3);
	}

	@Test
	void aSearchCostsTwoStatements() throws Exception {
		assertThat(statementsOf("/search?q=miel")).as("one page of results, facets").hasSize(2);
	}

	@Test
	void aMistypedSearchCostsOneStatementPerWordMore() throws Exception {
		assertThat(statementsOf("/search?q=figes")).as("no result, spelling of the word, results again, facets")
			.hasSize(4);
	}

	@Test
	void anEmptyCartPageCostsNothing() throws Exception {
		assertThat(statementsOf("/cart")).isEmpty();
	}

	private java.util.List<String> statementsOf(String path) throws Exception {
		SqlStatements.reset();
		this.mvc.perform(get(path)).andExpect(status().isOk());
		return SqlStatements.sent();
	}

}
