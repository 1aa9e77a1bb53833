package fr.dwwm.comptoir.order;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.PersonalDataContributor.Person;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * After the sale, on the real database: a return asked within the withdrawal period and
 * refused the day after it ends, goods received back in stock, refunds of part then the
 * rest documented by credit notes that add up to the invoice, the invoice's ceiling held
 * by the application and by the database, two refunds of the last euro at once, and the
 * faults of the checkout again — the provider down, the database cut after the provider
 * refunded.
 */
@IntegrationTest
class AfterSaleTests {

	@Autowired
	private DeliveredOrders deliveries;

	@Autowired
	private ReturnRequests returns;

	@Autowired
	private Refunds refunds;

	@Autowired
	private CreditNotes creditNotes;

	@Autowired
	private Orders orders;

	@Autowired
	private Payments payments;

	@Autowired
	private OrderMails mails;

	@Autowired
	private PaymentGateway gateway;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private OrderPersonalData personalData;

	@Autowired
	private fr.dwwm.comptoir.security.AuditLog audit;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private Mailbox mailbox;

	@Autowired
	private JdbcClient jdbc;

	private CatalogFixtures fixtures;

	private Account customer;

	private long jam;

	private long tea;

	private long staff;

	@BeforeEach
	void aCustomerAndTwoProducts() {
		this.fixtures = new CatalogFixtures(this.jdbc);
		long category = this.fixtures.category("Après-vente", null);
		this.jam = this.fixtures.variantOf(this.fixtures.product(category, "Confiture retournée", 690, 20, Map.of()));
		this.tea = this.fixtures.variantOf(this.fixtures.product(category, "Thé remboursé", 1200, 20, Map.of()));
		this.customer = this.accounts.customer();
		this.staff = this.accounts.create(fr.dwwm.comptoir.account.Role.ADMIN, null).getId();
	}

