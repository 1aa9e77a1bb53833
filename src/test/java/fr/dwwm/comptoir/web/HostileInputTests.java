package fr.dwwm.comptoir.web;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.cart.Carts;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.module.ModuleLifecycle;
import fr.dwwm.comptoir.order.Checkout;
import fr.dwwm.comptoir.order.DeliveredOrders;
import fr.dwwm.comptoir.order.Quote;
import fr.dwwm.comptoir.order.TestOrders;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile input on the storefront's forms and JSON endpoints: very long
 * strings, Unicode edge cases, control characters and NUL bytes, SQL and HTML payloads,
 * wrong types, huge numbers, missing and duplicated fields. Whatever arrives, the shop
 * answers 2xx, 3xx or 4xx — never 5xx —, a refusal comes in French (a page of the shop,
 * or a problem detail for the API), and a refused request changes nothing in the
 * database.
 *
 * <p>
 * The values come from jqwik's generators, drawn with a fixed seed so that a failure is
 * reproduced exactly. Run longer with {@code ./mvnw test -Dtest=HostileInputTests
 * -Dhostile.tries=5000 -Dhostile.seed=7}. (jqwik's own runner is not used: it cannot
 * share the Spring test context with the other tests, which would start the shop once
 * more.)
 */
@IntegrationTest
class HostileInputTests {

	private static final int TRIES = Integer.getInteger("hostile.tries", 100);

	private static final long SEED = Long.getLong("hostile.seed", 20261129L);

	/**
	 * The forms anyone can send, with their fields; {product} is replaced by a real id.
	 */
	private static final Map<String, List<String>> PUBLIC_FORMS = Map.of("/register",
			List.of("email", "firstName", "lastName", "password", "privacyAccepted"), "/password/forgot",
			List.of("email"), "/password/reset", List.of("token", "password"), "/contact",
			List.of("name", "email", "subject", "message", "website"), "/modules/newsletter/subscribe",
			List.of("email", "from", "hook"), "/cart/lines", List.of("variantId", "quantity"), "/cart/lines/{product}",
			List.of("quantity"), "/checkout",
			List.of("email", "firstName", "lastName", "line1", "postalCode", "city", "country", "billingSame",
					"billing.line1", "billing.postalCode", "billing.country", "shippingMethod", "promoCode",
					"cardNumber", "expiry", "cvc", "termsAccepted"),
			"/invitation", List.of("token", "password"));

	private static final List<String> PRODUCT_FIELDS = List.of("name", "slug", "sku", "summary", "description", "price",
			"vatRate", "categoryId", "active", "version");

	private static final List<String> PAGE_FIELDS = List.of("title", "slug", "contentHtml", "metaDescription",
			"version");

	/** The forms of a signed-in customer. */
	private static final Map<String, List<String>> CUSTOMER_FORMS = Map.of(
			"/account/security/passkeys/AAAAAAAAAAAAAAAAAAAAAA/rename", List.of("label"), "/account/profile",
			List.of("firstName", "lastName", "phone", "preferredLocale"), "/account/addresses",
			List.of("label", "firstName", "lastName", "line1", "line2", "postalCode", "city", "country", "phone"),
			"/account/security/password", List.of("currentPassword", "newPassword"), "/account/email",
			List.of("email", "current"), "/account/email/confirm", List.of("token"),
			"/modules/reviews/products/{product}", List.of("rating", "title", "body"), "/account/orders/{order}/return",
			List.of("reason", "quantities[{line}]", "quantities[1]", "quantities[abc]"));

	/**
	 * The back-office forms of an editor; {product}, {category} and {page} are replaced
	 * by ids of this test's own records, so that what is accepted changes nothing another
	 * test reads.
	 */
	private static final Map<String, List<String>> STAFF_FORMS = Map.of("/admin/products", PRODUCT_FIELDS,
			"/admin/products/{product}", PRODUCT_FIELDS, "/admin/products/{product}/stock",
			List.of("delta", "reason", "note"), "/admin/categories", List.of("name", "parentId"),
			"/admin/categories/{category}", List.of("name", "parentId", "active"), "/admin/pages", PAGE_FIELDS,
			"/admin/pages/{page}", PAGE_FIELDS, "/admin/blocks",
			List.of("hook", "title", "contentHtml", "active", "version"), "/admin/menus",
			List.of("menuCode", "label", "target", "pageId", "categoryId", "path"), "/admin/hooks/move",
			List.of("hook", "module", "direction"));

