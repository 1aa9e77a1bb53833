package fr.dwwm.comptoir.order;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the payment provider answered for each order, kept in the {@code payment} table:
 * the provider's reference, the last four digits and brand of the card, the amount and
 * whether it was accepted, refused or refunded — never the card itself (CNIL 2018-303);
 * and the refunds given back on them ({@code refund}, {@code refund_line}). Payments are
 * written in the order's transaction by {@link Orders}, which decides what the answer
 * means for the order; refunds are opened and settled by {@link Refunds}, which calls the
 * provider between the two.
 */
@Service
class Payments {

	private final JdbcClient jdbc;

	private final PaymentGateway gateway;

	private final Clock clock;

	Payments(JdbcClient jdbc, PaymentGateway gateway, Clock clock) {
		this.jdbc = jdbc;
		this.gateway = gateway;
		this.clock = clock;
	}

	/**
	 * Keeps the provider's answer for an order.
	 * @param orderId the order
	 * @param amountCents the amount asked
	 * @param result the answer
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void record(long orderId, long amountCents, PaymentResult result) {
		this.jdbc.sql("""
				INSERT INTO payment (order_id, provider, provider_reference, card_last4, card_brand, amount_cents,
				                     status, failure_reason)
				VALUES (:order, :provider, :reference, :last4, :brand, :amount, :status, :reason)""")
			.param("order", orderId)
			.param("provider", this.gateway.name())
			.param("reference", result.providerReference())
			.param("last4", result.cardLast4())
			.param("brand", result.cardBrand())
			.param("amount", amountCents)
			.param("status", result.succeeded() ? "SUCCEEDED" : "REFUSED")
			.param("reason", result.succeeded() ? null : result.outcome().name())
			.update();
	}

	/**
	 * Refunds a payment accepted too late, for an order already given up: it was never
	 * recorded, and must not stay charged.
	 * @param providerReference the provider's reference of the payment
	 * @param amountCents the amount
	 */
	void refundUnrecorded(String providerReference, long amountCents) {
		this.gateway.refund(new CardRefund(providerReference, amountCents, UUID.randomUUID().toString()));
	}

	/**
	 * Reads what an order invoiced and refunded so far, line by line, for
	 * {@link RefundCalculation}. Call it with the order's row locked.
	 * @param orderId the order
	 * @return its amounts, or empty if it has no invoice
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<RefundCalculation.OrderMoney> money(long orderId) {
		List<RefundCalculation.LineState> lines = this.jdbc.sql("""
				SELECT l.id, l.product_name || coalesce(' — ' || l.variant_label, '') AS name, l.unit_price_cents,
				       l.vat_rate, l.quantity,
				       coalesce((SELECT sum(rl.quantity) FROM refund_line rl JOIN refund r ON r.id = rl.refund_id
				                 WHERE rl.order_line_id = l.id AND r.status <> 'FAILED'), 0) AS refunded
				FROM order_line l WHERE l.order_id = :order ORDER BY l.id""")
			.param("order", orderId)
			.query((row, number) -> new RefundCalculation.LineState(row.getLong("id"), row.getString("name"),
					row.getLong("unit_price_cents"), row.getBigDecimal("vat_rate"), row.getInt("quantity"),
					row.getInt("refunded")))
			.list();
		return this.jdbc
			.sql("""
					SELECT o.items_total_cents, o.discount_cents, o.shipping_cents, i.total_cents AS invoiced,
					       coalesce(sum(r.amount_cents), 0) AS refunded, coalesce(sum(r.discount_cents), 0) AS discount_refunded,
					       coalesce(sum(r.shipping_cents), 0) AS shipping_refunded
					FROM customer_order o
					JOIN invoice i ON i.order_id = o.id
					LEFT JOIN refund r ON r.order_id = o.id AND r.status <> 'FAILED'
					WHERE o.id = :order
					GROUP BY o.id, i.total_cents""")
			.param("order", orderId)
			.query((row, number) -> new RefundCalculation.OrderMoney(lines, row.getLong("items_total_cents"),
					row.getLong("discount_cents"), row.getLong("shipping_cents"), row.getLong("invoiced"),
					row.getLong("refunded"), row.getLong("discount_refunded"), row.getLong("shipping_refunded")))
			.optional();
	}

	/**
	 * Writes a refund about to be asked of the provider, {@code PENDING}, on the order's
	 * accepted payment. Its amount counts against the invoice at once: a second refund
	 * worked out meanwhile sees less left to refund.
	 * @param orderId the order
	 * @param plan what to refund
	 * @param key the refund's idempotency key
	 * @param actorId the staff member or customer who asked, or {@code null} for the shop
	 * @param returnId the return it settles, or {@code null}
	 * @param note why, or {@code null}
	 * @return the refund's id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	long openRefund(long orderId, RefundCalculation.Plan plan, UUID key, Long actorId, Long returnId, String note) {
		long refundId = this.jdbc.sql("""
				INSERT INTO refund (order_id, payment_id, return_id, idempotency_key, lines_cents, discount_cents,
				                    shipping_cents, extra_cents, amount_cents, status, note, requested_by, requested_at)
				SELECT :order, p.id, :return, :key, :lines, :discount, :shipping, :extra, :amount, 'PENDING', :note,
				       :actor, :now
				FROM payment p WHERE p.order_id = :order AND p.status IN ('SUCCEEDED', 'REFUNDED')
				ORDER BY p.id LIMIT 1
				RETURNING id""")
			.param("order", orderId)
			.param("return", returnId)
			.param("key", key)
			.param("lines", plan.linesCents())
			.param("discount", plan.discountCents())
			.param("shipping", plan.shippingCents())
			.param("extra", plan.extraCents())
			.param("amount", plan.amountCents())
			.param("note", note)
			.param("actor", actorId)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		plan.quantities()
			.forEach((line, quantity) -> this.jdbc.sql("""
					INSERT INTO refund_line (refund_id, order_line_id, quantity) VALUES (:refund, :line, :quantity)""")
				.param("refund", refundId)
				.param("line", line)
				.param("quantity", quantity)
				.update());
		return refundId;
	}

	/**
	 * Finds the refund an idempotency key already opened.
	 * @param key the key
	 * @return the refund's id and order
	 */
	@Transactional(readOnly = true)
	Optional<OpenedRefund> refundWithKey(UUID key) {
		return this.jdbc.sql("SELECT id, order_id, status FROM refund WHERE idempotency_key = :key")
			.param("key", key)
			.query((row, number) -> new OpenedRefund(row.getLong("id"), row.getLong("order_id"),
					row.getString("status")))
			.optional();
	}

