package fr.dwwm.comptoir.order;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.dwwm.comptoir.cart.CartLine;
import fr.dwwm.comptoir.module.api.ShopEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders in the database: placing one (stock reserved atomically), recording its payment,
 * moving it through its {@link OrderStatus} state machine, reading it back.
 *
 * <p>
 * Each method is one transaction. The checkout ({@link Checkout}) calls {@link #reserve}
 * then, outside any transaction, the payment provider, then {@link #recordPayment}: a
 * slow provider never holds a database lock.
 */
@Service
public class Orders {

	private static final Logger logger = LoggerFactory.getLogger(Orders.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PromoCodes promoCodes;

	private final Invoices invoices;

	private final PaymentGateway gateway;

	private final OrderMails mails;

	private final ApplicationEventPublisher events;

	Orders(JdbcClient jdbc, Clock clock, PromoCodes promoCodes, Invoices invoices, PaymentGateway gateway,
			OrderMails mails, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.promoCodes = promoCodes;
		this.invoices = invoices;
		this.gateway = gateway;
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
		NewOrder.DeliveryAddress to = order.address();
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
					    :firstName, :lastName, :line1, :line2, :postalCode, :city, :country,
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
		// Always in the same order (by product id): two orders for the same products wait
		// for each other instead of deadlocking.
		List<CartLine> lines = quote.cart()
			.lines()
			.stream()
			.sorted(Comparator.comparingLong(CartLine::productId))
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

	private void takeStock(long orderId, CartLine line) {
		Optional<Map<String, Object>> product = this.jdbc.sql("""
				UPDATE product SET stock = stock - :quantity
				WHERE id = :id AND active AND stock >= :quantity
				RETURNING stock, name, sku, price_cents, vat_rate""")
			.param("quantity", line.quantity())
			.param("id", line.productId())
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (product.isEmpty()) {
			throw new CheckoutRefusal("checkout.out-of-stock", line.name());
		}
		Map<String, Object> row = product.get();
		if (((Number) row.get("price_cents")).intValue() != line.unitPriceCents()
				|| ((BigDecimal) row.get("vat_rate")).compareTo(line.vatRate()) != 0) {
			throw new CheckoutRefusal("checkout.total-changed");
		}
		this.jdbc.sql("""
				INSERT INTO order_line (order_id, product_id, product_name, product_sku, unit_price_cents, vat_rate,
				                        quantity, line_total_cents)
				VALUES (:order, :product, :name, :sku, :price, :vat, :quantity, :total)""")
			.param("order", orderId)
			.param("product", line.productId())
			.param("name", row.get("name"))
			.param("sku", row.get("sku"))
			.param("price", line.unitPriceCents())
			.param("vat", line.vatRate())
			.param("quantity", line.quantity())
			.param("total", line.totalCents())
			.update();
		movement(line.productId(), -line.quantity(), ((Number) row.get("stock")).intValue(), "ORDER", orderId);
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
				this.gateway.refund(result.providerReference(), ((Number) order.get("total_cents")).longValue());
				throw new CheckoutRefusal("payment.too-late");
			}
			return Optional.empty();
		}
		long total = ((Number) order.get("total_cents")).longValue();
		this.jdbc.sql("""
				INSERT INTO payment (order_id, provider, provider_reference, card_last4, card_brand, amount_cents,
				                     status, failure_reason)
				VALUES (:order, :provider, :reference, :last4, :brand, :amount, :status, :reason)""")
			.param("order", orderId)
			.param("provider", this.gateway.name())
			.param("reference", result.providerReference())
			.param("last4", result.cardLast4())
			.param("brand", result.cardBrand())
			.param("amount", total)
			.param("status", result.succeeded() ? "SUCCEEDED" : "REFUSED")
			.param("reason", result.succeeded() ? null : result.outcome().name())
			.update();
		if (!result.succeeded()) {
			move(order, OrderStatus.CANCELLED, null, "payment " + result.outcome().name(), null);
			return Optional.empty();
		}
		move(order, OrderStatus.PAID, null, null, null);
		String invoice = this.invoices.issue(orderId, total);
		if (cartId != null) {
			this.jdbc.sql("UPDATE cart SET checked_out_at = :now WHERE id = :cart")
				.param("now", Timestamp.from(this.clock.instant()))
				.param("cart", cartId)
				.update();
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
	 * cancellation or a refund, the payment refunded when there was one, a tracking
	 * number required and the customer mailed when shipped.
	 * @param orderId the order
	 * @param next the new status
	 * @param actorId the staff member or customer who asked, or {@code null} for the shop
	 * @param note why, or {@code null}
	 * @param trackingNumber the carrier's number, required for {@code SHIPPED}
	 * @throws IllegalOrderTransition when the state machine forbids the move
	 */
	@Transactional
	public void changeStatus(long orderId, OrderStatus next, Long actorId, String note, String trackingNumber) {
		move(lockOrder(orderId), next, actorId, note, trackingNumber);
		if (next == OrderStatus.SHIPPED) {
			this.mails.shipped(orderId);
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
		if (next == OrderStatus.CANCELLED || next == OrderStatus.REFUNDED) {
			giveStockBack(orderId, (next == OrderStatus.CANCELLED) ? "CANCELLATION" : "REFUND");
			if (current.paid()) {
				refundPayment(orderId);
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

	private void giveStockBack(long orderId, String reason) {
		List<Map<String, Object>> lines = this.jdbc.sql("""
				SELECT product_id, quantity FROM order_line
				WHERE order_id = :order AND product_id IS NOT NULL ORDER BY product_id""")
			.param("order", orderId)
			.query()
			.listOfRows();
		for (Map<String, Object> line : lines) {
			long productId = ((Number) line.get("product_id")).longValue();
			int quantity = ((Number) line.get("quantity")).intValue();
			int stock = this.jdbc.sql("UPDATE product SET stock = stock + :quantity WHERE id = :id RETURNING stock")
				.param("quantity", quantity)
				.param("id", productId)
				.query(Integer.class)
				.single();
			movement(productId, quantity, stock, reason, orderId);
		}
	}

	private void refundPayment(long orderId) {
		this.jdbc.sql("""
				SELECT id, provider_reference, amount_cents FROM payment
				WHERE order_id = :order AND status = 'SUCCEEDED'""").param("order", orderId).query((row) -> {
			this.gateway.refund(row.getString("provider_reference"), row.getLong("amount_cents"));
			this.jdbc.sql("UPDATE payment SET status = 'REFUNDED' WHERE id = :id")
				.param("id", row.getLong("id"))
				.update();
		});
	}

	private void movement(long productId, int delta, int stockAfter, String reason, long orderId) {
		this.jdbc.sql("""
				INSERT INTO stock_movement (product_id, delta, stock_after, reason, order_id)
				VALUES (:product, :delta, :after, :reason, :order)""")
			.param("product", productId)
			.param("delta", delta)
			.param("after", stockAfter)
			.param("reason", reason)
			.param("order", orderId)
			.update();
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

	/**
	 * Reads an order of a customer.
	 * @param reference the order
	 * @param accountId the customer: another customer's order is not found
	 * @return the order
	 */
	@Transactional(readOnly = true)
	public Optional<OrderDetails> ofCustomer(String reference, long accountId) {
		return details("o.reference = :reference AND o.account_id = :account",
				Map.of("reference", reference, "account", accountId));
	}

	/**
	 * Reads an order by its reference, for a guest who just placed it (the caller checks
	 * that the visitor's session placed it).
	 * @param reference the order
	 * @return the order
	 */
	@Transactional(readOnly = true)
	public Optional<OrderDetails> byReference(String reference) {
		return details("o.reference = :reference", Map.of("reference", reference));
	}

	private Optional<OrderDetails> details(String condition, Map<String, Object> params) {
		Optional<Map<String, Object>> found = this.jdbc.sql("""
				SELECT o.id, o.reference, o.status, o.placed_at, o.email, o.ship_first_name, o.ship_last_name,
				       o.ship_line1, o.ship_line2, o.ship_postal_code, o.ship_city, o.ship_country,
				       o.shipping_method_name, o.promo_code, o.items_total_cents, o.discount_cents, o.shipping_cents,
				       o.total_cents, o.tracking_number,
				       (SELECT p.card_last4 FROM payment p WHERE p.order_id = o.id AND p.status <> 'REFUSED'
				        ORDER BY p.id LIMIT 1) AS card_last4,
				       (SELECT i.year || '-' || i.number FROM invoice i WHERE i.order_id = o.id) AS invoice
				FROM customer_order o
				WHERE\s""" + condition).params(params).query().listOfRows().stream().findFirst();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> row = found.get();
		long id = ((Number) row.get("id")).longValue();
		List<OrderDetails.Line> lines = this.jdbc.sql("""
				SELECT l.product_name, p.slug, l.quantity, l.unit_price_cents, l.vat_rate, l.line_total_cents
				FROM order_line l LEFT JOIN product p ON p.id = l.product_id
				WHERE l.order_id = :order ORDER BY l.id""")
			.param("order", id)
			.query((line, number) -> new OrderDetails.Line(line.getString("product_name"), line.getString("slug"),
					line.getInt("quantity"), line.getLong("unit_price_cents"), line.getBigDecimal("vat_rate"),
					line.getLong("line_total_cents")))
			.list();
		Map<BigDecimal, Long> goods = new HashMap<>();
		lines.forEach((line) -> goods.merge(line.vatRate(), line.totalCents(), Long::sum));
		OrderTotals totals = OrderTotals.of(goods, ((Number) row.get("discount_cents")).longValue(),
				((Number) row.get("shipping_cents")).longValue());
		List<OrderDetails.Change> history = this.jdbc
			.sql("""
					SELECT to_status, changed_at FROM order_status_change WHERE order_id = :order ORDER BY changed_at, id""")
			.param("order", id)
			.query((change, number) -> new OrderDetails.Change(OrderStatus.valueOf(change.getString("to_status")),
					change.getTimestamp("changed_at").toInstant()))
			.list();
		String invoice = (String) row.get("invoice");
		String invoiceNumber = (invoice != null)
				? Invoices.number(Integer.parseInt(invoice.split("-")[0]), Integer.parseInt(invoice.split("-")[1]))
				: null;
		return Optional
			.of(new OrderDetails(id, (String) row.get("reference"), OrderStatus.valueOf((String) row.get("status")),
					((Timestamp) row.get("placed_at")).toInstant(), (String) row.get("email"),
					new NewOrder.DeliveryAddress((String) row.get("ship_first_name"),
							(String) row.get("ship_last_name"), (String) row.get("ship_line1"),
							(String) row.get("ship_line2"), (String) row.get("ship_postal_code"),
							(String) row.get("ship_city"), (String) row.get("ship_country"), null),
					(String) row.get("shipping_method_name"), (String) row.get("promo_code"), lines, totals,
					(String) row.get("tracking_number"), (String) row.get("card_last4"), invoiceNumber, history));
	}

	/**
	 * Lists a customer's orders, newest first.
	 * @param accountId the customer
	 * @return their orders
	 */
	@Transactional(readOnly = true)
	public List<OrderSummary> ofAccount(long accountId) {
		return this.jdbc.sql("""
				SELECT o.reference, o.status, o.placed_at, o.total_cents,
				       (SELECT coalesce(sum(l.quantity), 0) FROM order_line l WHERE l.order_id = o.id) AS items
				FROM customer_order o WHERE o.account_id = :account ORDER BY o.placed_at DESC, o.id DESC""")
			.param("account", accountId)
			.query((row, number) -> new OrderSummary(row.getString("reference"),
					OrderStatus.valueOf(row.getString("status")), row.getTimestamp("placed_at").toInstant(),
					row.getLong("total_cents"), row.getInt("items")))
			.list();
	}

	/**
	 * Finds orders for the back-office, newest first.
	 * @param status only this status, or {@code null}
	 * @param from placed on or after this day (shop time), or {@code null}
	 * @param to placed on or before this day, or {@code null}
	 * @param customer part of the customer's e-mail or name, or blank
	 * @param page page number from 0
	 * @param size orders per page
	 * @return one page of orders
	 */
	@Transactional(readOnly = true)
	public OrderPage search(OrderStatus status, java.time.LocalDate from, java.time.LocalDate to, String customer,
			int page, int size) {
		String pattern = (customer == null || customer.isBlank()) ? null
				: "%" + customer.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		List<StaffRow> rows = this.jdbc.sql("""
				SELECT o.reference, o.status, o.placed_at, o.total_cents, o.email,
				       coalesce(o.ship_first_name || ' ' || o.ship_last_name, '') AS name, count(*) OVER () AS total
				FROM customer_order o
				WHERE (CAST(:status AS text) IS NULL OR o.status = :status)
				  AND (CAST(:from AS date) IS NULL OR (o.placed_at AT TIME ZONE 'Europe/Paris')::date >= :from)
				  AND (CAST(:to AS date) IS NULL OR (o.placed_at AT TIME ZONE 'Europe/Paris')::date <= :to)
				  AND (CAST(:pattern AS text) IS NULL OR o.email ILIKE :pattern
				       OR (o.ship_first_name || ' ' || o.ship_last_name) ILIKE :pattern OR o.reference ILIKE :pattern)
				ORDER BY o.placed_at DESC, o.id DESC
				LIMIT :size OFFSET :offset""")
			.param("status", (status != null) ? status.name() : null)
			.param("from", from)
			.param("to", to)
			.param("pattern", pattern)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((row, number) -> new StaffRow(row.getString("reference"),
					OrderStatus.valueOf(row.getString("status")), row.getTimestamp("placed_at").toInstant(),
					row.getLong("total_cents"), row.getString("email"), row.getString("name"), row.getLong("total")))
			.list();
		long total = rows.isEmpty() ? 0 : rows.get(0).total();
		return new OrderPage(rows, total, page, size);
	}

	/**
	 * A page of orders for the back-office.
	 *
	 * @param rows the orders
	 * @param total how many match in all
	 * @param page page number from 0
	 * @param size orders per page
	 */
	public record OrderPage(List<StaffRow> rows, long total, int page, int size) {

		/**
		 * Returns the number of pages.
		 * @return at least 1
		 */
		public int pageCount() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

	}

	/**
	 * An order in the back-office list.
	 *
	 * @param reference the order
	 * @param status its status
	 * @param placedAt when
	 * @param totalCents amount
	 * @param email the customer's e-mail, or {@code null} once anonymised
	 * @param name the delivery name
	 * @param total how many orders match the search (the same on every row)
	 */
	public record StaffRow(String reference, OrderStatus status, Instant placedAt, long totalCents, String email,
			String name, long total) {
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

	/**
	 * A line of the order list.
	 *
	 * @param reference the order
	 * @param status its status
	 * @param placedAt when it was placed
	 * @param totalCents what it cost
	 * @param items how many units
	 */
	public record OrderSummary(String reference, OrderStatus status, Instant placedAt, long totalCents, int items) {
	}

}
