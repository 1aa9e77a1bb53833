package fr.dwwm.comptoir.order;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.dwwm.comptoir.cart.Carts;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The checkout lost the provider's answer (the database was out of reach between the
 * charge and its record): the order, reserved and awaiting payment, is settled later with
 * what the provider knows, so it ends complete or cancelled, never half-placed.
 */
@IntegrationTest
class PaymentReconciliationTests {

	@Autowired
	private PaymentReconciliation reconciliation;

	@Autowired
	private PaymentGateway gateway;

	@Autowired
	private Checkout checkout;

	@Autowired
	private Orders orders;

	@Autowired
	private OrderQueries orderQueries;

	@Autowired
	private Carts carts;

	@Autowired
	private ShippingMethods shippingMethods;

	@Autowired
	private PromoCodes promoCodes;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Mailbox mailbox;

	private CatalogFixtures fixtures;

	private long product;

	@BeforeEach
	void aProductWithTenInStock() {
		this.fixtures = new CatalogFixtures(this.jdbc);
		this.product = this.fixtures.product(this.fixtures.category("Réconciliation", null), "Confiture réconciliée",
				690, 10, Map.of());
	}

	@Test
	void aPaymentTheProviderAcceptedButTheShopNeverRecordedIsRecordedLaterWithItsInvoiceAndMail() {
		long cart = cartWithTwo();
		String email = "reconcilie-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
		Orders.Reservation reservation = reserve(cart, email);
		this.gateway.charge(new CardPayment(reservation.reference(), 1970, DemoPaymentGateway.ACCEPTED, "12/39", "123",
				"Camille Martin"));
		// Here the checkout's request died: the database was out of reach.
		assertThat(status(reservation)).isEqualTo("AWAITING_PAYMENT");

		this.reconciliation.settle(Instant.now().plusSeconds(1));

		assertThat(status(reservation)).isEqualTo("PAID");
		assertThat(this.orderQueries.byReference(reservation.reference()).orElseThrow().invoiceNumber())
			.matches("FA-20[0-9]{2}-[0-9]{6}");
		assertThat(stock()).as("the stock was taken once").isEqualTo(8);
		assertThat(this.jdbc.sql("SELECT checked_out_at IS NOT NULL FROM cart WHERE id = :id")
			.param("id", cart)
			.query(Boolean.class)
			.single()).as("the cart is closed, as the checkout would have").isTrue();
		assertThat(this.mailbox.to(email)).singleElement()
			.satisfies((mail) -> assertThat(mail.subject()).isEqualTo("Votre commande Comptoir est confirmée"));

		this.reconciliation.settle(Instant.now().plusSeconds(1));
		this.orders.recordPayment(reservation.orderId(), cart,
				this.gateway.find(reservation.reference()).orElseThrow());
		assertThat(payments(reservation)).as("recorded once, however often it is settled").isEqualTo(1);
	}

	@Test
	void anOrderWhoseChargeNeverReachedTheProviderIsCancelledWithItsStockBackAndTheCartStillOpen() {
		long cart = cartWithTwo();
		Orders.Reservation reservation = reserve(cart, "jamais-debite@exemple.test");
		assertThat(stock()).isEqualTo(8);

		PaymentReconciliation.Outcome outcome = this.reconciliation.settle(Instant.now().plusSeconds(1));

		assertThat(outcome.cancelled()).isPositive();
		assertThat(status(reservation)).isEqualTo("CANCELLED");
		assertThat(stock()).as("the stock is given back").isEqualTo(10);
		assertThat(payments(reservation)).isZero();
		assertThat(this.carts.view(cart).lines()).as("the customer's cart is intact")
			.singleElement()
			.satisfies((line) -> assertThat(line.quantity()).isEqualTo(2));
	}

	@Test
	void aPaymentAcceptedAfterItsOrderWasCancelledIsRefusedToTheCheckoutAndTheOrderStaysCancelled() {
		long cart = cartWithTwo();
		Orders.Reservation reservation = reserve(cart, "trop-tard@exemple.test");
		this.reconciliation.settle(Instant.now().plusSeconds(1));
		PaymentResult late = this.gateway.charge(new CardPayment(reservation.reference(), 1970,
				DemoPaymentGateway.ACCEPTED, "12/39", "123", "Camille Martin"));

		assertThatExceptionOfType(CheckoutRefusal.class)
			.isThrownBy(() -> this.orders.recordPayment(reservation.orderId(), cart, late))
			.satisfies((refusal) -> assertThat(refusal.getMessageKey()).isEqualTo("payment.too-late"));
		assertThat(status(reservation)).isEqualTo("CANCELLED");
		assertThat(payments(reservation)).isZero();
		assertThat(stock()).isEqualTo(10);
	}

