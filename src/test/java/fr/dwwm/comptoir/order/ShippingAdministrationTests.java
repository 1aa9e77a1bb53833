package fr.dwwm.comptoir.order;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Country;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.cart.Carts;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shipping methods made in the back office, on the real database, through the form an
 * administrator posts: the checkout prices a parcel by the band of its weight for its
 * country and does not offer the method where it has no band; a grid with a duplicate or
 * malformed row is refused with its row number and nothing is saved; a form opened before
 * someone else's change is refused; moving and switching off change what the checkout
 * offers; each change is audited with the values before and after.
 */
@IntegrationTest
class ShippingAdministrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private ShippingAdministration administration;

	@Autowired
	private Checkout checkout;

	@Autowired
	private Carts carts;

	@Autowired
	private JdbcClient jdbc;

	/** A code of capitals only, as the database wants it, different in each test. */
	private final String code = "TEST_" + UUID.randomUUID()
		.toString()
		.substring(0, 8)
		.chars()
		.mapToObj((c) -> String.valueOf((char) ('A' + Character.digit(c, 16))))
		.collect(java.util.stream.Collectors.joining());

	@AfterEach
	void withdrawTheMethod() {
		// Other tests read the checkout's options: the method made here leaves with its
		// test.
		this.jdbc.sql("DELETE FROM shipping_method WHERE code = :code").param("code", this.code).update();
	}

	@Test
	void theCheckoutPricesAParcelByTheBandOfItsWeightForItsCountryAndOnlyWhereTheMethodDelivers() {
		StaffLogin admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port);
		HttpResponse<String> created = post(admin, form(this.code, "Coursier test", List.of("FR", "FR", "BE"),
				List.of("1", "5", "2"), List.of("4,00", "9,00", "12,50")));
		assertThat(created.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/admin/shipping"));

		long product = catalog().product(catalog().category("Colis", null), "Théière en fonte", 3000, 50, Map.of());
		long variant = CatalogFixtures.firstVariant(this.jdbc, product);
		this.jdbc.sql("UPDATE product_variant SET weight_grams = 800 WHERE id = ?").param(variant).update();
		long cart = this.carts.create(null);
		this.carts.add(cart, variant, 1);
		assertThat(price(cart, Country.FR)).as("0.8 kg in France: the 1 kg band").isEqualTo(400);
		this.carts.setQuantity(cart, variant, 2);
		assertThat(price(cart, Country.FR)).as("1.6 kg in France: the 5 kg band").isEqualTo(900);
		assertThat(price(cart, Country.BE)).as("1.6 kg in Belgium").isEqualTo(1250);
		this.carts.setQuantity(cart, variant, 3);
		assertThat(price(cart, Country.BE)).as("2.4 kg: heavier than Belgium's only band").isNull();
		assertThat(price(cart, Country.MC)).as("no band for Monaco").isNull();

		long id = this.administration.all()
			.stream()
			.filter((method) -> method.code().equals(this.code))
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(this.jdbc.sql("""
				SELECT details -> 'after' ->> 'bands' FROM audit_log
				WHERE action = 'SHIPPING_CREATE' AND target = :target""")
			.param("target", "shipping:" + id)
			.query(String.class)
			.single()).isEqualTo("BE <= 2000 g: 1250; FR <= 1000 g: 400; FR <= 5000 g: 900");
	}

	@Test
	void aGridWithADuplicateOrMalformedRowIsRefusedWithItsRowAndNothingIsSaved() {
		StaffLogin admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port);
		HttpResponse<String> duplicate = post(admin,
				form(this.code, "Coursier test", List.of("FR", "FR"), List.of("1", "1,000"), List.of("4,00", "5,00")));
		assertThat(duplicate.statusCode()).isEqualTo(200);
		assertThat(duplicate.body()).contains("Ligne 2 de la grille : une autre tranche a déjà ce pays et ce poids.");
		HttpResponse<String> malformed = post(admin,
				form(this.code, "Coursier test", List.of("FR", "XX"), List.of("1", "2"), List.of("4,00", "5,00")));
		assertThat(malformed.body()).contains("Ligne 2 de la grille : saisissez un poids");
		HttpResponse<String> empty = post(admin,
				form(this.code, "Coursier test", List.of("FR"), List.of(""), List.of("")));
		assertThat(empty.body()).contains("La grille doit avoir au moins une tranche.");
		assertThat(this.jdbc.sql("SELECT count(*) FROM shipping_method WHERE code = :code")
			.param("code", this.code)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aStaleFormIsRefusedWhileMovingAndSwitchingOffChangeWhatTheCheckoutOffers() {
		long staff = this.accounts.create(Role.ADMIN, null).getId();
		ShippingMethodForm form = new ShippingMethodForm();
		form.setShippingCode(this.code);
		form.setName("Coursier test");
		form.setDescription("Livré dans l'heure.");
		form.setBandCountry(List.of("FR", "FR"));
		form.setBandWeight(List.of("1", "30"));
		form.setBandPrice(List.of("1,00", "2,00"));
		long id = this.administration.create(form, staff).id();

		ShippingMethodForm mine = ShippingMethodForm.of(this.administration.find(id).orElseThrow(), Locale.FRANCE);
		ShippingMethodForm theirs = ShippingMethodForm.of(this.administration.find(id).orElseThrow(), Locale.FRANCE);
		theirs.setName("Coursier express");
		assertThat(this.administration.update(id, theirs, staff).refusal()).isNull();
		mine.setBandPrice(List.of("0,50", "2,00"));
		assertThat(this.administration.update(id, mine, staff).refusal()).isEqualTo("admin.shipping.stale");
		assertThat(this.administration.find(id).orElseThrow().bands())
			.extracting(ShippingAdministration.Band::priceCents)
			.containsExactly(100, 200);
		assertThat(this.jdbc.sql("""
				SELECT details::text FROM audit_log WHERE action = 'SHIPPING_UPDATE' AND target = :target""")
			.param("target", "shipping:" + id)
			.query(String.class)
			.single())
			.contains("\"before\": {\"name\": \"Coursier test\"}", "\"after\": {\"name\": \"Coursier express\"}");

		long cart = this.carts.create(null);
		this.carts.add(cart, CatalogFixtures.firstVariant(this.jdbc,
				catalog().product(catalog().category("Colis", null), "Bol", 1000, 10, Map.of())), 1);
		List<String> before = codes(cart);
		assertThat(before).last().isEqualTo(this.code);
		while (!codes(cart).get(0).equals(this.code)) {
			this.administration.move(id, true, staff);
		}
		assertThat(this.checkout.quote(this.carts.view(cart), null, null).shipping().code())
			.as("first in the list, chosen by default")
			.isEqualTo(this.code);
		this.administration.move(id, false, staff);
		assertThat(codes(cart)).as("one place down").element(1).isEqualTo(this.code);

		this.administration.activate(id, false, staff);
		assertThat(codes(cart)).doesNotContain(this.code);
		assertThat(codes(cart)).as("the others keep their order")
			.isEqualTo(before.stream().filter((code) -> !code.equals(this.code)).toList());
	}

	private CatalogFixtures catalog() {
		return new CatalogFixtures(this.jdbc);
	}

	private Long price(long cart, Country country) {
		return this.checkout.quote(this.carts.view(cart), this.code, null, null, country)
			.shippingOptions()
			.stream()
			.filter((option) -> option.code().equals(this.code))
			.map(ShippingMethods.Option::priceCents)
			.findFirst()
			.orElse(null);
	}

	private List<String> codes(long cart) {
		return this.checkout.quote(this.carts.view(cart), null, null)
			.shippingOptions()
			.stream()
			.map(ShippingMethods.Option::code)
			.toList();
	}

	private static HttpResponse<String> post(StaffLogin admin, String body) {
		return admin.http()
			.submitBody("POST", "/admin/shipping",
					body + "&_csrf=" + Http.encode(admin.http().csrfToken("/admin/shipping/new")));
	}

	/** A form body as the browser sends it: the grid's fields repeated once per row. */
	private static String form(String code, String name, List<String> countries, List<String> weights,
			List<String> prices) {
		StringBuilder body = new StringBuilder("shippingCode=" + code + "&name=" + Http.encode(name) + "&description="
				+ Http.encode("Livré par coursier.") + "&minDays=1&maxDays=2&active=true&version=0");
		for (int row = 0; row < countries.size(); row++) {
			body.append("&bandCountry=")
				.append(Http.encode(countries.get(row)))
				.append("&bandWeight=")
				.append(Http.encode(weights.get(row)))
				.append("&bandPrice=")
				.append(Http.encode(prices.get(row)));
		}
		return body.toString();
	}

}
