package fr.dwwm.comptoir.order;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.PersonalDataContributor.Person;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.cart.Carts;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.mail.DemoMailbox;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Placing orders on the real database: stock never oversold, one order per form, payments
 * refused without loss, the state machine, invoices numbered without gaps.
 */
@IntegrationTest
class CheckoutTests {

	@Autowired
	private Checkout checkout;

	@Autowired
	private Orders orders;

	@Autowired
	private OrderQueries orderQueries;

	@Autowired
	private Carts carts;

	@Autowired
	private Invoices invoices;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Mailbox mailbox;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private OrderPersonalData orderData;

	private CatalogFixtures fixtures;

	private long category;

	@BeforeEach
	void catalog() {
		this.fixtures = new CatalogFixtures(this.jdbc);
		this.category = this.fixtures.category("Commandes", null);
	}

	@Test
	void aPaidOrderTakesTheStockKeepsASnapshotIssuesItsInvoiceAndMailsTheCustomer() throws IOException {
		long jam = this.fixtures.product(this.category, "Confiture commandée", 690, 10, Map.of());
		long cart = cartWith(jam, 2);
		String email = unique("camille");
		Checkout.Placed placed = this.checkout.place(order(cart, null, email, DemoPaymentGateway.ACCEPTED));

		assertThat(placed.now()).isTrue();
		assertThat(placed.reference()).matches("CPT-20[0-9]{2}-[0-9]{6}");
		assertThat(stock(jam)).isEqualTo(8);
		Map<String, Object> order = row("SELECT * FROM customer_order WHERE reference = ?", placed.reference());
		assertThat(order.get("status")).isEqualTo("PAID");
		// 13,80 € of goods and 5,90 € Colissimo (free from 60 €)
		assertThat(order.get("total_cents")).isEqualTo(1970);
		this.jdbc.sql("UPDATE product SET name = 'Nouveau nom' WHERE id = :id").param("id", jam).update();
		this.jdbc.sql("UPDATE product_variant SET price_cents = 990 WHERE product_id = :id").param("id", jam).update();
		OrderDetails details = this.orderQueries.byReference(placed.reference()).orElseThrow();
		assertThat(details.lines()).singleElement().satisfies((line) -> {
			assertThat(line.name()).isEqualTo("Confiture commandée");
			assertThat(line.unitPriceCents()).isEqualTo(690);
		});
		assertThat(details.cardLast4()).isEqualTo("4242");
		assertThat(details.invoiceNumber()).matches("FA-20[0-9]{2}-[0-9]{6}");
		assertThat(this.carts.openCartOf(0)).isEmpty();
		assertThat(this.jdbc.sql("SELECT checked_out_at IS NOT NULL FROM cart WHERE id = :id")
			.param("id", cart)
			.query(Boolean.class)
			.single()).as("the cart is closed").isTrue();

		List<DemoMailbox.ReceivedMail> mails = this.mailbox.to(email);
		assertThat(mails).singleElement().satisfies((mail) -> {
			assertThat(mail.subject()).isEqualTo("Votre commande Comptoir est confirmée");
			assertThat(mail.text()).contains(placed.reference()).contains("Confiture commandée");
			assertThat(mail.attachments()).as("named as the invoice downloaded from the order")
				.containsExactly(details.invoiceNumber() + ".pdf");
		});

		String text = pdfText(this.invoices.pdf(details.id()).orElseThrow());
		assertThat(text).contains(details.invoiceNumber(), placed.reference(), "Camille Martin", "Confiture commandée")
			.contains("Total TTC 19,70 €")
			.contains("SIRET");
	}