	/**
	 * The forms only an administrator may send: module settings (validated all or
	 * nothing, then the page says so after its redirect) and a customer account of this
	 * test's own.
	 */
	private static final Map<String, List<String>> ADMIN_FORMS = Map.ofEntries(
			Map.entry("/admin/modules/featured/settings", List.of("title", "count")),
			Map.entry("/admin/modules/reassurance/settings", List.of("payment", "delivery", "returns")),
			Map.entry("/admin/customers/{customer}/disable", List.of("reason")),
			Map.entry("/admin/customers/{customer}/enable", List.of("reason")),
			Map.entry("/admin/customers/{customer}/anonymise", List.of("confirm")),
			Map.entry("/admin/orders/{order}/status", List.of("status", "trackingNumber", "note")),
			Map.entry("/admin/orders/{order}/refund",
					List.of("key", "extra", "note", "shipping", "returnId", "quantities[1]")),
			Map.entry("/admin/orders/{order}/returns/1/refuse", List.of("note")),
			Map.entry("/admin/staff", List.of("email", "firstName", "lastName", "role")),
			Map.entry("/admin/staff/{staff}/role", List.of("role")),
			Map.entry("/admin/promo-codes",
					List.of("promoCode", "kind", "amount", "startsOn", "endsOn", "minimumBasket", "maxUses",
							"perCustomerLimit", "active", "version")),
			Map.entry("/admin/promo-codes/{promo}",
					List.of("promoCode", "kind", "amount", "startsOn", "endsOn", "minimumBasket", "maxUses",
							"perCustomerLimit", "active", "version")),
			Map.entry("/admin/shipping",
					List.of("shippingCode", "name", "description", "minDays", "maxDays", "freeFrom", "active",
							"version", "bandCountry", "bandWeight", "bandPrice", "bandWeight", "bandPrice")),
			Map.entry("/admin/shipping/{shipping}",
					List.of("name", "description", "minDays", "maxDays", "freeFrom", "active", "version", "bandCountry",
							"bandWeight", "bandPrice", "bandCountry", "bandWeight", "bandPrice")),
			Map.entry("/admin/shipping/{shipping}/move", List.of("direction")));

