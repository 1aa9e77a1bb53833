package fr.dwwm.comptoir.order;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.test.CheckoutForm;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkout and order pages through Tomcat, as a browser without JavaScript uses them:
 * the form, its errors, the order placed, and who may see it.
 */
@IntegrationTest
class CheckoutPagesTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestAccounts accounts;

	private long product;

	@BeforeEach
	void aProductInStock() {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		this.product = fixtures.product(fixtures.category("Pages de commande", null), "Confiture de pages", 690, 50,
				Map.of());
	}

	@Test
	void anEmptyCartHasNoCheckout() {
		HttpResponse<String> response = new Http(this.port).get("/checkout");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/cart"));
	}

	@Test
	void aGuestOrdersThroughTheFormAndOnlyTheirSessionSeesTheOrder() {
		Http guest = new Http(this.port);
		Document page = checkoutPage(guest);
		assertThat(page.select("main").text()).contains("Colissimo à domicile", "Point relais", "Total TTC",
				"Commander avec obligation de paiement");
		HttpResponse<String> placed = guest.submit("POST", "/checkout", CheckoutForm.filled(page, unique()));
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(302);
		String location = placed.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/checkout/orders/CPT-[0-9]{4}-[0-9]{6}");
		String path = location.replaceFirst("^https?://[^/]+", "");

		HttpResponse<String> confirmation = guest.get(path);
		assertThat(confirmation.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(confirmation.body()).select("h1").text()).isEqualTo("Merci pour votre commande !");
		HttpResponse<byte[]> invoice = guest.getBytes(path + "/invoice.pdf");
		assertThat(invoice.statusCode()).isEqualTo(200);
		assertThat(invoice.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(new String(invoice.body(), 0, 4)).isEqualTo("%PDF");
		assertThat(Jsoup.parse(confirmation.body()).select("[data-billing-address]"))
			.as("invoiced to the delivery address: said once")
			.isEmpty();
		assertThat(guest.get("/cart").body()).as("the cart is empty after the order").contains("Votre panier est vide");

		Http stranger = new Http(this.port);
		assertThat(stranger.get(path).statusCode()).isEqualTo(404);
		assertThat(stranger.getBytes(path + "/invoice.pdf").statusCode()).isEqualTo(404);
	}

	@Test
	void missingFieldsAreReportedInFrenchAndTheCardIsNeverSentBack() {
		Http guest = new Http(this.port);
		Document page = checkoutPage(guest);
		Map<String, String> fields = CheckoutForm.filled(page, unique());
		fields.put("line1", "");
		fields.put("acceptTerms", "false");
		fields.remove("_acceptTerms");
		HttpResponse<String> response = guest.submit("POST", "/checkout", fields);
		assertThat(response.statusCode()).isEqualTo(200);
		Document errors = Jsoup.parse(response.body());
		assertThat(errors.select("#line1-error").text()).isEqualTo("Saisissez l'adresse (numéro et rue).");
		assertThat(errors.select("#acceptTerms-error").text())
			.isEqualTo("Vous devez accepter les conditions générales de vente pour commander.");
		assertThat(errors.select("#cardNumber").val()).as("the card number is not sent back").isEmpty();
		assertThat(errors.select("#cardCode").val()).isEmpty();
		assertThat(errors.select("#cardExpiry").val()).isEmpty();
		assertThat(errors.select("#cardHolder").val()).isEqualTo("Camille Martin");
	}

	@Test
	void anInvoiceMadeOutToAnotherAddressThanTheDeliveryKeepsBothOnTheOrderAndPrintsTheBillingOne() throws Exception {
		Http guest = new Http(this.port);
		Document page = checkoutPage(guest);
		assertThat(page.select("input[name=billingSame]").hasAttr("checked")).as("the same address by default")
			.isTrue();
		Map<String, String> fields = CheckoutForm.filled(page, unique());
		fields.put("_billingSame", "on");
		fields.putAll(Map.of("billing.firstName", "Société", "billing.lastName", "Lumière SARL", "billing.line1",
				"4 quai des Chartrons", "billing.postalCode", "33000", "billing.city", "Bordeaux", "billing.country",
				"FR"));
		HttpResponse<String> placed = guest.submit("POST", "/checkout", fields);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(302);
		String path = placed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		Map<String, Object> order = this.jdbc
			.sql("SELECT ship_city, bill_first_name, bill_last_name, bill_line1, bill_city FROM customer_order "
					+ "WHERE reference = :reference")
			.param("reference", path.replaceFirst(".*/", ""))
			.query()
			.singleRow();
		assertThat(order).containsEntry("ship_city", "Paris")
			.containsEntry("bill_first_name", "Société")
			.containsEntry("bill_last_name", "Lumière SARL")
			.containsEntry("bill_line1", "4 quai des Chartrons")
			.containsEntry("bill_city", "Bordeaux");
		assertThat(Jsoup.parse(guest.get(path).body()).select("[data-billing-address]").text())
			.as("the order page shows where the invoice goes")
			.contains("Société Lumière SARL", "4 quai des Chartrons", "33000 Bordeaux");
		String invoice = CheckoutTests.pdfText(guest.getBytes(path + "/invoice.pdf").body());
		assertThat(invoice).contains("Société Lumière SARL", "4 quai des Chartrons", "33000 Bordeaux")
			.doesNotContain("8 rue des Lilas");
	}

	@Test
	void theBillingAddressOfTheAddressBookIsOfferedForTheInvoiceAndTheOrderIsBilledThere() {
		Account owner = this.accounts.customer();
		Http customer = new Http(this.port);
		customer.login(owner.getEmail(), TestAccounts.PASSWORD);
		customer.postForm("/account/addresses/new", "/account/addresses",
				Map.of("label", "Maison", "firstName", "Camille", "lastName", "Martin", "line1", "8 rue des Lilas",
						"postalCode", "75011", "city", "Paris", "country", "FR", "default", "on"));
		customer.postForm("/account/addresses/new", "/account/addresses",
				Map.of("label", "Bureau", "firstName", "Atelier", "lastName", "Martin SARL", "line1",
						"4 quai des Chartrons", "postalCode", "33000", "city", "Bordeaux", "country", "FR",
						"defaultBilling", "on"));
		assertThat(Jsoup.parse(customer.get("/account/addresses").body())
			.select(".address-card:has([data-billing-badge])")
			.text()).as("the address book says which one is for invoices").contains("Bureau").doesNotContain("Maison");

		Document page = checkoutPage(customer);
		assertThat(page.select("input[name=billingSame]").hasAttr("checked")).as("not the delivery address").isFalse();
		assertThat(page.select("input[name='billing.line1']").val()).isEqualTo("4 quai des Chartrons");
		assertThat(page.select("input[name=line1]").val()).isEqualTo("8 rue des Lilas");
		Map<String, String> fields = CheckoutForm.filled(page, null);
		// As a browser sends the form: the box unticked, the billing fields as
		// pre-filled.
		fields.put("_billingSame", "on");
		page.select("input[name^=billing.]").forEach((field) -> fields.put(field.attr("name"), field.val()));
		page.select("select[name^=billing.]")
			.forEach((field) -> fields.put(field.attr("name"), field.select("option[selected]").val()));
		HttpResponse<String> placed = customer.submit("POST", "/checkout", fields);
		assertThat(placed.statusCode()).as(Jsoup.parse(placed.body()).select(".invalid-feedback").text())
			.isEqualTo(302);
		Map<String, Object> order = this.jdbc
			.sql("SELECT ship_line1, bill_line1, bill_city FROM customer_order WHERE reference = :reference")
			.param("reference", placed.headers().firstValue("Location").orElseThrow().replaceFirst(".*/", ""))
			.query()
			.singleRow();
		assertThat(order).containsEntry("ship_line1", "8 rue des Lilas")
			.containsEntry("bill_line1", "4 quai des Chartrons")
			.containsEntry("bill_city", "Bordeaux");

		long home = this.jdbc.sql("SELECT id FROM address WHERE account_id = :account AND label = 'Maison'")
			.param("account", owner.getId())
			.query(Long.class)
			.single();
		customer.postForm("/account/addresses/" + home, "/account/addresses/" + home,
				Map.of("label", "Maison", "firstName", "Camille", "lastName", "Martin", "line1", "8 rue des Lilas",
						"postalCode", "75011", "city", "Paris", "country", "FR", "default", "on", "defaultBilling",
						"on", "version", "0"));
		assertThat(this.jdbc.sql("SELECT label FROM address WHERE account_id = :account AND is_default_billing")
			.param("account", owner.getId())
			.query(String.class)
			.list()).as("one billing address at a time").containsExactly("Maison");
		assertThat(checkoutPage(customer).select("input[name=billingSame]").hasAttr("checked"))
			.as("billed where delivered again")
			.isTrue();
	}

	@Test
	void anUnfinishedBillingAddressIsReportedNextToItsFieldsAndIgnoredWhileTheBoxIsTicked() {
		Http guest = new Http(this.port);
		Document page = checkoutPage(guest);
		Map<String, String> fields = CheckoutForm.filled(page, unique());
		fields.put("_billingSame", "on");
		fields.putAll(Map.of("billing.firstName", "Société", "billing.lastName", "Lumière SARL", "billing.postalCode",
				"3300", "billing.country", "FR"));
		HttpResponse<String> refused = guest.submit("POST", "/checkout", fields);
		assertThat(refused.statusCode()).isEqualTo(200);
		Document errors = Jsoup.parse(refused.body());
		assertThat(errors.select("[id='billing.line1-error']").text())
			.isEqualTo("Saisissez l'adresse (numéro et rue).");
		assertThat(errors.select("[id='billing.postalCode-error']").text()).isNotEmpty();
		assertThat(errors.select("[id='billing.lastName']").val()).as("nothing typed is lost")
			.isEqualTo("Lumière SARL");
		assertThat(errors.select("input[name=billingSame]").hasAttr("checked")).isFalse();

		fields.put("billingSame", "true");
		fields.put("idempotencyKey", errors.select("input[name=idempotencyKey]").val());
		fields.put("_csrf", errors.select("input[name=_csrf]").val());
		HttpResponse<String> placed = guest.submit("POST", "/checkout", fields);
		assertThat(placed.statusCode()).as("ticked: the half-typed billing address is ignored").isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT bill_line1 FROM customer_order WHERE reference = :reference")
			.param("reference", placed.headers().firstValue("Location").orElseThrow().replaceFirst(".*/", ""))
			.query(String.class)
			.single()).isEqualTo("8 rue des Lilas");
	}

	@Test
	void aRefusedCardKeepsTheCartAndExplainsWhy() {
		Http guest = new Http(this.port);
		Map<String, String> fields = CheckoutForm.filled(checkoutPage(guest), unique());
		fields.put("cardNumber", DemoPaymentGateway.INSUFFICIENT_FUNDS);
		HttpResponse<String> response = guest.submit("POST", "/checkout", fields);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(response.body()).select("[role=alert]").text()).isEqualTo(
				"Paiement refusé : provision insuffisante. Votre commande n'a pas été passée : essayez une autre carte.");
		assertThat(guest.get("/cart").body()).contains("Confiture de pages");
	}

	@Test
	void aRejectedCardNumberIsNotWrittenBackIntoThePage() {
		Http guest = new Http(this.port);
		Map<String, String> fields = CheckoutForm.filled(checkoutPage(guest), unique());
		fields.put("cardNumber", "4242 4242 abcd 9876");
		fields.put("cardCode", "98");
		HttpResponse<String> response = guest.submit("POST", "/checkout", fields);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("#cardNumber-error").text()).startsWith("Le numéro de carte ne doit contenir");
		assertThat(page.select("#cardNumber").val()).isEmpty();
		assertThat(response.body()).doesNotContain("abcd 9876").doesNotContain("value=\"98\"");
	}

	@Test
	void theSameRefusedFormSentTwiceNeverShowsAThankYou() {
		Http guest = new Http(this.port);
		Map<String, String> fields = CheckoutForm.filled(checkoutPage(guest), unique());
		fields.put("cardNumber", DemoPaymentGateway.REFUSED);
		assertThat(guest.submit("POST", "/checkout", fields).statusCode()).isEqualTo(200);
		HttpResponse<String> again = guest.submit("POST", "/checkout", fields);
		assertThat(again.statusCode()).isEqualTo(302);
		String path = again.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		Document page = Jsoup.parse(guest.get(path).body());
		assertThat(page.select("h1").text()).startsWith("Commande CPT-");
		assertThat(page.select("main .alert-warning").text()).startsWith("Cette commande est annulée");
		assertThat(guest.get("/cart").body()).as("the cart is still there").contains("Confiture de pages");
	}

	@Test
	void aCustomerSeesTheirOrdersAndNobodyElseDoes() {
		Account owner = this.accounts.customer();
		Http customer = new Http(this.port);
		customer.login(owner.getEmail(), TestAccounts.PASSWORD);
		Document page = checkoutPage(customer);
		assertThat(page.select("main").text()).contains("Commande passée avec le compte " + owner.getEmail());
		Map<String, String> fields = CheckoutForm.filled(page, null);
		HttpResponse<String> placed = customer.submit("POST", "/checkout", fields);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(302);
		String reference = placed.headers().firstValue("Location").orElseThrow().replaceFirst(".*/", "");
		assertThat(customer.get("/account/orders").body()).contains(reference);
		assertThat(customer.get("/account/orders/" + reference).statusCode()).isEqualTo(200);
		assertThat(customer.getBytes("/account/orders/" + reference + "/invoice.pdf").statusCode()).isEqualTo(200);

		Http other = new Http(this.port);
		other.login(this.accounts.customer().getEmail(), TestAccounts.PASSWORD);
		assertThat(other.get("/account/orders/" + reference).statusCode()).isEqualTo(404);
		assertThat(other.getBytes("/account/orders/" + reference + "/invoice.pdf").statusCode()).isEqualTo(404);
		assertThat(other.get("/checkout/orders/" + reference).statusCode()).isEqualTo(404);
		assertThat(other.get("/account/orders").body()).doesNotContain(reference);
	}

	private Document checkoutPage(Http http) {
		http.postForm("/login", "/cart/lines",
				Map.of("variantId", String.valueOf(variantOf(this.product)), "quantity", "2"));
		HttpResponse<String> response = http.get("/checkout");
		assertThat(response.statusCode()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private static String unique() {
		return "invite-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
	}

	private long variantOf(long product) {
		return fr.dwwm.comptoir.catalog.CatalogFixtures.firstVariant(this.jdbc, product);
	}

}