	@Test
	void fiftySimultaneousBuyersOfTenUnitsGiveTenPaidOrdersAndFortyClearRefusals() throws Exception {
		long rare = this.fixtures.product(this.category, "Safran rare", 1500, 10, Map.of());
		List<Long> cartIds = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			cartIds.add(cartWith(rare, 1));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(50);
		List<Future<String>> results = new ArrayList<>();
		try {
			for (long cart : cartIds) {
				results.add(pool.submit(() -> {
					start.await();
					try {
						return this.checkout.place(order(cart, null, unique("ruee"), DemoPaymentGateway.ACCEPTED))
							.reference();
					}
					catch (CheckoutRefusal refusal) {
						return refusal.getMessageKey();
					}
				}));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<String> result : results) {
				outcomes.add(result.get());
			}
			assertThat(outcomes.stream().filter((o) -> o.startsWith("CPT-"))).hasSize(10);
			assertThat(outcomes.stream().filter("checkout.out-of-stock"::equals)).hasSize(40);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(stock(rare)).isZero();
		assertThat(this.jdbc.sql("""
				SELECT count(DISTINCT o.id) FROM customer_order o JOIN order_line l ON l.order_id = o.id
				WHERE l.product_id = :product AND o.status = 'PAID'""")
			.param("product", rare)
			.query(Integer.class)
			.single()).isEqualTo(10);
		assertThat(this.jdbc.sql(
				"SELECT sum(delta) FROM stock_movement WHERE variant_id IN (SELECT id FROM product_variant WHERE product_id = :product)")
			.param("product", rare)
			.query(Integer.class)
			.single()).isEqualTo(-10);
		List<Integer> numbers = this.jdbc.sql("""
				SELECT i.number FROM invoice i JOIN order_line l ON l.order_id = i.order_id
				WHERE l.product_id = :product ORDER BY i.number""").param("product", rare).query(Integer.class).list();
		assertThat(numbers).as("ten distinct invoice numbers").doesNotHaveDuplicates().hasSize(10);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM generate_series(1, (SELECT max(last_number) FROM invoice_counter)) n
				WHERE NOT EXISTS (SELECT 1 FROM invoice i WHERE i.number = n
				                  AND i.year = (SELECT max(year) FROM invoice_counter))""")
			.query(Integer.class)
			.single()).as("no gap in the invoice numbers").isZero();
	}

	@Test
	void theSameFormSentTwiceCreatesOneOrderAndChargesOnce() throws Exception {
		long soap = this.fixtures.product(this.category, "Savon double clic", 600, 10, Map.of());
		long cart = cartWith(soap, 1);
		NewOrder order = order(cart, null, unique("double"), DemoPaymentGateway.ACCEPTED);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Future<Checkout.Placed> first = pool.submit(() -> {
				start.await();
				return this.checkout.place(order);
			});
			Future<Checkout.Placed> second = pool.submit(() -> {
				start.await();
				return this.checkout.place(order);
			});
			start.countDown();
			assertThat(first.get().reference()).isEqualTo(second.get().reference());
			assertThat(first.get().now() ^ second.get().now()).as("exactly one call placed it").isTrue();
		}
		finally {
			pool.shutdownNow();
		}
		Checkout.Placed again = this.checkout.place(order);
		assertThat(again.now()).isFalse();
		assertThat(this.jdbc.sql("SELECT count(*) FROM customer_order WHERE idempotency_key = :key")
			.param("key", order.idempotencyKey())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM payment p JOIN customer_order o ON o.id = p.order_id
				WHERE o.idempotency_key = :key""").param("key", order.idempotencyKey()).query(Integer.class).single())
			.as("charged once")
			.isEqualTo(1);
		assertThat(stock(soap)).isEqualTo(9);
	}

	@Test
	void aRefusedPaymentCancelsTheOrderGivesTheStockBackAndKeepsTheCart() {
		long tea = this.fixtures.product(this.category, "Thé refusé", 900, 5, Map.of());
		long cart = cartWith(tea, 2);
		NewOrder order = order(cart, null, unique("refus"), DemoPaymentGateway.REFUSED);
		assertThatExceptionOfType(CheckoutRefusal.class).isThrownBy(() -> this.checkout.place(order))
			.satisfies((refusal) -> assertThat(refusal.getMessageKey()).isEqualTo("payment.refused"));
		assertThat(stock(tea)).isEqualTo(5);
		String status = this.jdbc.sql("SELECT status FROM customer_order WHERE idempotency_key = :key")
			.param("key", order.idempotencyKey())
			.query(String.class)
			.single();
		assertThat(status).isEqualTo("CANCELLED");
		assertThat(this.carts.view(cart).itemCount()).as("nothing lost").isEqualTo(2);
		Checkout.Placed retried = this.checkout.place(order(cart, null, order.email(), DemoPaymentGateway.ACCEPTED));
		assertThat(retried.now()).isTrue();
		assertThat(stock(tea)).isEqualTo(3);
	}

	@Test
	void ordersPlacedAndRefusedAndThePaymentAnswersAreCountedForTheOperationsTeam() {
		double placed = count("comptoir.orders", "outcome", "placed");
		double refusedCards = count("comptoir.orders", "reason", "payment.refused");
		double emptyCarts = count("comptoir.orders", "reason", "checkout.empty");
		long refusedAnswers = this.meters.get("comptoir.payment").tag("answer", "refused").timer().count();
		long tea = this.fixtures.product(this.category, "Thé compté", 900, 5, Map.of());
		long cart = cartWith(tea, 1);
		assertThatExceptionOfType(CheckoutRefusal.class)
			.isThrownBy(() -> this.checkout.place(order(cart, null, unique("compte"), DemoPaymentGateway.REFUSED)));
		assertThatExceptionOfType(CheckoutRefusal.class).isThrownBy(() -> this.checkout
			.place(order(this.carts.create(null), null, unique("vide"), DemoPaymentGateway.ACCEPTED)));
		NewOrder paid = order(cart, null, unique("compte"), DemoPaymentGateway.ACCEPTED);
		this.checkout.place(paid);
		this.checkout.place(paid);

		assertThat(count("comptoir.orders", "outcome", "placed") - placed).as("the same form twice: one order")
			.isEqualTo(1);
		assertThat(count("comptoir.orders", "reason", "payment.refused") - refusedCards).isEqualTo(1);
		assertThat(count("comptoir.orders", "reason", "checkout.empty") - emptyCarts).isEqualTo(1);
		assertThat(this.meters.get("comptoir.payment").tag("answer", "refused").timer().count() - refusedAnswers)
			.isEqualTo(1);
	}

	private double count(String name, String tag, String value) {
		return this.meters.find(name).tag(tag, value).counters().stream().mapToDouble(Counter::count).sum();
	}

	@Test
	void aRefusedCardLeavesNoOrderInMyOrdersButTheBackOfficeSaysWhyTheAttemptFailed() {
		long soap = this.fixtures.product(this.category, "Savon refusé", 750, 5, Map.of());
		long customer = this.accounts.customer().getId();
		long cart = this.carts.create(customer);
		this.carts.add(cart, variantOf(soap), 1);
		String email = unique("tentative");
		NewOrder refused = order(cart, customer, email, DemoPaymentGateway.REFUSED);
		assertThatExceptionOfType(CheckoutRefusal.class).isThrownBy(() -> this.checkout.place(refused));
		String attempt = this.jdbc.sql("SELECT reference FROM customer_order WHERE idempotency_key = :key")
			.param("key", refused.idempotencyKey())
			.query(String.class)
			.single();

		assertThat(this.orderQueries.ofAccount(customer)).as("« Mes commandes »").isEmpty();
		assertThat(this.orderQueries.ofCustomer(attempt, customer)).as("nor its page").isEmpty();
		assertThat(this.orderQueries.search(null, null, null, email, 0, 20).items()).singleElement()
			.satisfies((row) -> {
				assertThat(row.reference()).isEqualTo(attempt);
				assertThat(row.unpaidAttempt()).isEqualTo("REFUSED");
			});

		String paid = this.checkout.place(order(cart, customer, email, DemoPaymentGateway.ACCEPTED)).reference();
		assertThat(this.orderQueries.ofAccount(customer)).extracting(OrderQueries.OrderSummary::reference)
			.containsExactly(paid);
		assertThat(this.orderQueries.search(null, null, null, email, 0, 20).items())
			.extracting(OrderQueries.StaffRow::reference, OrderQueries.StaffRow::unpaidAttempt)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(paid, null),
					org.assertj.core.groups.Tuple.tuple(attempt, "REFUSED"));
		// A paid order the customer cancelled is still theirs to see.
		assertThat(this.orders.cancelByCustomer(paid, customer)).isTrue();
		assertThat(this.orderQueries.ofAccount(customer)).extracting(OrderQueries.OrderSummary::reference)
			.containsExactly(paid);
	}

	@Test
	void theStateMachineRefusesIllegalMovesAndLeavesRefundsToTheRefunds() {
		long bowl = this.fixtures.product(this.category, "Bol expédié", 2500, 4, Map.of());
		String reference = this.checkout
			.place(order(cartWith(bowl, 1), null, unique("etats"), DemoPaymentGateway.ACCEPTED))
			.reference();
		long id = this.orderQueries.byReference(reference).orElseThrow().id();
		assertThatThrownBy(() -> this.orders.changeStatus(id, OrderStatus.DELIVERED, null, null, null))
			.isInstanceOf(IllegalOrderTransition.class);
		assertThatThrownBy(() -> this.orders.changeStatus(id, OrderStatus.AWAITING_PAYMENT, null, null, null))
			.isInstanceOf(IllegalOrderTransition.class);
		this.orders.changeStatus(id, OrderStatus.PREPARING, null, null, null);
		assertThatThrownBy(() -> this.orders.changeStatus(id, OrderStatus.SHIPPED, null, null, null))
			.as("no shipment without a tracking number")
			.isInstanceOf(IllegalArgumentException.class);
		this.orders.changeStatus(id, OrderStatus.SHIPPED, null, null, "6A12345678901");
		assertThat(this.mailbox.to(this.orderQueries.byReference(reference).orElseThrow().email()))
			.anySatisfy((mail) -> assertThat(mail.text()).contains("6A12345678901"));
		assertThatThrownBy(() -> this.orders.changeStatus(id, OrderStatus.CANCELLED, null, null, null))
			.as("a shipped order is no longer cancelled")
			.isInstanceOf(IllegalOrderTransition.class);
		assertThat(stock(bowl)).isEqualTo(3);
		assertThatThrownBy(() -> this.orders.changeStatus(id, OrderStatus.REFUNDED, null, "returned broken", null))
			.as("money goes back through the refunds, never by a status change")
			.isInstanceOf(IllegalOrderTransition.class);
		OrderDetails shipped = this.orderQueries.byReference(reference).orElseThrow();
		assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(shipped.history()).extracting(OrderDetails.Change::status)
			.containsExactly(OrderStatus.AWAITING_PAYMENT, OrderStatus.PAID, OrderStatus.PREPARING,
					OrderStatus.SHIPPED);
		assertThat(stock(bowl)).isEqualTo(3);
	}

	@Test
	void aCustomerCancelsTheirOrderBeforeShipmentButNotSomeoneElses() {
		long candle = this.fixtures.product(this.category, "Bougie annulée", 1800, 3, Map.of());
		long owner = this.accounts.customer().getId();
		long other = this.accounts.customer().getId();
		long cart = this.carts.create(owner);
		this.carts.add(cart, variantOf(candle), 1);
		String reference = this.checkout.place(order(cart, owner, unique("annule"), DemoPaymentGateway.ACCEPTED))
			.reference();
		assertThat(stock(candle)).isEqualTo(2);
		assertThat(this.orders.cancelByCustomer(reference, other)).isFalse();
		assertThat(this.orderQueries.ofCustomer(reference, other)).isEmpty();
		assertThat(this.orders.cancelByCustomer(reference, owner)).isTrue();
		assertThat(stock(candle)).isEqualTo(3);
		assertThat(this.orderQueries.ofAccount(owner)).singleElement()
			.satisfies((summary) -> assertThat(summary.status()).isEqualTo(OrderStatus.CANCELLED));
	}

	@Test
	void aDeletedCustomersOrdersAreExportedThenLoseEveryPersonalDetailButKeepTheirAmounts() {
		long tea = this.fixtures.product(this.category, "Thé effacé", 900, 5, Map.of());
		Account account = this.accounts.customer();
		long customer = account.getId();
		long cart = this.carts.create(customer);
		this.carts.add(cart, variantOf(tea), 1);
		String reference = this.checkout.place(order(cart, customer, unique("rgpd"), DemoPaymentGateway.ACCEPTED))
			.reference();
		Person person = new Person(customer, account.getEmail());
		assertThat(this.orderData.export(person)).asString().contains(reference, "Camille", "Thé effacé");
		this.orderData.erase(person);
		Map<String, Object> order = row("SELECT * FROM customer_order WHERE reference = ?", reference);
		assertThat(order.get("email")).isNull();
		assertThat(order.get("ship_last_name")).isNull();
		assertThat(order.get("ship_line1")).isNull();
		assertThat(order.get("account_id")).isNull();
		assertThat(order.get("anonymised_at")).isNotNull();
		assertThat(order.get("total_cents")).as("kept for the accounts").isEqualTo(1490);
	}

	@Test
	void theGuestOrdersPlacedWithAnAddressTheCustomerProvedBeforeTheirCurrentOneStayTheirs() {
		long soap = this.fixtures.product(this.category, "Savon d'une ancienne adresse", 700, 5, Map.of());
		Account account = this.accounts.customer();
		String formerEmail = unique("ancienne");
		String withTheFormerAddress = this.checkout
			.place(order(cartWith(soap, 1), null, formerEmail, DemoPaymentGateway.ACCEPTED))
			.reference();
		Person person = Person.withFormerEmails(account.getId(), account.getEmail(), List.of(formerEmail));

		assertThat(this.orderData.export(person)).asString().contains(withTheFormerAddress, "placedAsGuest=true");
		assertThat(this.orderData.export(new Person(account.getId(), account.getEmail()))).asString()
			.as("without the former address")
			.doesNotContain(withTheFormerAddress);
		this.orderData.erase(person);
		assertThat(row("SELECT * FROM customer_order WHERE reference = ?", withTheFormerAddress))
			.containsEntry("email", null)
			.containsEntry("ship_last_name", null);
	}

	@Test
	void theOrdersACustomerPlacedAsAGuestWithTheirProvedAddressAreTheirsInTheExportTheErasureAndTheLastContact() {
		long soap = this.fixtures.product(this.category, "Savon d'invité", 700, 5, Map.of());
		Account account = this.accounts.customer();
		Person person = new Person(account.getId(), account.getEmail());
		String asGuest = this.checkout
			.place(order(cartWith(soap, 1), null, account.getEmail().toUpperCase(Locale.ROOT),
					DemoPaymentGateway.ACCEPTED))
			.reference();
		String someoneElses = this.checkout
			.place(order(cartWith(soap, 1), null, unique("autre"), DemoPaymentGateway.ACCEPTED))
			.reference();

		assertThat(this.orderData.export(person)).asString()
			.contains(asGuest, "placedAsGuest=true")
			.doesNotContain(someoneElses);
		assertThat(this.orderData.lastActivity(person)).as("a guest order is a contact too").isPresent();
		assertThat(this.orderData.export(new Person(account.getId(), null))).as("an address never proved")
			.asString()
			.doesNotContain(asGuest);

		this.orderData.erase(person);
		assertThat(row("SELECT * FROM customer_order WHERE reference = ?", asGuest)).containsEntry("email", null)
			.containsEntry("ship_last_name", null)
			.containsEntry("total_cents", 1290)
			.extractingByKey("anonymised_at")
			.isNotNull();
		assertThat(row("SELECT * FROM customer_order WHERE reference = ?", someoneElses))
			.containsEntry("ship_last_name", "Martin")
			.containsEntry("anonymised_at", null);
	}

	@Test
	void aPromoCodeIsAppliedOnceAndTheLastUseCannotBeTakenTwice() {
		String code = "TEST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT).replace("-", "");
		this.jdbc.sql("""
				INSERT INTO promo_code (code, kind, amount, starts_at, ends_at, minimum_basket_cents, max_uses)
				VALUES (:code, 'PERCENT', 10, now() - interval '1 day', now() + interval '1 day', 1000, 1)""")
			.param("code", code)
			.update();
		long honey = this.fixtures.product(this.category, "Miel promo", 2000, 10, Map.of());
		long firstCart = cartWith(honey, 1);
		Quote quote = this.checkout.quote(this.carts.view(firstCart), null, code.toLowerCase(Locale.ROOT));
		assertThat(quote.promo()).isNotNull();
		assertThat(quote.totals().discountCents()).isEqualTo(200);
		String email = unique("promo");
		Checkout.Placed placed = this.checkout
			.place(new NewOrder(firstCart, null, email, Locale.FRANCE, TestOrders.ADDRESS, null, code,
					UUID.randomUUID(), quote.totals().totalCents(), TestOrders.card(DemoPaymentGateway.ACCEPTED)));
		assertThat(this.orderQueries.byReference(placed.reference()).orElseThrow().totals().discountCents())
			.isEqualTo(200);
		// The confirmation's figures add up to the amount paid: 20,00 − 2,00 + 5,90.
		assertThat(this.mailbox.to(email)).singleElement().satisfies((mail) -> {
			String text = mail.text().replace('\u00a0', ' ').replace('\u202f', ' ');
			assertThat(text)
				.contains("Articles : 20,00 €", "Remise (code " + code + ") : − 2,00 €", "Total payé : 23,90 €")
				.containsPattern("Livraison \\(.+\\) : 5,90 €");
			assertThat(amount(text, "Articles") - amount(text, "Remise") + amount(text, "Livraison"))
				.isEqualTo(amount(text, "Total payé"))
				.isEqualTo(quote.totals().totalCents());
		});

		long secondCart = cartWith(honey, 1);
		Quote second = this.checkout.quote(this.carts.view(secondCart), null, code);
		assertThat(second.promoCheck().refusalKey()).isEqualTo("promo.used-up");
		assertThat(
				this.checkout.quote(this.carts.view(cartWith(honey, 0 + 1)), null, "INCONNU").promoCheck().refusalKey())
			.isEqualTo("promo.unknown");
	}

	@Test
	void aTotalThatChangedSinceTheSummaryIsRefusedBeforeAnyCharge() {
		long oil = this.fixtures.product(this.category, "Huile changeante", 1290, 5, Map.of());
		long cart = cartWith(oil, 1);
		NewOrder order = order(cart, null, unique("prix"), DemoPaymentGateway.ACCEPTED);
		this.jdbc.sql("UPDATE product_variant SET price_cents = 1390 WHERE product_id = :id").param("id", oil).update();
		assertThatExceptionOfType(CheckoutRefusal.class).isThrownBy(() -> this.checkout.place(order))
			.satisfies((refusal) -> assertThat(refusal.getMessageKey()).isEqualTo("checkout.total-changed"));
		assertThat(stock(oil)).isEqualTo(5);
		assertThat(this.orders.placedWith(order.idempotencyKey(), order.cartId(), order.accountId())).isEmpty();
	}

	/** The amount of a line of a mail's text, « Label … : 12,34 € », in cents. */
	private static long amount(String text, String label) {
		java.util.regex.Matcher figure = java.util.regex.Pattern
			.compile("(?m)^" + java.util.regex.Pattern.quote(label) + "[^:\\n]*: −? ?([0-9 ]+),([0-9]{2}) €")
			.matcher(text);
		assertThat(figure.find()).as(label + " in the mail").isTrue();
		return Long.parseLong(figure.group(1).replace(" ", "")) * 100 + Long.parseLong(figure.group(2));
	}

	private NewOrder order(long cartId, Long accountId, String email, String cardNumber) {
		Quote quote = this.checkout.quote(this.carts.view(cartId), null, null);
		return TestOrders.of(cartId, accountId, email, quote.totals().totalCents(), cardNumber);
	}

	private long cartWith(long productId, int quantity) {
		long cart = this.carts.create(null);
		this.carts.add(cart, variantOf(productId), quantity);
		return cart;
	}

	private int stock(long productId) {
		return this.jdbc.sql("SELECT stock FROM product WHERE id = :id")
			.param("id", productId)
			.query(Integer.class)
			.single();
	}

	private Map<String, Object> row(String sql, Object argument) {
		return this.jdbc.sql(sql).param(argument).query().singleRow();
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
	}

	static String pdfText(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document)
				.replace('\u00a0', ' ')
				.replace('\u202f', ' ')
				.replaceAll("\\s+", " ");
		}
	}

	private long variantOf(long product) {
		return fr.dwwm.comptoir.catalog.CatalogFixtures.firstVariant(this.jdbc, product);
	}

}