	/**
	 * Fields that take one of a few values: half the time one of them, so that the
	 * generated forms also go past the first check. (Not the hooks' module and hook:
	 * moving the demo's modules around would change what other tests see.)
	 */
	private static final Map<String, List<String>> MEANINGFUL = Map.of("status",
			List.of("PAID", "PREPARING", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"), "direction",
			List.of("up", "down"), "trackingNumber", List.of("6A12345678901"), "role", List.of("EDITOR", "ADMIN"),
			"key", List.of("6f1c2a4e-0d3b-4a57-9a8e-3c5d7e9f1a2b"), "kind", List.of("PERCENT", "FIXED"), "startsOn",
			List.of("2026-12-01"), "endsOn", List.of("2026-12-31", "2026-11-30"), "bandCountry", List.of("FR", "BE"));

	private static final List<String> READS = List.of("/products?q=", "/search?q=", "/products?category=",
			"/products?sort=", "/products?page=", "/products?minPrice=", "/api/v1/search?q=", "/api/v1/products?q=",
			"/api/v1/products?category=", "/api/v1/products?sort=", "/api/v1/products?page=", "/api/v1/products?size=",
			"/api/v1/products/", "/api/v1/orders/");

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private ModuleLifecycle lifecycle;

	@Autowired
	private Carts carts;

	@Autowired
	private Checkout checkout;

	@Autowired
	private DeliveredOrders deliveries;

	private final Random random = new Random(SEED);

	private String product;

	@BeforeEach
	void aProduct() {
		// jqwik's generators outside a jqwik property need a session of their own.
		JqwikSession.start();
		// A variant in stock: the cart's lines are variants.
		this.product = String.valueOf(this.jdbc.sql("""
				SELECT min(v.id) FROM product_variant v JOIN product p ON p.id = v.product_id
				WHERE p.active AND v.active AND v.stock > 0""").query(Long.class).single());
	}

	@AfterEach
	void endTheGeneratorSession() {
		JqwikSession.finish();
	}

	@Test
	void formsAnswerEveryGeneratedInputWithoutAServerErrorAndRefusalsChangeNothing() {
		Http visitor = new Http(this.port);
		Http customer = new Http(this.port);
		Account account = this.accounts.customer();
		customer.login(account.getEmail(), TestAccounts.PASSWORD);
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long returned = fixtures.variantOf(
				fixtures.product(fixtures.category("Retours hostiles", null), "Article à retourner", 700, 5, Map.of()));
		DeliveredOrders.Delivered delivered = this.deliveries.deliver(account.getId(), account.getEmail(),
				Map.of(returned, 1), Instant.now());
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < TRIES; i++) {
			boolean signedIn = this.random.nextInt(3) == 0;
			Map<String, List<String>> forms = signedIn ? CUSTOMER_FORMS : PUBLIC_FORMS;
			String path = pick(new ArrayList<>(new TreeSet<>(forms.keySet())));
			Http http = signedIn ? customer : visitor;
			String body = formBody(forms.get(path)) + "&_csrf=" + Http.encode(http.csrfToken("/cart"));
			long before = fingerprint();
			body = body.replace(Http.encode("{line}"), String.valueOf(delivered.lineIds().get(0)));
			HttpResponse<String> response = http.submitBody("POST",
					path.replace("{product}", this.product).replace("{order}", delivered.reference()), body);
			check(failures, "POST " + path + " " + body.substring(0, Math.min(120, body.length())), response);
			if (response.statusCode() >= 400 && fingerprint() != before) {
				failures.add("POST " + path + ": refused with " + response.statusCode() + " but the database changed");
			}
		}
		assertThat(failures).as("seed " + SEED).isEmpty();
	}

