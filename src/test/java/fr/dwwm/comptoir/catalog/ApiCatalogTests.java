package fr.dwwm.comptoir.catalog;

import java.net.http.HttpResponse;

import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.SqlStatements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalogue of the REST API on the real database: the same search as the pages, money
 * in cents with its currency, public caching with an ETag that answers a repeated read
 * with 304, an unknown product or category as a problem (404), and a fixed number of SQL
 * statements per list, whatever its length.
 */
@IntegrationTest
class ApiCatalogTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Test
	void aSearchFindsWhatTheSearchPageFindsWithPricesInCentsAndAPublicCache() {
		HttpResponse<String> found = new Http(this.port).get("/api/v1/products?q=confiture&size=5");
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(found.body()).contains("\"slug\":\"confiture-de-figues\"", "\"currency\":\"EUR\"", "\"page\":1",
				"\"size\":5");
		assertThat(found.body()).doesNotContain("\u0002", "\u0003");
		assertThat(found.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("max-age=300", "public"));
		assertThat(found.headers().firstValue("Set-Cookie")).as("a public read opens no session").isEmpty();
	}

	@Test
	void aRepeatedCatalogueReadWithItsETagGets304AndNoBody() {
		Http client = new Http(this.port);
		HttpResponse<String> first = client.get("/api/v1/products/confiture-de-figues");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("\"variants\":[", "\"sku\":", "\"amount\":");
		String etag = first.headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> again = client.get("/api/v1/products/confiture-de-figues", "If-None-Match", etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(client.get("/api/v1/categories", "If-None-Match", etag).statusCode()).as("another resource's tag")
			.isEqualTo(200);
	}

	@Test
	void anUnknownProductOrCategoryIsAProblemNotAPage() {
		Http client = new Http(this.port);
		for (String path : new String[] { "/api/v1/products/no-such-product", "/api/v1/products?category=nowhere" }) {
			HttpResponse<String> missing = client.get(path);
			assertThat(missing.statusCode()).as(path).isEqualTo(404);
			assertThat(missing.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	@Test
	void theCategoriesListEachCategoryWithItsParent() {
		String body = new Http(this.port).get("/api/v1/categories").body();
		assertThat(body).contains("\"slug\":\"ceramique\"", "\"parent\":null");
	}

	@Test
	void aListCostsTheSameFewStatementsWhateverItsLength() throws Exception {
		this.mvc.perform(get("/api/v1/categories")).andExpect(status().isOk());
		SqlStatements.reset();
		this.mvc.perform(get("/api/v1/products?size=2")).andExpect(status().isOk());
		int two = SqlStatements.sent().size();
		SqlStatements.reset();
		this.mvc.perform(get("/api/v1/products?size=40")).andExpect(status().isOk());
		assertThat(SqlStatements.sent()).as("one page of products, whatever its size: no statement per product")
			.hasSize(two)
			.hasSizeLessThanOrEqualTo(1);
		SqlStatements.reset();
		this.mvc.perform(get("/api/v1/categories")).andExpect(status().isOk());
		assertThat(SqlStatements.sent()).as("the category tree comes from its cache").isEmpty();
	}

}
