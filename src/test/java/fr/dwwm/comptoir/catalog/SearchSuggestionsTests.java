package fr.dwwm.comptoir.catalog;

import java.util.Map;

import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The search field's suggestions: the first products the search page would list, with
 * what the list shows, and a link to all of them.
 */
@IntegrationTest
class SearchSuggestionsTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theFirstSixMatchesAreSuggestedWithALinkToAllResults() throws Exception {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long category = fixtures.category("Suggestions", null);
		for (int i = 1; i <= 7; i++) {
			fixtures.product(category, "Brouillamini numéro " + i, 500 + i, 3, Map.of());
		}
		this.mvc.perform(get("/api/v1/search").param("q", "brouillamini"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(7))
			.andExpect(jsonPath("$.items", hasSize(6)))
			.andExpect(jsonPath("$.items[0].name", startsWith("Brouillamini numéro")))
			.andExpect(jsonPath("$.items[0].url", startsWith("/products/brouillamini-numero-")))
			.andExpect(jsonPath("$.items[0].price", matchesPattern("5,0\\d[\\s\\u00a0\\u202f]€")))
			.andExpect(jsonPath("$.allUrl").value("/search?q=brouillamini"))
			.andExpect(jsonPath("$.allLabel").value("Voir les 7 résultats"));
	}

	@Test
	void aProductWhoseVariantsHaveSeveralPricesIsSuggestedFromItsLowestPrice() throws Exception {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long jam = fixtures.product(fixtures.category("Suggestions déclinées", null), "Zigomar en bocal", 690, 3,
				Map.of());
		long[] sizes = fixtures.options("Contenance", "250 g", "450 g");
		fixtures.withOptions(fixtures.variantOf(jam), sizes[0]);
		fixtures.variant(jam, 1090, 2, sizes[1]);
		this.mvc.perform(get("/api/v1/search").param("q", "zigomar"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].price", matchesPattern("à partir de 6,90[\\s\\u00a0\\u202f]€")));
	}

	@Test
	void oneLetterSuggestsNothingAndCostsNoQuery() throws Exception {
		this.mvc.perform(get("/api/v1/search").param("q", "b"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(0)))
			.andExpect(jsonPath("$.allLabel").doesNotExist());
	}

}