	@Test
	void backOfficeFormsAnswerEveryGeneratedInputWithoutAServerErrorAndRefusalsChangeNothing() {
		Http editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port).http();
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long category = fixtures.category("Catégorie hostile", null);
		Map<String, String> ids = Map.of("{product}",
				String.valueOf(fixtures.product(category, "Produit hostile", 990, 10, Map.of())), "{category}",
				String.valueOf(category), "{page}", ownPage(editor));
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < TRIES; i++) {
			String form = pick(new ArrayList<>(new TreeSet<>(STAFF_FORMS.keySet())));
			String path = form;
			for (Map.Entry<String, String> id : ids.entrySet()) {
				path = path.replace(id.getKey(), id.getValue());
			}
			String body = formBody(STAFF_FORMS.get(form)) + "&_csrf=" + Http.encode(editor.csrfToken("/cart"));
			String before = backOfficeFingerprint();
			HttpResponse<String> response = editor.submitBody("POST", path, body);
			check(failures, "POST " + form + " " + body.substring(0, Math.min(120, body.length())), response);
			boolean accepted = response.statusCode() >= 300 && response.statusCode() < 400;
			if (!accepted && !backOfficeFingerprint().equals(before)) {
				failures.add("POST " + form + ": refused with " + response.statusCode() + " but the database changed");
			}
		}
		assertThat(failures).as("seed " + SEED).isEmpty();
	}

	@Test
	void administratorFormsAnswerEveryGeneratedInputWithoutAServerErrorAndRefusedSettingsChangeNothing() {
		StaffLogin admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port);
		Map<String, Map<String, String>> settingsBefore = Map.of("featured", settings("featured"), "reassurance",
				settings("reassurance"));
		String customer = String.valueOf(this.accounts.customer().getId());
		String order = ownOrder();
		String staff = String.valueOf(this.accounts.create(Role.EDITOR, null).getId());
		String promo = ownPromoCode();
		long lastShippingMethod = this.jdbc.sql("SELECT max(id) FROM shipping_method").query(Long.class).single();
		String shipping = ownShippingMethod();
		List<String> failures = new ArrayList<>();
		try {
			for (int i = 0; i < TRIES; i++) {
				String form = pick(new ArrayList<>(new TreeSet<>(ADMIN_FORMS.keySet())));
				String path = form.replace("{customer}", customer)
					.replace("{order}", order)
					.replace("{staff}", staff)
					.replace("{promo}", promo)
					.replace("{shipping}", shipping);
				String shippingBefore = form.startsWith("/admin/shipping/") ? shippingFingerprint(shipping) : null;
				String body = formBody(ADMIN_FORMS.get(form)) + "&_csrf="
						+ Http.encode(admin.http().csrfToken("/cart"));
				String module = form.startsWith("/admin/modules/") ? form.split("/")[3] : null;
				String before = (module != null) ? configuration(module) : null;
				HttpResponse<String> response = admin.http().submitBody("POST", path, body);
				check(failures, "POST " + form + " " + body.substring(0, Math.min(120, body.length())), response);
				if (shippingBefore != null && response.statusCode() == 200
						&& !shippingFingerprint(shipping).equals(shippingBefore)) {
					failures.add("POST " + form + ": refused but the shipping method changed");
				}
				if (module != null && response.statusCode() == 302) {
					String next = admin.http()
						.get(response.headers()
							.firstValue("Location")
							.orElseThrow()
							.replaceFirst("^https?://[^/]+", ""))
						.body();
					if (next.contains("Les réglages n&#39;ont pas été enregistrés")
							&& !configuration(module).equals(before)) {
						failures.add("POST " + form + ": settings refused but changed");
					}
				}
			}
		}
		finally {
			// The checkout's options are read by other tests: the methods made here go.
			this.jdbc.sql("DELETE FROM shipping_method WHERE id > :last").param("last", lastShippingMethod).update();
			// What was accepted is put back: other tests read these modules' texts.
			settingsBefore.forEach((code, values) -> this.lifecycle.configure(code, values, admin.account().getId()));
		}
		assertThat(failures).as("seed " + SEED).isEmpty();
	}

	@Test
	void theRestApiAnswersEveryGeneratedInputWithATokenWithoutAServerErrorAndRefusalsChangeNothing() {
		Account customer = this.accounts.customer();
		Http browser = new Http(this.port);
		browser.login(customer.getEmail(), TestAccounts.PASSWORD);
		String token = browser.createApiToken("Hostile", "READ_WRITE");
		long tokenId = this.jdbc.sql("SELECT id FROM api_token WHERE account_id = ?")
			.param(customer.getId())
			.query(Long.class)
			.single();
		Http script = new Http(this.port);
		List<String> failures = new ArrayList<>();
		// Half as many rounds as the other tests, each of two requests (the page forms'
		// JSON test already sends the same bodies without a token).
		for (int i = 0; i < TRIES / 2; i++) {
			String json = hostileJson();
			String before = cartOf(customer.getId());
			HttpResponse<String> write = script.sendJson("POST", "/api/v1/cart/lines", json, null, "Authorization",
					"Bearer " + token);
			check(failures, "POST /api/v1/cart/lines (token) " + json.substring(0, Math.min(80, json.length())), write);
			if (write.statusCode() >= 400 && !cartOf(customer.getId()).equals(before)) {
				failures.add("refused with " + write.statusCode() + " but the cart changed: " + json);
			}
			// Then a hostile id, in a path that deletes or reads (two requests an
			// iteration: the token's 300 a minute are not reached).
			String value = draw();
			if (value.strip().equals(String.valueOf(tokenId))) {
				continue;
			}
			String id = Http.encode(value.substring(0, Math.min(value.length(), 300)));
			HttpResponse<String> answer = (i % 2 == 0)
					? script.send("DELETE", "/api/v1/tokens/" + id, "Authorization", "Bearer " + token)
					: script.get("/api/v1/orders/" + id, "Authorization", "Bearer " + token);
			check(failures, ((i % 2 == 0) ? "DELETE /api/v1/tokens/" : "GET /api/v1/orders/") + id, answer);
		}
		assertThat(this.jdbc.sql("SELECT revoked_at IS NULL FROM api_token WHERE account_id = ?")
			.param(customer.getId())
			.query(Boolean.class)
			.single()).as("the token survived every hostile id").isTrue();
		assertThat(failures).as("seed " + SEED).isEmpty();
	}

	@Test
	void theStaffApiAnswersEveryGeneratedInputWithoutAServerErrorAndRefusalsChangeNothing() {
		StaffLogin admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port);
		String csrf = admin.http().csrfToken("/admin");
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long category = fixtures.category("API hostile", null);
		long product = fixtures.product(category, "Produit de l'API hostile", 990, 10, Map.of());
		long variant = fixtures.variantOf(product);
		String order = ownOrder();
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < TRIES / 2; i++) {
			String before = backOfficeFingerprint() + "/" + orderStatus(order);
			int target = this.random.nextInt(4);
			String path = switch (target) {
				case 0 -> "/api/v1/admin/products";
				case 1 -> "/api/v1/admin/products/" + product;
				case 2 -> "/api/v1/admin/orders/" + order + "/status";
				default -> "/api/v1/admin/products/" + product + "/variants/" + variant + "/stock-movements";
			};
			String json = switch (target) {
				case 0, 1 -> hostileProduct(category);
				case 2 -> hostileObject("status", "trackingNumber", "note");
				default -> hostileObject("delta", "reason", "note");
			};
			String version = this.jdbc.sql("SELECT version FROM product WHERE id = ?")
				.param(product)
				.query(String.class)
				.single();
			HttpResponse<String> answer = admin.http()
				.sendJson((target == 1) ? "PUT" : "POST", path, json, csrf, "If-Match", "\"" + version + "\"");
			check(failures, path + " " + json.substring(0, Math.min(80, json.length())), answer);
			if (answer.statusCode() >= 400
					&& !answer.headers().firstValue("Content-Type").orElse("").contains("problem+json")) {
				failures.add(path + ": refusal " + answer.statusCode() + " is not a JSON problem");
			}
			if (answer.statusCode() >= 400 && !(backOfficeFingerprint() + "/" + orderStatus(order)).equals(before)) {
				failures.add(path + ": refused with " + answer.statusCode() + " but the database changed: " + json);
			}
		}
		assertThat(failures).as("seed " + SEED).isEmpty();
	}

	private String orderStatus(String reference) {
		return this.jdbc.sql("SELECT status FROM customer_order WHERE reference = ?")
			.param(reference)
			.query(String.class)
			.single();
	}

	/**
	 * A product's body with some fields hostile (strings, huge numbers, wrong types) and
	 * the others valid, or no JSON at all.
	 */
	private String hostileProduct(long category) {
		if (this.random.nextInt(8) == 0) {
			return hostileJson();
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", "\"Bol hostile\"");
		fields.put("sku", "\"HOSTILE-" + this.random.nextInt(1_000_000) + "\"");
		fields.put("summary", "\"Un bol.\"");
		fields.put("description", "\"Un bol en grès.\"");
		fields.put("priceCents", "1290");
		fields.put("vatRate", "\"20.00\"");
		fields.put("categoryId", String.valueOf(category));
		fields.put("active", "false");
		List<String> names = new ArrayList<>(fields.keySet());
		for (int hostile = 1 + this.random.nextInt(3); hostile > 0; hostile--) {
			fields.put(pick(names), hostileScalar());
		}
		return fields.entrySet()
			.stream()
			.map((field) -> "\"" + field.getKey() + "\":" + field.getValue())
			.collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	/** A JSON object whose every field is a hostile value, or no JSON at all. */
	private String hostileObject(String... names) {
		if (this.random.nextInt(8) == 0) {
			return hostileJson();
		}
		return java.util.Arrays.stream(names)
			.map((name) -> "\"" + name + "\":" + hostileScalar())
			.collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	private String hostileScalar() {
		return switch (this.random.nextInt(8)) {
			case 0, 1, 2 -> "\"" + jsonEscaped(draw()) + "\"";
			case 3 -> "99999999999999999999999999";
			case 4 -> "-1";
			case 5 -> "null";
			case 6 -> "[1,2,3]";
			default -> "1e309";
		};
	}

	/** What a refused write must leave as it was: the account's cart lines. */
	private String cartOf(long accountId) {
		return this.jdbc.sql("""
				SELECT coalesce(string_agg(l.variant_id || 'x' || l.quantity, ',' ORDER BY l.variant_id), '')
				FROM cart c JOIN cart_line l ON l.cart_id = c.id
				WHERE c.account_id = ? AND c.checked_out_at IS NULL""").param(accountId).query(String.class).single();
	}

	@Test
	void searchesFiltersAndTheJsonApiAnswerEveryGeneratedInputWithoutAServerError() {
		Http visitor = new Http(this.port);
		String csrf = visitor.csrfToken("/cart");
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < TRIES; i++) {
			// Short enough for the request line (Tomcat refuses one beyond 8 KB itself).
			String value = draw();
			String read = pick(READS) + Http.encode(value.substring(0, Math.min(value.length(), 300)));
			check(failures, "GET " + read, visitor.get(read));
			String json = hostileJson();
			boolean put = this.random.nextBoolean();
			String path = put ? "/api/v1/cart/lines/" + this.product : "/api/v1/cart/lines";
			HttpResponse<String> api = visitor.sendJson(put ? "PUT" : "POST", path, json, csrf);
			check(failures, (put ? "PUT " : "POST ") + path + " " + json.substring(0, Math.min(80, json.length())),
					api);
			if (api.statusCode() >= 400 && !api.headers().firstValue("Content-Type").orElse("").contains("json")) {
				failures.add(path + ": refusal " + api.statusCode() + " is not a JSON problem");
			}
		}
		assertThat(failures).as("seed " + SEED).isEmpty();
	}

	@Test
	void oddUrlsNeverReachAFileOutsideTheStaticFoldersNorAServerError() {
		Http visitor = new Http(this.port);
		List<String> odd = List.of("/..%2f..%2fapplication.properties", "/css/..%2f..%2fapplication.properties",
				"/css/%2e%2e/%2e%2e/application.properties", "/css/%252e%252e%252fapplication.properties",
				"/js/..;/..;/application.properties", "/webjars/../application.properties",
				"/css/comptoir.css;jsessionid=0123456789", "/products;jsessionid=ABC", "/modules/../../pom.xml",
				"/images/products/..%2f..%2fetc%2fpasswd", "/images/products/%00.jpg", "//etc/passwd",
				"/%2e%2e/%2e%2e/etc/passwd", "/products/%c0%ae%c0%ae%2fetc%2fpasswd", "/admin/..;/products",
				"/templates/layout.html", "/application.properties", "/db/migration/V1__extensions.sql");
		List<String> failures = new ArrayList<>();
		for (String url : odd) {
			HttpResponse<String> response = visitor.get(url);
			if (response.statusCode() >= 500) {
				failures.add(url + " -> " + response.statusCode());
			}
			if (response.body().contains("spring.application.name") || response.body().contains("root:x:0:0")
					|| response.body().contains("CREATE EXTENSION") || response.body().contains("<artifactId>")) {
				failures.add(url + " served a file it must not");
			}
		}
		assertThat(failures).isEmpty();
	}

	private static void check(List<String> failures, String request, HttpResponse<String> response) {
		int status = response.statusCode();
		if (status >= 500) {
			failures.add(request + " -> " + status);
		}
		else if (status >= 400 && status != 429
				&& response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")
				&& !response.body().contains("lang=\"fr\"")) {
			failures.add(request + " -> " + status + " without the shop's French page");
		}
	}

	/**
	 * Rows a refused request must not add: accounts, addresses, orders, payments,
	 * reviews.
	 */
	private long fingerprint() {
		return this.jdbc.sql("""
				SELECT (SELECT count(*) FROM account) * 1000003 + (SELECT count(*) FROM address) * 10007
				       + (SELECT count(*) FROM customer_order) * 101 + (SELECT count(*) FROM payment)""")
			.query(Long.class)
			.single();
	}

	/**
	 * What a refused back-office form must not change: catalogue, stock, pages and their
	 * revisions, blocks, menus, module placements.
	 */
	private String backOfficeFingerprint() {
		return this.jdbc
			.sql("""
					SELECT concat_ws('/', (SELECT count(*) FROM product), (SELECT sum(stock) FROM product),
					       (SELECT sum(version) FROM product), (SELECT count(*) FROM category),
					       (SELECT count(*) FROM cms_page), (SELECT count(*) FROM cms_page_revision),
					       (SELECT count(*) FROM cms_block), (SELECT count(*) FROM menu_item),
					       (SELECT count(*) FROM stock_movement), (SELECT string_agg(hook || module_code || position, ',' ORDER BY module_code, hook) FROM module_hook))""")
			.query(String.class)
			.single();
	}

	private Map<String, String> settings(String module) {
		Map<String, String> values = new LinkedHashMap<>();
		this.jdbc.sql("SELECT key, value FROM module, jsonb_each_text(configuration) WHERE code = :code")
			.param("code", module)
			.query((RowCallbackHandler) (row) -> values.put(row.getString("key"), row.getString("value")));
		return values;
	}

	private String configuration(String module) {
		return this.jdbc.sql("SELECT configuration::text FROM module WHERE code = :code")
			.param("code", module)
			.query(String.class)
			.single();
	}

	/** A paid order of this test's own, for the administrator's order form. */
	private String ownOrder() {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long product = fixtures.product(fixtures.category("Commandes hostiles", null), "Article hostile", 500, 5,
				Map.of());
		long cart = this.carts.create(null);
		this.carts.add(cart, variantOf(product), 1);
		Quote quote = this.checkout.quote(this.carts.view(cart), null, null);
		return this.checkout
			.place(TestOrders.of(cart, null, "commande-hostile@exemple.test", quote.totals().totalCents(),
					TestOrders.ACCEPTED_CARD))
			.reference();
	}

	/** A promotion code of this test, that no order uses. */
	/** A shipping method of this test's own, off, last at the checkout. */
	private String ownShippingMethod() {
		long id = this.jdbc.sql("""
				INSERT INTO shipping_method (code, name, description, min_days, max_days, position, active)
				VALUES ('HOSTILE_' || translate((extract(epoch FROM clock_timestamp()) * 1000)::bigint::text,
				                                '0123456789', 'ABCDEFGHIJ'), 'Hostile', '', 1, 2, 1000, false)
				RETURNING id""").query(Long.class).single();
		this.jdbc.sql("""
				INSERT INTO shipping_rate (shipping_method_id, country, max_weight_grams, price_cents)
				VALUES (:id, 'FR', 1000, 500)""").param("id", id).update();
		return String.valueOf(id);
	}

	/** What a refused form must leave as it was: the method and its grid. */
	private String shippingFingerprint(String id) {
		return this.jdbc.sql("""
				SELECT m.name || m.description || m.min_days || m.max_days || coalesce(m.free_from_cents, -1)
				       || m.active || m.version || coalesce(string_agg(r.country || r.max_weight_grams || ':'
				       || r.price_cents, ',' ORDER BY r.country, r.max_weight_grams), '')
				FROM shipping_method m LEFT JOIN shipping_rate r ON r.shipping_method_id = m.id
				WHERE m.id = :id GROUP BY m.id""").param("id", Long.parseLong(id)).query(String.class).single();
	}

	private String ownPromoCode() {
		return String.valueOf(this.jdbc.sql("""
				INSERT INTO promo_code (code, kind, amount, starts_at, ends_at)
				VALUES ('HOSTILE' || (extract(epoch FROM clock_timestamp()) * 1000)::bigint % 100000000, 'PERCENT', 5,
				        now(), now() + interval '1 day')
				RETURNING id""").query(Long.class).single());
	}

	/** A CMS page of this test, created through the back-office. */
	private static String ownPage(Http editor) {
		HttpResponse<String> created = editor.submit("POST", "/admin/pages",
				Map.of("_csrf", editor.csrfToken("/cart"), "title", "Page hostile", "slug",
						"page-hostile-" + System.nanoTime(), "contentHtml", "<p>Texte</p>", "metaDescription",
						"Une page pour les essais."));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		return created.headers().firstValue("Location").orElseThrow().replaceFirst(".*/admin/pages/", "");
	}

	/** Each field present or missing, sometimes twice, with a hostile value. */
	private String formBody(List<String> names) {
		List<String> pairs = new ArrayList<>();
		for (String name : names) {
			int draw = this.random.nextInt(10);
			if (draw == 0) {
				continue;
			}
			boolean meaningful = MEANINGFUL.containsKey(name) && this.random.nextBoolean();
			pairs.add(Http.encode(name) + "=" + Http.encode(meaningful ? pick(MEANINGFUL.get(name)) : draw()));
			if (draw == 1) {
				pairs.add(Http.encode(name) + "=" + Http.encode(draw()));
			}
		}
		return String.join("&", pairs);
	}

	private String draw() {
		return hostileValue().generator(1000).next(this.random).value();
	}

	private String hostileJson() {
		String value = switch (this.random.nextInt(8)) {
			case 0 -> "\"" + jsonEscaped(draw()) + "\"";
			case 1 -> "99999999999999999999999999";
			case 2 -> "-1";
			case 3 -> "null";
			case 4 -> "[1,2,3]";
			case 5 -> "{\"a\":{\"b\":{}}}";
			case 6 -> "1e309";
			default -> String.valueOf(this.random.nextInt(5));
		};
		return switch (this.random.nextInt(6)) {
			case 0 -> "{\"variantId\":" + value + ",\"quantity\":" + value + "}";
			case 1 -> "{\"variantId\":" + this.product + ",\"quantity\":" + value + "}";
			case 2 -> "{\"quantity\":" + value + ",\"quantity\":2}";
			case 3 -> "{" + value;
			case 4 -> value;
			default -> "";
		};
	}

	private static String jsonEscaped(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\' || c < 0x20) {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/**
	 * The hostile values: long, strange, dangerous or plain wrong.
	 */
	private static Arbitrary<String> hostileValue() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1000).ofMaxLength(20000),
				Arbitraries.strings().all().ofMaxLength(40),
				Arbitraries.strings()
					.withChars('\u0000', '\u0001', '\u001b', '\u007f', '\n', '\r', '\t')
					.ofMaxLength(8),
				Arbitraries.of("", " ", "\u0000", "' OR '1'='1", "'; DROP TABLE account; --",
						"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
						"../../etc/passwd", "%00", "%2e%2e%2f", "${7*7}", "#{7*7}", "__${T(java.lang.Runtime)}__",
						"99999999999999999999", "-2147483649", "1e309", "NaN", "0x10", "١٢٣",
						"\u202e\u0645\u0631\u062d\u0628\u0627", "e\u0301\u0301\u0301",
						"\ud83d\ude00\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67", "\ud800", "true", "on",
						"client@comptoir.test", "a@b", "x".repeat(255) + "@exemple.test"));
	}

	private <T> T pick(List<T> list) {
		return list.get(this.random.nextInt(list.size()));
	}

	private long variantOf(long product) {
		return fr.dwwm.comptoir.catalog.CatalogFixtures.firstVariant(this.jdbc, product);
	}

}
