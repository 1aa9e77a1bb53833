package fr.dwwm.comptoir.catalog;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.SqlStatements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Products in the staff part of the REST API, on the real database, through the back
 * office's rules: a creation made once per Idempotency-Key however often and however
 * simultaneously it is sent, a change that must carry the version it read (If-Match) and
 * never overwrites another, invalid bodies answered field by field without saving
 * anything, and a list whose statements do not grow with its length.
 */
@IntegrationTest
class ApiAdminProductTests {

	private static final String PATH = "/api/v1/admin/products";

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	private StaffLogin editor;

	private String csrf;

	private long category;

	@BeforeEach
	void anEditorSignedIn() {
		this.editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		this.csrf = this.editor.http().csrfToken("/admin");
		this.category = new CatalogFixtures(this.jdbc).category("Rayon API", null);
	}

	@Test
	void aProductIsCreatedOncePerIdempotencyKeyEvenSentTwiceAtOnce() {
		String sku = sku();
		String body = product(sku, "Théière en fonte", 4590, true);
		String key = UUID.randomUUID().toString();

		HttpResponse<String> created = send("POST", PATH, body, "Idempotency-Key", key);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/api/v1/admin/products/[0-9]+");
		assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
		assertThat(created.body()).contains("\"sku\":\"" + sku + "\"", "\"amount\":4590", "\"stock\":0",
				"\"slug\":\"theiere-en-fonte");

		HttpResponse<String> again = send("POST", PATH, body, "Idempotency-Key", key);
		assertThat(again.statusCode()).as("the same key: the product it made").isEqualTo(200);
		assertThat(again.headers().firstValue("Location")).hasValue(location);
		assertThat(products(sku)).isEqualTo(1);

		String other = sku();
		String twice = UUID.randomUUID().toString();
		String otherBody = product(other, "Tasse en grès", 1250, false);
		List<CompletableFuture<HttpResponse<String>>> parallel = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			parallel.add(CompletableFuture.supplyAsync(() -> send("POST", PATH, otherBody, "Idempotency-Key", twice)));
		}
		assertThat(parallel.stream().map(CompletableFuture::join).map(HttpResponse::statusCode))
			.as("one key sent twice at once makes one product")
			.containsExactlyInAnyOrder(201, 200);
		assertThat(products(other)).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_log WHERE action = 'PRODUCT_CREATE' AND actor_account_id = :staff""")
			.param("staff", this.editor.account().getId())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aChangeMustCarryTheVersionItReadAndNeverOverwritesAnother() {
		String sku = sku();
		String location = path(send("POST", PATH, product(sku, "Pichet", 2000, false)));
		HttpResponse<String> read = this.editor.http().get(location);
		String etag = read.headers().firstValue("ETag").orElseThrow();
		assertThat(read.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("no-store", "private"));

		assertThat(send("PUT", location, product(sku, "Pichet bleu", 2000, true)).statusCode()).as("without If-Match")
			.isEqualTo(428);
		HttpResponse<String> saved = send("PUT", location, product(sku, "Pichet bleu", 2200, true), "If-Match", etag);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(saved.body()).contains("\"name\":\"Pichet bleu\"", "\"active\":true", "\"amount\":2200");
		assertThat(saved.headers().firstValue("ETag")).isNotEqualTo(etag).isPresent();

		HttpResponse<String> stale = send("PUT", location, product(sku, "Pichet vert", 2000, false), "If-Match", etag);
		assertThat(stale.statusCode()).as("the version read is no longer the product's").isEqualTo(412);
		assertThat(stale.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.editor.http().get(location).body()).contains("\"name\":\"Pichet bleu\"");
		assertThat(send("PUT", location, product(sku, "Pichet vert", 2000, false), "If-Match",
				"W/" + saved.headers().firstValue("ETag").orElseThrow())
			.statusCode()).as("a weak tag of the right version").isEqualTo(200);
		assertThat(
				send("PUT", PATH + "/999999999", product(sku, "Pichet", 2000, false), "If-Match", "\"0\"").statusCode())
			.isEqualTo(404);
	}

	@Test
	void anInvalidProductIsAProblemNamingEachFieldAndSavesNothing() {
		String taken = sku();
		send("POST", PATH, product(taken, "Bol", 900, false));
		String sku = sku();
		HttpResponse<String> invalid = send("POST", PATH, """
				{"name":" ","sku":"%s","summary":"Un bol","description":"Un bol.","priceCents":-5,"vatRate":"7.00",
				 "categoryId":%d}""".formatted(sku, this.category));
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(invalid.body()).contains("\"field\":\"name\"", "\"field\":\"priceCents\"", "\"field\":\"vatRate\"")
			.doesNotContain("\"field\":\"price\"");
		HttpResponse<String> duplicate = send("POST", PATH, product(taken, "Autre bol", 900, false));
		assertThat(duplicate.statusCode()).isEqualTo(422);
		assertThat(duplicate.body()).contains("\"field\":\"sku\"");
		assertThat(send("POST", PATH,
				product(sku, "Bol", 900, false).replace("\"categoryId\":" + this.category, "\"categoryId\":999999999"))
			.statusCode()).as("unknown category").isEqualTo(422);
		assertThat(send("POST", PATH, "{\"name\":").statusCode()).isEqualTo(400);
		assertThat(send("POST", PATH, product(sku, "Bol \\u001b[31mrouge", 900, false)).statusCode())
			.as("an escape sequence in a name, which would make the back office's pages invalid HTML")
			.isEqualTo(400);
		assertThat(send("POST", PATH, product(sku, "Bol \\u0000", 900, false)).statusCode()).as("a NUL byte")
			.isEqualTo(400);
		assertThat(send("POST", PATH, product(sku(), "Bol\\tà\\nfeu", 900, false)).statusCode())
			.as("a tab and a line break are text, refused here by the form's own rules, not as control characters")
			.isNotEqualTo(400);
		assertThat(products(sku)).isZero();
		assertThat(products(taken)).isEqualTo(1);
	}

	@Test
	void theListFindsByNameOrSkuAndCostsTheSameStatementsWhateverItsLength() throws Exception {
		String sku = sku();
		send("POST", PATH, product(sku, "Carafe introuvable", 3100, false));
		HttpResponse<String> found = this.editor.http().get(PATH + "?q=" + sku.toLowerCase() + "&status=inactive");
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains("\"sku\":\"" + sku + "\"", "\"total\":1", "\"page\":1");
		assertThat(this.editor.http().get(PATH + "?q=" + sku + "&status=active").body()).contains("\"total\":0");
		assertThat(this.editor.http().get(PATH + "?status=ouvert").statusCode()).isEqualTo(400);

		Authentication staff = this.editor.authentication();
		this.mvc.perform(get(PATH + "?q=" + sku).with(authentication(staff))).andExpect(status().isOk());
		SqlStatements.reset();
		this.mvc.perform(get(PATH + "?q=" + sku).with(authentication(staff))).andExpect(status().isOk());
		int one = SqlStatements.sent().size();
		SqlStatements.reset();
		this.mvc.perform(get(PATH).with(authentication(staff))).andExpect(status().isOk());
		assertThat(SqlStatements.sent())
			.as("a page of fifty products costs what a page of one does: the list, and the cart of whoever is signed in")
			.hasSize(one)
			.hasSizeLessThanOrEqualTo(2);
	}

	private HttpResponse<String> send(String method, String path, String body, String... headers) {
		return this.editor.http().sendJson(method, path, body, this.csrf, headers);
	}

	private String product(String sku, String name, int priceCents, boolean active) {
		return """
				{"name":"%s","sku":"%s","summary":"Fait main.","description":"Fait main en Bourgogne.",
				 "priceCents":%d,"vatRate":"20.00","categoryId":%d,"active":%s}""".formatted(name, sku, priceCents,
				this.category, active);
	}

	private int products(String sku) {
		return this.jdbc.sql("SELECT count(*) FROM product WHERE sku = ?").param(sku).query(Integer.class).single();
	}

	private static String path(HttpResponse<String> created) {
		return created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	private static String sku() {
		return "API-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