	@Test
	void aProviderThatGivesNoAnswerLeavesTheOrderToTheReconciliationAndTellsTheCustomerNotToOrderAgain() {
		PaymentGateway unreachable = new PaymentGateway() {

			@Override
			public String name() {
				return "unreachable";
			}

			@Override
			public PaymentResult charge(CardPayment payment) {
				throw new IllegalStateException("Read timed out");
			}

			@Override
			public RefundResult refund(CardRefund refund) {
				throw new IllegalStateException("not used");
			}

			@Override
			public Optional<RefundResult> findRefund(String idempotencyKey) {
				return Optional.empty();
			}

			@Override
			public Optional<PaymentResult> find(String orderReference) {
				return Optional.empty();
			}

		};
		Checkout withoutAnswer = new Checkout(this.carts, this.shippingMethods, this.promoCodes, this.orders,
				unreachable, new CheckoutMetrics(new SimpleMeterRegistry()));
		long cart = cartWithTwo();
		Quote quote = this.checkout.quote(this.carts.view(cart), null, null);
		NewOrder order = TestOrders.of(cart, null, "sans-reponse@exemple.test", quote.totals().totalCents(),
				TestOrders.ACCEPTED_CARD);

		assertThatExceptionOfType(CheckoutRefusal.class).isThrownBy(() -> withoutAnswer.place(order))
			.satisfies((refusal) -> {
				assertThat(refusal.getMessageKey()).isEqualTo("payment.no-answer");
				assertThat(refusal.getArguments()).singleElement().asString().matches("CPT-[0-9]{4}-[0-9]{6}");
			});
		String reference = withoutAnswer.place(order).reference();
		assertThat(this.jdbc.sql("SELECT status FROM customer_order WHERE reference = :reference")
			.param("reference", reference)
			.query(String.class)
			.single()).as("reserved, waiting for the reconciliation").isEqualTo("AWAITING_PAYMENT");
		assertThat(stock()).isEqualTo(8);

		this.reconciliation.settle(Instant.now().plusSeconds(1));

		assertThat(this.jdbc.sql("SELECT status FROM customer_order WHERE reference = :reference")
			.param("reference", reference)
			.query(String.class)
			.single()).as("the demo provider never saw the charge").isEqualTo("CANCELLED");
		assertThat(stock()).isEqualTo(10);
		assertThat(this.carts.view(cart).lines()).hasSize(1);
	}

	@Test
	void ordersPlacedMoreRecentlyThanTheGivenTimeAreLeftToTheirCheckout() {
		Orders.Reservation reservation = reserve(cartWithTwo(), "en-cours@exemple.test");

		this.reconciliation.settle(Instant.now().minusSeconds(600));

		assertThat(status(reservation)).as("a checkout may still be waiting for the provider")
			.isEqualTo("AWAITING_PAYMENT");
		this.reconciliation.settle(Instant.now().plusSeconds(1));
	}

	private Orders.Reservation reserve(long cart, String email) {
		Quote quote = this.checkout.quote(this.carts.view(cart), null, null);
		assertThat(quote.totals().totalCents()).isEqualTo(1970);
		return this.orders
			.reserve(TestOrders.of(cart, null, email, quote.totals().totalCents(), TestOrders.ACCEPTED_CARD), quote);
	}

	private long cartWithTwo() {
		long cart = this.carts.create(null);
		this.carts.add(cart, variantOf(this.product), 2);
		return cart;
	}

	private String status(Orders.Reservation reservation) {
		return this.jdbc.sql("SELECT status FROM customer_order WHERE id = :id")
			.param("id", reservation.orderId())
			.query(String.class)
			.single();
	}

	private long payments(Orders.Reservation reservation) {
		return this.jdbc.sql("SELECT count(*) FROM payment WHERE order_id = :id")
			.param("id", reservation.orderId())
			.query(Long.class)
			.single();
	}

	private int stock() {
		return this.jdbc.sql("SELECT stock FROM product WHERE id = :id")
			.param("id", this.product)
			.query(Integer.class)
			.single();
	}

	private long variantOf(long product) {
		return fr.dwwm.comptoir.catalog.CatalogFixtures.firstVariant(this.jdbc, product);
	}

}
