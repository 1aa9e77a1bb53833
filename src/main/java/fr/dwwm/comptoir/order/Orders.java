package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.account.PostalAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.dwwm.comptoir.cart.CartLine;
import fr.dwwm.comptoir.cart.Carts;
import fr.dwwm.comptoir.catalog.Stock;
import fr.dwwm.comptoir.module.api.ShopEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of an order: placed with its stock reserved atomically, its payment's answer
 * recorded, moved through its {@link OrderStatus} state machine, cancelled when its
 * payment never came. Reading orders back is {@link OrderQueries}'s; the payments' rows
 * are {@link Payments}'; units are taken and given back by the catalog's {@link Stock}.
 *
 * <p>
 * Each method is one transaction. The checkout ({@link Checkout}) calls {@link #reserve}
 * then, outside any transaction, the payment provider, then {@link #recordPayment}: a
 * slow provider never holds a database lock.
 *
 * <p>
 * Longer than the shop's other services (about 450 lines) on purpose: every change of an
 * order locks its row and goes through {@link #move}, the one place that checks the state
 * machine, gives stock and promotion codes back and writes the history. Split further, a
 * new way to change an order could skip one of them.
 */
@Service
public class Orders {

	private static final Logger logger = LoggerFactory.getLogger(Orders.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PromoCodes promoCodes;

	private final Invoices invoices;

	private final Payments payments;

	private final OrderMails mails;

	private final ApplicationEventPublisher events;

	private final Stock stock;

	private final Carts carts;

	Orders(JdbcClient jdbc, Clock clock, PromoCodes promoCodes, Invoices invoices, Payments payments, OrderMails mails,
			ApplicationEventPublisher events, Stock stock, Carts carts) {
		this.events = events;
		this.stock = stock;
		this.carts = carts;
		this.jdbc = jdbc;
		this.clock = clock;
		this.promoCodes = promoCodes;
		this.invoices = invoices;
		this.payments = payments;
		this.mails = mails;
	}

	/**
	 * Finds the order a checkout form's key already placed, and tells whether the visitor
	 * sending it now is the one who placed it: the same cart, or the same signed-in
	 * account. Anyone else who learnt a key (a log, a shared link, a browser extension)
	 * must not be shown that order.
	 * @param idempotencyKey the form's key
	 * @param cartId the cart of the visitor sending the form
	 * @param accountId their account, or {@code null} for a guest
	 * @return the order's reference and whose it is, if the key was already used
	 */
	@Transactional(readOnly = true)
	public Optional<KeyUse> placedWith(UUID idempotencyKey, long cartId, Long accountId) {
		return this.jdbc.sql("""
				SELECT reference, (cart_id = :cart OR (account_id IS NOT NULL AND account_id = :account)) AS same
				FROM customer_order WHERE idempotency_key = :key""")
			.param("key", idempotencyKey)
			.param("cart", cartId)
			.param("account", accountId)
			.query((row, number) -> new KeyUse(row.getString("reference"), row.getBoolean("same")))
			.optional();
	}

	/**
	 * Places an order awaiting payment: its lines (a snapshot of name, price and VAT
	 * rate), the stock taken from each product by a conditional update that never goes
	 * below zero, the promotion code's use. Refuses, and keeps nothing, when a product
	 * ran out meanwhile, its price changed, the code was used up, or this customer
	 * already used it as often as it allows them: that last count runs after
	 * {@link PromoCodes#use} has locked the code's row, so that two orders of one
	 * customer placed at the same instant are counted one after the other
	 * ({@link PromoCodes#usedUpBy}).
	 * @param order the order
	 * @param quote the amounts the customer accepted
	 * @return the new order, or the one this form already placed
	 * @throws CheckoutRefusal when the order cannot be placed
	 */
	@Transactional
	public Reservation reserve(NewOrder order, Quote quote) {
		Instant now = this.clock.instant();
		PostalAddress to = order.address();
		OrderTotals totals = quote.totals();
		Optional<Map<String, Object>> inserted = this.jdbc
			.sql("""
					INSERT INTO customer_order (reference, idempotency_key, account_id, email, locale, status,
					    ship_first_name, ship_last_name, ship_line1, ship_line2, ship_postal_code, ship_city, ship_country,
					    ship_phone, bill_first_name, bill_last_name, bill_line1, bill_line2, bill_postal_code, bill_city,
					    bill_country, shipping_method_id, shipping_method_name, promo_code_id, promo_code,
					    items_total_cents, discount_cents, shipping_cents, total_cents, terms_accepted_at, placed_at, cart_id)
					VALUES ('CPT-' || to_char(:now AT TIME ZONE 'Europe/Paris', 'YYYY') || '-'
					        || lpad(nextval('customer_order_number_seq')::text, 6, '0'),
					    :key, :account, lower(:email), :locale, 'AWAITING_PAYMENT',
					    :firstName, :lastName, :line1, :line2, :postalCode, :city, :country, :phone,
					    :billFirstName, :billLastName, :billLine1, :billLine2, :billPostalCode, :billCity, :billCountry,
					    :shippingId, :shippingName, :promoId, :promoCode,
					    :items, :discount, :shipping, :total, :now, :now, :cart)
					ON CONFLICT (idempotency_key) DO NOTHING
					RETURNING id, reference""")
			.param("now", Timestamp.from(now))
			.param("key", order.idempotencyKey())
			.param("account", order.accountId())
			.param("email", order.email())
			.param("locale", order.locale().getLanguage().equals("en") ? "en" : "fr")
			.param("firstName", to.firstName())
			.param("lastName", to.lastName())
			.param("line1", to.line1())
			.param("line2", blankToNull(to.line2()))
			.param("postalCode", to.postalCode())
			.param("city", to.city())
			.param("country", to.country())
			.param("phone", blankToNull(to.phone()))
			.param("billFirstName", order.billing().firstName())
			.param("billLastName", order.billing().lastName())
			.param("billLine1", order.billing().line1())
			.param("billLine2", blankToNull(order.billing().line2()))
			.param("billPostalCode", order.billing().postalCode())
			.param("billCity", order.billing().city())
			.param("billCountry", order.billing().country())
			.param("shippingId", quote.shipping().id())
			.param("shippingName", quote.shipping().name())
			.param("promoId", (quote.promo() != null) ? quote.promo().promoId() : null)
			.param("promoCode", (quote.promo() != null) ? quote.promo().code() : null)
			.param("items", totals.itemsTotalCents())
			.param("discount", totals.discountCents())
			.param("shipping", totals.shippingCents())
			.param("total", totals.totalCents())
			.param("cart", order.cartId())
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (inserted.isEmpty()) {
			// Another request with this key won the insert: the same visitor's second
			// click,
			// or someone else's replay of a key they should not have.
			KeyUse earlier = placedWith(order.idempotencyKey(), order.cartId(), order.accountId()).orElseThrow();
			if (!earlier.sameCustomer()) {
				throw new CheckoutRefusal("checkout.key-used");
			}
			return new Reservation(0, earlier.reference(), true);
		}
		long orderId = ((Number) inserted.get().get("id")).longValue();
		String reference = (String) inserted.get().get("reference");
		// Always in the same order (by product, then variant): two orders for the same
		// variants wait for each other instead of deadlocking, and so do the updates of
		// the
		// products' totals the database makes after each variant (V15).
		List<CartLine> lines = quote.cart()
			.lines()
			.stream()
			.sorted(Comparator.comparingLong(CartLine::productId).thenComparingLong(CartLine::variantId))
			.toList();
		for (CartLine line : lines) {
			takeStock(orderId, line);
		}
		if (quote.promo() != null) {
			long promoId = quote.promo().promoId();
			if (!this.promoCodes.use(promoId)) {
				throw new CheckoutRefusal("promo.used-up", quote.promo().code());
			}
			// use() has locked the code's row until this transaction ends: another order
			// of the same customer waits there, then counts this one (see usedUpBy).
			if (this.promoCodes.usedUpBy(promoId, new PromoCodes.Customer(order.accountId(), order.email()), orderId)) {
				throw new CheckoutRefusal("promo.per-customer", quote.promo().code());
			}
		}
		recordChange(orderId, null, OrderStatus.AWAITING_PAYMENT, null, null);
		return new Reservation(orderId, reference, false);
	}

	private static String lineName(CartLine line) {
		return (line.variantLabel() == null) ? line.name() : line.name() + " (" + line.variantLabel() + ")";
	}

	private void takeStock(long orderId, CartLine line) {
		Stock.Taken variant = this.stock.take(line.variantId(), line.quantity(), orderId)
			.orElseThrow(() -> new CheckoutRefusal("checkout.out-of-stock", lineName(line)));
		if (variant.priceCents() != line.unitPriceCents() || variant.vatRate().compareTo(line.vatRate()) != 0) {
			throw new CheckoutRefusal("checkout.total-changed");
		}
		this.jdbc.sql("""
				INSERT INTO order_line (order_id, product_id, variant_id, product_name, variant_label, product_sku,
				                        unit_price_cents, vat_rate, quantity, line_total_cents)
				VALUES (:order, :product, :variant, :name, :label, :sku, :price, :vat, :quantity, :total)""")
			.param("order", orderId)
			.param("product", variant.productId())
			.param("variant", line.variantId())
			.param("name", variant.name())
			.param("label", variant.label())
			.param("sku", variant.sku())
			.param("price", line.unitPriceCents())
			.param("vat", line.vatRate())
			.param("quantity", line.quantity())
			.param("total", line.totalCents())
			.update();
	}

	/**
	 * Records what the payment provider answered: a paid order gets its invoice, its cart
	 * is closed and the customer is mailed; a refused one is cancelled, its stock and
	 * promotion code given back.
	 *
	 * <p>
	 * Only an order still awaiting its payment is changed: the same answer recorded twice
	 * (by the checkout and by the {@link PaymentReconciliation}, or by two instances)
	 * changes nothing the second time. A payment accepted for an order the reconciliation
	 * already cancelled is refunded at once: the customer is never charged for an order
	 * the shop gave up.
	 * @param orderId the order
	 * @param cartId the cart it came from, or {@code null} if unknown (then left open)
	 * @param result the provider's answer
	 * @return the invoice number if paid now
	 * @throws CheckoutRefusal {@code payment.too-late} when the payment was accepted for
	 * an order already cancelled (and has just been refunded)
	 */
	@Transactional
	public Optional<String> recordPayment(long orderId, Long cartId, PaymentResult result) {
		Map<String, Object> order = lockOrder(orderId);
		if (OrderStatus.valueOf((String) order.get("status")) != OrderStatus.AWAITING_PAYMENT) {
			if (result.succeeded() && OrderStatus.valueOf((String) order.get("status")) == OrderStatus.CANCELLED) {
				logger.warn("Payment {} arrived after order {} was cancelled: refunded", result.providerReference(),
						order.get("reference"));
				this.payments.refundUnrecorded(result.providerReference(),
						((Number) order.get("total_cents")).longValue());
				throw new CheckoutRefusal("payment.too-late");
			}
			return Optional.empty();
		}
		long total = ((Number) order.get("total_cents")).longValue();
		this.payments.record(orderId, total, result);
		if (!result.succeeded()) {
			move(order, OrderStatus.CANCELLED, null, "payment " + result.outcome().name(), null);
			return Optional.empty();
		}
		move(order, OrderStatus.PAID, null, null, null);
		String invoice = this.invoices.issue(orderId, total);
		if (cartId != null) {
			this.carts.checkOut(cartId, this.clock.instant());
		}
		this.mails.confirmation(orderId);
		List<Long> products = this.jdbc
			.sql("SELECT product_id FROM order_line WHERE order_id = :order AND product_id IS NOT NULL ORDER BY id")
			.param("order", orderId)
			.query(Long.class)
			.list();
		Object account = order.get("account_id");
		this.events.publishEvent(new ShopEvent.OrderPlaced((String) order.get("reference"),
				(account != null) ? ((Number) account).longValue() : null, products, total));
		return Optional.of(invoice);
	}

	/**
	 * Lists the orders still awaiting their payment's answer since before a given time: a
	 * checkout takes seconds, so these are checkouts whose answer was lost (see
	 * {@link PaymentReconciliation}).
	 * @param placedBefore the time before which they were placed
	 * @return the orders, oldest first
	 */
	@Transactional(readOnly = true)
	public List<Unconfirmed> awaitingPaymentSince(Instant placedBefore) {
		return this.jdbc.sql("""
				SELECT id, reference, cart_id FROM customer_order
				WHERE status = 'AWAITING_PAYMENT' AND placed_at < :before
				ORDER BY placed_at""")
			.param("before", Timestamp.from(placedBefore))
			.query((row, number) -> new Unconfirmed(row.getLong("id"), row.getString("reference"),
					(Long) row.getObject("cart_id", Long.class)))
			.list();
	}

	/**
	 * Cancels an order whose payment the provider never received: its stock and promotion
	 * code are given back; its cart, never closed, is still the customer's. Does nothing
	 * if the order is no longer awaiting payment (its answer was recorded meanwhile).
	 * @param orderId the order
	 * @param note why, kept in the order's history
	 * @return whether it was cancelled
	 */
	@Transactional
	public boolean cancelUnpaid(long orderId, String note) {
		Map<String, Object> order = lockOrder(orderId);
		if (OrderStatus.valueOf((String) order.get("status")) != OrderStatus.AWAITING_PAYMENT) {
			return false;
		}
		move(order, OrderStatus.CANCELLED, null, note, null);
		return true;
	}

	/**
	 * Moves an order to another status, with what that implies: stock given back on a
	 * cancellation, the refund of a paid order opened (and asked of the provider by
	 * {@link Refunds#executePending} once this transaction committed), a tracking number
	 * required and the customer mailed when shipped. {@code REFUNDED} is not a move staff
	 * make: an order gets there when {@link Refunds} gave back its whole invoice.
	 * @param orderId the order
	 * @param next the new status
	 * @param actorId the staff member or customer who asked, or {@code null} for the shop
	 * @param note why, or {@code null}
	 * @param trackingNumber the carrier's number, required for {@code SHIPPED}
	 * @throws IllegalOrderTransition when the state machine forbids the move
	 */
	@Transactional
	public void changeStatus(long orderId, OrderStatus next, Long actorId, String note, String trackingNumber) {
		Map<String, Object> order = lockOrder(orderId);
		if (next == OrderStatus.REFUNDED) {
			// Money goes back through Refunds, outside any transaction; the order follows
			// once its invoice is refunded in full (refundedInFull).
			throw new IllegalOrderTransition((String) order.get("reference"),
					OrderStatus.valueOf((String) order.get("status")), next);
		}
		move(order, next, actorId, note, trackingNumber);
		if (next == OrderStatus.SHIPPED) {
			this.mails.shipped(orderId);
		}
	}

	/**
	 * Marks an order refunded once refunds give back its whole invoice, in the
	 * transaction that records the last one ({@link Refunds}). A cancelled order stays
	 * cancelled. The stock does not move here: goods come back by a return received
	 * ({@link ReturnRequests#receive}) or by the cancellation itself.
	 * @param orderId the order
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	void refundedInFull(long orderId) {
		Map<String, Object> order = lockOrder(orderId);
		if (OrderStatus.valueOf((String) order.get("status")).paid()) {
			move(order, OrderStatus.REFUNDED, null, "remboursement intégral", null);
		}
	}

	/**
	 * Lets a customer cancel their own order while it is not shipped.
	 * @param reference the order
	 * @param accountId the customer
	 * @return whether it was cancelled (false if not theirs or already shipped)
	 */
	@Transactional
	public boolean cancelByCustomer(String reference, long accountId) {
		Optional<Long> id = this.jdbc
			.sql("SELECT id FROM customer_order WHERE reference = :reference AND account_id = :account")
			.param("reference", reference)
			.param("account", accountId)
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			return false;
		}
		Map<String, Object> order = lockOrder(id.get());
		if (!OrderStatus.valueOf((String) order.get("status")).cancellableByCustomer()) {
			return false;
		}
		move(order, OrderStatus.CANCELLED, accountId, "cancelled by the customer", null);
		return true;
	}

	private Map<String, Object> lockOrder(long orderId) {
		return this.jdbc.sql("""
				SELECT id, reference, status, total_cents, promo_code_id, account_id
				FROM customer_order WHERE id = :id FOR UPDATE""").param("id", orderId).query().singleRow();
	}

	private void move(Map<String, Object> order, OrderStatus next, Long actorId, String note, String tracking) {
		long orderId = ((Number) order.get("id")).longValue();
		OrderStatus current = OrderStatus.valueOf((String) order.get("status"));
		if (!current.canMoveTo(next)) {
			throw new IllegalOrderTransition((String) order.get("reference"), current, next);
		}
		if (next == OrderStatus.SHIPPED && (tracking == null || tracking.isBlank())) {
			throw new IllegalArgumentException("A shipped order needs a tracking number");
		}
		if (next == OrderStatus.CANCELLED) {
			giveStockBack(orderId, Stock.Reason.CANCELLATION);
			if (current.paid()) {
				// The refund of what was paid is opened here, in the cancellation's
				// transaction, and asked of the provider after it commits (Refunds).
				this.payments.money(orderId)
					.map(RefundCalculation::remainder)
					.ifPresent((plan) -> this.payments.openRefund(orderId, plan, UUID.randomUUID(), actorId, null,
							"commande annulée"));
			}
			else if (order.get("promo_code_id") != null) {
				this.promoCodes.release(((Number) order.get("promo_code_id")).longValue());
			}
		}
		String timestamp = switch (next) {
			case PAID -> "paid_at";
			case SHIPPED -> "shipped_at";
			case DELIVERED -> "delivered_at";
			case CANCELLED -> "cancelled_at";
			case REFUNDED -> "refunded_at";
			default -> null;
		};
		// The column name comes from the switch above, never from input.
		this.jdbc
			.sql("UPDATE customer_order SET status = :status"
					+ ((timestamp != null) ? ", " + timestamp + " = :now" : "")
					+ ((tracking != null) ? ", tracking_number = :tracking" : "") + " WHERE id = :id")
			.param("status", next.name())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("tracking", tracking)
			.param("id", orderId)
			.update();
		recordChange(orderId, current, next, actorId, note);
		this.events.publishEvent(
				new ShopEvent.OrderStatusChanged((String) order.get("reference"), current.name(), next.name()));
	}

	private void giveStockBack(long orderId, Stock.Reason reason) {
		List<Map<String, Object>> lines = this.jdbc.sql("""
				SELECT variant_id, quantity FROM order_line
				WHERE order_id = :order AND variant_id IS NOT NULL ORDER BY product_id, variant_id""")
			.param("order", orderId)
			.query()
			.listOfRows();
		for (Map<String, Object> line : lines) {
			this.stock.giveBack(((Number) line.get("variant_id")).longValue(),
					((Number) line.get("quantity")).intValue(), reason, orderId);
		}
	}

	private void recordChange(long orderId, OrderStatus from, OrderStatus to, Long actorId, String note) {
		this.jdbc.sql("""
				INSERT INTO order_status_change (order_id, from_status, to_status, changed_at, changed_by, note)
				VALUES (:order, :from, :to, :now, :actor, :note)""")
			.param("order", orderId)
			.param("from", (from != null) ? from.name() : null)
			.param("to", to.name())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("actor", actorId)
			.param("note", note)
			.update();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * An order still awaiting its payment's answer.
	 *
	 * @param id its id
	 * @param reference its reference, by which the provider knows the charge
	 * @param cartId the cart it came from, or {@code null}
	 */
	public record Unconfirmed(long id, String reference, Long cartId) {
	}

	/**
	 * An order placed and awaiting payment.
	 *
	 * @param orderId its id (0 when it already existed)
	 * @param reference its reference
	 * @param alreadyPlaced whether the same form had placed it before
	 */
	public record Reservation(long orderId, String reference, boolean alreadyPlaced) {
	}

	/**
	 * An order already placed with a checkout form's key.
	 *
	 * @param reference the order
	 * @param sameCustomer whether the visitor sending the key now placed it (same cart or
	 * same account)
	 */
	public record KeyUse(String reference, boolean sameCustomer) {
	}

}