	@Test
	void aReturnMayBeAskedOnTheLastDayOfThePeriodAndIsRefusedClearlyTheDayAfter() {
		LocalDate today = LocalDate.now(Invoices.SHOP_ZONE);
		// Delivered fourteen days ago: today is day 14, or the period was stretched to a
		// later working day.
		DeliveredOrders.Delivered lastDay = deliver(today.minusDays(14), Map.of(this.jam, 1));
		assertThat(this.returns.returnable(lastDay.id()).orElseThrow().possible()).isTrue();
		this.returns.request(lastDay.id(), this.customer.getId(), Map.of(lastDay.lineIds().get(0), 1),
				"changement d'avis");

		LocalDate delivered = today.minusDays(15);
		while (!WithdrawalPeriod.lastDay(delivered).isBefore(today)) {
			delivered = delivered.minusDays(1);
		}
		DeliveredOrders.Delivered dayAfter = deliver(delivered, Map.of(this.jam, 1));
		assertThat(this.returns.returnable(dayAfter.id()).orElseThrow().possible()).isFalse();
		LocalDate lastDayOfIt = WithdrawalPeriod.lastDay(delivered);
		assertThatExceptionOfType(RefundRefusal.class)
			.isThrownBy(() -> this.returns.request(dayAfter.id(), this.customer.getId(),
					Map.of(dayAfter.lineIds().get(0), 1), "changement d'avis"))
			.satisfies((refusal) -> {
				assertThat(refusal.getMessageKey()).isEqualTo("return.too-late");
				assertThat(refusal.getArguments())
					.containsExactly(lastDayOfIt.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
			});
		assertThat(requests(dayAfter.id())).isZero();
	}

	@Test
	void goodsReceivedComeBackToStockWithTheReturnReasonAndEachStepIsMailed() {
		DeliveredOrders.Delivered order = deliver(LocalDate.now(Invoices.SHOP_ZONE).minusDays(2), Map.of(this.jam, 3));
		assertThat(stock(this.jam)).isEqualTo(17);
		long request = this.returns.request(order.id(), this.customer.getId(), Map.of(order.lineIds().get(0), 2),
				"Deux pots de trop");
		assertThatExceptionOfType(RefundRefusal.class).as("one request at a time")
			.isThrownBy(() -> this.returns.request(order.id(), this.customer.getId(), Map.of(order.lineIds().get(0), 1),
					"encore"))
			.satisfies((refusal) -> assertThat(refusal.getMessageKey()).isEqualTo("return.already-open"));
		assertThatExceptionOfType(RefundRefusal.class).as("not received before it is accepted")
			.isThrownBy(() -> this.returns.receive(order.id(), request, this.staff));

		this.returns.accept(order.id(), request, this.staff);
		this.returns.receive(order.id(), request, this.staff);

		assertThat(stock(this.jam)).isEqualTo(19);
		assertThat(this.jdbc.sql("""
				SELECT reason || ' ' || delta FROM stock_movement WHERE variant_id = :variant AND order_id = :order
				ORDER BY id DESC LIMIT 1""")
			.param("variant", this.jam)
			.param("order", order.id())
			.query(String.class)
			.single()).isEqualTo("RETURN 2");
		assertThat(this.mailbox.to(this.customer.getEmail())).extracting((mail) -> mail.subject())
			.contains("Votre demande de retour est enregistrée", "Votre retour est accepté",
					"Nous avons reçu vos articles");
		assertThat(this.jdbc.sql("""
				SELECT string_agg(action, ',' ORDER BY id) FROM audit_log
				WHERE target = :target AND actor_account_id = :staff""")
			.param("target", "order:" + order.id())
			.param("staff", this.staff)
			.query(String.class)
			.single()).as("staff's decisions audited").isEqualTo("RETURN_ACCEPTED,RETURN_RECEIVED");
		assertThat(this.returns.ofOrder(order.id())).singleElement().satisfies((view) -> {
			assertThat(view.status()).isEqualTo(ReturnStatus.RECEIVED);
			assertThat(view.requestedAt()).isNotNull();
			assertThat(view.decidedAt()).isNotNull();
			assertThat(view.receivedAt()).isNotNull();
		});
	}

	@Test
	void aRefundOfOneLineThenOfTheRestGiveTwoCreditNotesThatAddUpToTheInvoice() throws IOException {
		DeliveredOrders.Delivered order = deliver(LocalDate.now(Invoices.SHOP_ZONE).minusDays(1),
				linked(this.jam, 2, this.tea, 1));
		long request = this.returns.request(order.id(), this.customer.getId(), Map.of(order.lineIds().get(0), 2),
				"Trop sucré");
		this.returns.accept(order.id(), request, this.staff);
		this.returns.receive(order.id(), request, this.staff);

		Refunds.Outcome first = this.refunds.refund(order.id(),
				new Refunds.Request(Map.of(order.lineIds().get(0), 2), false, 0), UUID.randomUUID(), this.staff,
				request, null);
		assertThat(first.status()).isEqualTo("SUCCEEDED");
		assertThat(this.returns.ofOrder(order.id())).singleElement()
			.satisfies((view) -> assertThat(view.status()).isEqualTo(ReturnStatus.REFUNDED));
		assertThat(status(order)).as("a partial refund leaves the order delivered").isEqualTo("DELIVERED");

		Refunds.Outcome rest = this.refunds.refund(order.id(),
				new Refunds.Request(Map.of(order.lineIds().get(1), 1), true, 0), UUID.randomUUID(), this.staff, null,
				"Colis abîmé");

		List<CreditNotes.Summary> notes = this.creditNotes.ofOrder(order.id());
		assertThat(notes).extracting(CreditNotes.Summary::number)
			.containsExactly(first.creditNote(), rest.creditNote());
		assertThat(notes).extracting(CreditNotes.Summary::totalCents)
			.containsExactly(1380L, 1200L + order.shippingCents());
		assertThat(notes.get(0).totalCents() + notes.get(1).totalCents()).isEqualTo(order.totalCents());
		assertThat(number(rest.creditNote())).as("numbered without gaps").isEqualTo(number(first.creditNote()) + 1);
		assertThat(status(order)).isEqualTo("REFUNDED");
		assertThat(this.jdbc.sql("SELECT status FROM payment WHERE order_id = :order")
			.param("order", order.id())
			.query(String.class)
			.single()).isEqualTo("REFUNDED");
		assertThat(stock(this.jam)).as("the returned jars came back, the tea never left its customer").isEqualTo(20);

		String invoice = this.jdbc
			.sql("SELECT 'FA-' || year || '-' || lpad(number::text, 6, '0') FROM invoice WHERE order_id = :o")
			.param("o", order.id())
			.query(String.class)
			.single();
		String text = CheckoutTests.pdfText(this.creditNotes.pdf(order.id(), rest.creditNote()).orElseThrow());
		assertThat(text).contains("FACTURE D'AVOIR", "N° " + rest.creditNote(), "Avoir sur la facture n° " + invoice,
				"Thé remboursé", "Livraison", "Détail de la TVA", "5,5 %", money(1200 + order.shippingCents()));
		assertThat(this.mailbox.to(this.customer.getEmail()))
			.filteredOn((mail) -> mail.subject().equals("Votre remboursement Comptoir"))
			.hasSize(2)
			.allSatisfy((mail) -> assertThat(mail.attachments()).singleElement()
				.satisfies((name) -> assertThat(name).startsWith("avoir-AV-")));
	}

	@Test
	void aRefundBeyondWhatTheInvoiceStillAllowsIsRefusedAndNothingIsWritten() {
		DeliveredOrders.Delivered order = deliver(LocalDate.now(Invoices.SHOP_ZONE).minusDays(1), Map.of(this.tea, 1));
		assertThatExceptionOfType(RefundRefusal.class)
			.isThrownBy(() -> this.refunds.refund(order.id(),
					new Refunds.Request(Map.of(order.lineIds().get(0), 1), order.shippingCents() > 0, 1),
					UUID.randomUUID(), this.staff, null, null))
			.as("the whole invoice and one cent more")
			.satisfies((refusal) -> assertThat(refusal.getMessageKey()).isEqualTo("refund.exceeds"));
		assertThat(refundRows(order)).isZero();
		assertThat(this.creditNotes.ofOrder(order.id())).isEmpty();
	}

	@Test
	void twoRefundsOfTheLastEuroAtTheSameInstantGiveOneCreditNoteAndOneClearRefusal() throws Exception {
		DeliveredOrders.Delivered order = deliver(LocalDate.now(Invoices.SHOP_ZONE).minusDays(1), Map.of(this.tea, 1));
		this.refunds.refund(order.id(), new Refunds.Request(Map.of(), false, order.totalCents() - 100),
				UUID.randomUUID(), this.staff, null, "geste");
		CountDownLatch start = new CountDownLatch(1);
		Callable<Object> lastEuro = () -> {
			start.await();
			try {
				return this.refunds.refund(order.id(), new Refunds.Request(Map.of(), false, 100), UUID.randomUUID(),
						this.staff, null, null);
			}
			catch (RefundRefusal refusal) {
				return refusal;
			}
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Object> one = pool.submit(lastEuro);
			Future<Object> other = pool.submit(lastEuro);
			start.countDown();
			List<Object> answers = List.of(one.get(), other.get());
			assertThat(answers).filteredOn(Refunds.Outcome.class::isInstance)
				.singleElement()
				.satisfies((outcome) -> assertThat(((Refunds.Outcome) outcome).status()).isEqualTo("SUCCEEDED"));
			// Which refusal depends on the interleaving: the second request opens its
			// refund while the first is with the provider (the amount is already counted:
			// « exceeds »), or after the first has settled and marked the order refunded
			// (« not refundable »). Either says why; neither refunds a cent more.
			assertThat(answers).filteredOn(RefundRefusal.class::isInstance)
				.singleElement()
				.satisfies((refusal) -> assertThat(((RefundRefusal) refusal).getMessageKey()).isIn("refund.exceeds",
						"refund.not-refundable"));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.creditNotes.ofOrder(order.id())).hasSize(2)
			.extracting(CreditNotes.Summary::totalCents)
			.containsExactly(order.totalCents() - 100, 100L);
	}

	@Test
	void theDatabaseRefusesACreditNoteBeyondItsInvoiceAndAnyChangeToOne() {
		DeliveredOrders.Delivered order = deliver(LocalDate.now(Invoices.SHOP_ZONE).minusDays(1), Map.of(this.tea, 1));
		Refunds.Outcome part = this.refunds.refund(order.id(), new Refunds.Request(Map.of(), false, 500),
				UUID.randomUUID(), this.staff, null, null);
		long refund = part.refundId();
		assertThatThrownBy(() -> this.jdbc.sql("""
				INSERT INTO refund (order_id, payment_id, idempotency_key, lines_cents, discount_cents, shipping_cents,
				                    extra_cents, amount_cents, status, requested_at)
				SELECT order_id, payment_id, gen_random_uuid(), 0, 0, 0, :amount, :amount, 'PENDING', now()
				FROM refund WHERE id = :id""").param("amount", order.totalCents()).param("id", refund).update())
			.as("a refund beyond the invoice")
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("would exceed its invoice");
		long pending = this.jdbc.sql("""
				INSERT INTO refund (order_id, payment_id, idempotency_key, lines_cents, discount_cents, shipping_cents,
				                    extra_cents, amount_cents, status, requested_at)
				SELECT order_id, payment_id, gen_random_uuid(), 0, 0, 0, 1, 1, 'PENDING', now()
				FROM refund WHERE id = :id RETURNING id""").param("id", refund).query(Long.class).single();
		assertThatThrownBy(() -> this.jdbc.sql("""
				INSERT INTO credit_note (refund_id, invoice_id, year, number, total_cents, issued_at)
				SELECT :pending, invoice_id, year, 999999, :total, now() FROM credit_note WHERE refund_id = :refund""")
			.param("pending", pending)
			.param("total", order.totalCents() - 499)
			.param("refund", refund)
			.update()).as("credit notes beyond the invoice")
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("would exceed it");
		for (String change : List.of("UPDATE credit_note SET total_cents = 1 WHERE refund_id = :refund",
				"DELETE FROM credit_note WHERE refund_id = :refund")) {
			assertThatThrownBy(() -> this.jdbc.sql(change).param("refund", refund).update()).as(change)
				.rootCause()
				.hasMessageContaining("permission denied");
		}
	}

	@Test
	void aRefundAskedWhileTheProviderIsDownWaitsThenIsSettledByTheReconciliation() {
		DeliveredOrders.Delivered order = deliver(LocalDate.now(Invoices.SHOP_ZONE).minusDays(1), Map.of(this.tea, 1));
		Refunds down = withGateway(new Unreachable(this.gateway, false));

		Refunds.Outcome outcome = down.refund(order.id(),
				new Refunds.Request(Map.of(order.lineIds().get(0), 1), false, 0), UUID.randomUUID(), this.staff, null,
				null);

		assertThat(outcome.status()).isEqualTo("PENDING");
		assertThat(this.creditNotes.ofOrder(order.id())).isEmpty();
		assertThatExceptionOfType(RefundRefusal.class).as("the pending refund already counts against the invoice")
			.isThrownBy(() -> this.refunds.refund(order.id(),
					new Refunds.Request(Map.of(order.lineIds().get(0), 1), false, 0), UUID.randomUUID(), this.staff,
					null, null));
		assertThat(down.reconcile(Instant.now().plusSeconds(1)).failed()).as("still down").isPositive();

		Refunds.Reconciled reconciled = this.refunds.reconcile(Instant.now().plusSeconds(1));

		assertThat(reconciled.settled()).isPositive();
		assertThat(this.creditNotes.ofOrder(order.id())).singleElement()
			.satisfies((note) -> assertThat(note.totalCents()).isEqualTo(1200));
		assertThat(this.refunds.ofOrder(order.id())).singleElement()
			.satisfies((refund) -> assertThat(refund.status()).isEqualTo("SUCCEEDED"));
	}

	@Test
	void aRefundMadeByTheProviderWhoseAnswerTheDatabaseNeverRecordedIsSettledOnceAndNotMadeTwice() {
		DeliveredOrders.Delivered order = deliver(LocalDate.now(Invoices.SHOP_ZONE).minusDays(1), Map.of(this.tea, 1));
		Unreachable lost = new Unreachable(this.gateway, true);

		Refunds.Outcome outcome = withGateway(lost).refund(order.id(),
				new Refunds.Request(Map.of(), true, order.totalCents() - order.shippingCents()), UUID.randomUUID(),
				this.staff, null, null);
		assertThat(outcome.status()).isEqualTo("PENDING");
		assertThat(lost.made).as("the provider did refund").hasSize(1);

		this.refunds.reconcile(Instant.now().plusSeconds(1));
		this.refunds.reconcile(Instant.now().plusSeconds(1));

		assertThat(this.refunds.ofOrder(order.id())).singleElement()
			.satisfies((refund) -> assertThat(refund.status()).isEqualTo("SUCCEEDED"));
		assertThat(this.jdbc.sql("SELECT provider_reference FROM refund WHERE order_id = :order")
			.param("order", order.id())
			.query(String.class)
			.single()).as("the provider's own refund, found by its key, not a second one")
			.isEqualTo(lost.made.get(0).providerReference());
		assertThat(this.creditNotes.ofOrder(order.id())).hasSize(1);
		assertThat(status(order)).isEqualTo("REFUNDED");
	}

	@Test
	void theSameRefundFormSentTwiceRefundsOnceAndItsKeyIsRefusedForAnotherOrder() {
		DeliveredOrders.Delivered order = deliver(LocalDate.now(Invoices.SHOP_ZONE).minusDays(1), Map.of(this.tea, 1));
		DeliveredOrders.Delivered other = deliver(LocalDate.now(Invoices.SHOP_ZONE).minusDays(1), Map.of(this.jam, 1));
		UUID key = UUID.randomUUID();
		Refunds.Request request = new Refunds.Request(Map.of(), false, 300);

		Refunds.Outcome first = this.refunds.refund(order.id(), request, key, this.staff, null, null);
		Refunds.Outcome again = this.refunds.refund(order.id(), request, key, this.staff, null, null);

		assertThat(again.refundId()).isEqualTo(first.refundId());
		assertThat(refundRows(order)).isOne();
		assertThatExceptionOfType(RefundRefusal.class)
			.isThrownBy(() -> this.refunds.refund(other.id(), request, key, this.staff, null, null))
			.satisfies((refusal) -> assertThat(refusal.getMessageKey()).isEqualTo("refund.key-used"));
		assertThat(refundRows(other)).isZero();
	}

	@Test
	void aPaidOrderCancelledIsRefundedInFullOutsideItsTransactionWithACreditNote() {
		DeliveredOrders.Delivered order = this.deliveries.pay(this.customer.getId(), this.customer.getEmail(),
				Map.of(this.tea, 2));
		assertThat(this.orders.cancelByCustomer(order.reference(), this.customer.getId())).isTrue();
		assertThat(this.refunds.ofOrder(order.id())).as("opened with the cancellation, not yet asked")
			.singleElement()
			.satisfies((refund) -> assertThat(refund.status()).isEqualTo("PENDING"));

		this.refunds.executePending(order.id());

		assertThat(this.creditNotes.ofOrder(order.id())).singleElement()
			.satisfies((note) -> assertThat(note.totalCents()).isEqualTo(order.totalCents()));
		assertThat(status(order)).isEqualTo("CANCELLED");
		assertThat(stock(this.tea)).isEqualTo(20);
	}

	@Test
	void aReturnsReasonIsInTheCustomersDataExportAndErasedWithTheirAccount() {
		DeliveredOrders.Delivered order = deliver(LocalDate.now(Invoices.SHOP_ZONE).minusDays(1), Map.of(this.tea, 1));
		this.returns.request(order.id(), this.customer.getId(), Map.of(order.lineIds().get(0), 1),
				"Offert par ma belle-sœur, qui ne boit pas de thé");
		Person person = new Person(this.customer.getId(), this.customer.getEmail());
		assertThat(this.personalData.export(person)).asString()
			.contains("Offert par ma belle-sœur, qui ne boit pas de thé");

		this.personalData.erase(person);

		assertThat(this.jdbc.sql("SELECT reason FROM return_request WHERE order_id = :order")
			.param("order", order.id())
			.query(String.class)
			.single()).isEqualTo("effacé à la suppression du compte");
	}

	private Refunds withGateway(PaymentGateway provider) {
		return new Refunds(this.jdbc, this.transaction, this.payments, provider, this.creditNotes, this.orders,
				this.returns, this.mails, this.audit);
	}

	private DeliveredOrders.Delivered deliver(LocalDate day, Map<Long, Integer> units) {
		Instant at = day.atTime(LocalTime.NOON).atZone(Invoices.SHOP_ZONE).toInstant();
		return this.deliveries.deliver(this.customer.getId(), this.customer.getEmail(), units, at);
	}

	private static Map<Long, Integer> linked(long first, int firstUnits, long second, int secondUnits) {
		Map<Long, Integer> units = new LinkedHashMap<>();
		units.put(first, firstUnits);
		units.put(second, secondUnits);
		return units;
	}

	private int stock(long variant) {
		return this.jdbc.sql("SELECT stock FROM product_variant WHERE id = :id")
			.param("id", variant)
			.query(Integer.class)
			.single();
	}

	private String status(DeliveredOrders.Delivered order) {
		return this.jdbc.sql("SELECT status FROM customer_order WHERE id = :id")
			.param("id", order.id())
			.query(String.class)
			.single();
	}

	private int requests(long orderId) {
		return this.jdbc.sql("SELECT count(*) FROM return_request WHERE order_id = :id")
			.param("id", orderId)
			.query(Integer.class)
			.single();
	}

	private int refundRows(DeliveredOrders.Delivered order) {
		return this.jdbc.sql("SELECT count(*) FROM refund WHERE order_id = :id")
			.param("id", order.id())
			.query(Integer.class)
			.single();
	}

	private static int number(String creditNote) {
		return Integer.parseInt(creditNote.substring(creditNote.lastIndexOf('-') + 1));
	}

	private static String money(long cents) {
		return String.format(java.util.Locale.FRANCE, "%,.2f €", cents / 100.0)
			.replace('\u202f', ' ')
			.replace('\u00a0', ' ');
	}

	/**
	 * A provider out of reach: every call fails, like a network cut. With
	 * {@code answerLost}, the refund reaches the real provider but its answer never comes
	 * back (the database was cut as it came).
	 */
	private static final class Unreachable implements PaymentGateway {

		private final PaymentGateway real;

		private final boolean answerLost;

		final List<RefundResult> made = new ArrayList<>();

		Unreachable(PaymentGateway real, boolean answerLost) {
			this.real = real;
			this.answerLost = answerLost;
		}

		@Override
		public String name() {
			return this.real.name();
		}

		@Override
		public PaymentResult charge(CardPayment payment) {
			throw new IllegalStateException("Connection refused");
		}

		@Override
		public RefundResult refund(CardRefund refund) {
			if (this.answerLost) {
				this.made.add(this.real.refund(refund));
				throw new IllegalStateException("Connection reset: the answer was lost");
			}
			throw new IllegalStateException("Connection refused");
		}

		@Override
		public Optional<RefundResult> findRefund(String idempotencyKey) {
			throw new IllegalStateException("Connection refused");
		}

		@Override
		public Optional<PaymentResult> find(String orderReference) {
			throw new IllegalStateException("Connection refused");
		}

	}

}