	/**
	 * Reads what to send the provider for a refund.
	 * @param refundId the refund
	 * @return the payment's reference, the amount and the key
	 */
	@Transactional(readOnly = true)
	CardRefund cardRefund(long refundId) {
		return this.jdbc.sql("""
				SELECT p.provider_reference, r.amount_cents, r.idempotency_key
				FROM refund r JOIN payment p ON p.id = r.payment_id WHERE r.id = :id""")
			.param("id", refundId)
			.query((row, number) -> new CardRefund(row.getString("provider_reference"), row.getLong("amount_cents"),
					row.getString("idempotency_key")))
			.single();
	}

	/**
	 * Locks a refund still waiting for the provider's answer.
	 * @param refundId the refund
	 * @return its order, its return and its amount, or empty if it was settled already
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<PendingRefund> lockPending(long refundId) {
		return this.jdbc.sql("""
				SELECT id, order_id, return_id, amount_cents FROM refund
				WHERE id = :id AND status = 'PENDING' FOR UPDATE""")
			.param("id", refundId)
			.query((row, number) -> new PendingRefund(row.getLong("id"), row.getLong("order_id"),
					(Long) row.getObject("return_id", Long.class), row.getLong("amount_cents")))
			.optional();
	}

	/**
	 * Records the provider's answer to a refund; once the refunds add up to the whole
	 * payment, the payment is marked refunded.
	 * @param refundId the refund, locked by {@link #lockPending}
	 * @param result the answer
	 * @return whether the order's invoice is now entirely refunded
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean settleRefund(long refundId, RefundResult result) {
		this.jdbc.sql("""
				UPDATE refund SET status = :status, provider_reference = :reference, failure_reason = :reason,
				                  settled_at = :now
				WHERE id = :id""")
			.param("status", result.succeeded() ? "SUCCEEDED" : "FAILED")
			.param("reference", result.providerReference())
			.param("reason", (result.failureReason() != null)
					? result.failureReason().substring(0, Math.min(200, result.failureReason().length())) : null)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", refundId)
			.update();
		this.jdbc.sql("""
				UPDATE payment p SET status = 'REFUNDED'
				FROM refund r
				WHERE r.id = :id AND p.id = r.payment_id AND p.status = 'SUCCEEDED'
				  AND p.amount_cents = (SELECT sum(amount_cents) FROM refund
				                        WHERE payment_id = p.id AND status = 'SUCCEEDED')""")
			.param("id", refundId)
			.update();
		return this.jdbc.sql("""
				SELECT i.total_cents = (SELECT coalesce(sum(amount_cents), 0) FROM refund
				                        WHERE order_id = r.order_id AND status = 'SUCCEEDED')
				FROM refund r JOIN invoice i ON i.order_id = r.order_id WHERE r.id = :id""")
			.param("id", refundId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Lists the refunds still waiting for an answer since before a given time: their
	 * answer was lost, or the provider could not be reached.
	 * @param requestedBefore the time before which they were asked
	 * @return their ids, oldest first
	 */
	@Transactional(readOnly = true)
	List<Long> pendingRefunds(Instant requestedBefore) {
		return this.jdbc.sql("""
				SELECT id FROM refund WHERE status = 'PENDING' AND requested_at < :before ORDER BY requested_at""")
			.param("before", Timestamp.from(requestedBefore))
			.query(Long.class)
			.list();
	}

	/**
	 * Lists the refunds of an order still waiting for the provider.
	 * @param orderId the order
	 * @return their ids
	 */
	@Transactional(readOnly = true)
	List<Long> pendingRefundsOf(long orderId) {
		return this.jdbc.sql("SELECT id FROM refund WHERE order_id = :order AND status = 'PENDING' ORDER BY id")
			.param("order", orderId)
			.query(Long.class)
			.list();
	}

	/**
	 * A refund an idempotency key opened.
	 *
	 * @param id the refund
	 * @param orderId its order
	 * @param status where it stands
	 */
	record OpenedRefund(long id, long orderId, String status) {
	}

	/**
	 * A refund waiting for the provider's answer, locked.
	 *
	 * @param id the refund
	 * @param orderId its order
	 * @param returnId the return it settles, or {@code null}
	 * @param amountCents its amount
	 */
	record PendingRefund(long id, long orderId, Long returnId, long amountCents) {
	}

}
