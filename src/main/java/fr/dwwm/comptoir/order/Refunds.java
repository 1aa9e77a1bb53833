package fr.dwwm.comptoir.order;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.dwwm.comptoir.security.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds of all or part of an order, made like the charge: never inside a database
 * transaction.
 *
 * <ol>
 * <li>open, in one transaction with the order's row locked: the amount is worked out
 * ({@link RefundCalculation}) against what the invoice still allows, and the refund is
 * written {@code PENDING} with its idempotency key — a second refund worked out meanwhile
 * already counts it;</li>
 * <li>ask the provider, outside any transaction, with that key: sent twice, it refunds
 * once;</li>
 * <li>settle, in a second transaction: the answer is recorded, the credit note issued
 * ({@link CreditNotes}) and mailed, the return closed, the order marked refunded once its
 * invoice is refunded in full.</li>
 * </ol>
 * If the provider cannot be reached, or the database between its answer and the record,
 * the refund stays {@code PENDING}: {@link #reconcile} asks the provider by the key what
 * became of it (the {@link PaymentReconciliation} job runs it every minute) and settles
 * it, or sends it again — the key makes that safe.
 */
@Service
public class Refunds {

	private static final Logger logger = LoggerFactory.getLogger(Refunds.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Payments payments;

	private final PaymentGateway gateway;

	private final CreditNotes creditNotes;

	private final Orders orders;

	private final ReturnRequests returns;

	private final OrderMails mails;

	private final AuditLog audit;

	Refunds(JdbcClient jdbc, TransactionTemplate transaction, Payments payments, PaymentGateway gateway,
			CreditNotes creditNotes, Orders orders, ReturnRequests returns, OrderMails mails, AuditLog audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.payments = payments;
		this.gateway = gateway;
		this.creditNotes = creditNotes;
		this.orders = orders;
		this.returns = returns;
		this.mails = mails;
	}

	/**
	 * Refunds part or all of a paid order.
	 * @param orderId the order
	 * @param request units by order line, the delivery, a free amount (cents)
	 * @param key the idempotency key of the staff member's form: sent twice, one refund
	 * @param staffId who refunds
	 * @param returnId the received return it settles, or {@code null}
	 * @param note why, or {@code null}
	 * @return where the refund stands
	 * @throws RefundRefusal when the order cannot be refunded so (see
	 * {@link RefundCalculation}), or the key is another order's
	 */
	public Outcome refund(long orderId, Request request, UUID key, long staffId, Long returnId, String note) {
		Optional<Payments.OpenedRefund> earlier = this.payments.refundWithKey(key);
		if (earlier.isPresent()) {
			return replay(orderId, earlier.get());
		}
		long refundId;
		try {
			refundId = this.transaction.execute((status) -> open(orderId, request, key, staffId, returnId, note));
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// The same form sent twice at the same instant: the other request opened it.
			return replay(orderId, this.payments.refundWithKey(key).orElseThrow());
		}
		this.audit.record("REFUND", AuditLog.Outcome.SUCCESS, staffId, "order:" + orderId, Map.of("refund", refundId));
		return execute(refundId);
	}

	private Outcome replay(long orderId, Payments.OpenedRefund earlier) {
		if (earlier.orderId() != orderId) {
			throw new RefundRefusal("refund.key-used");
		}
		return new Outcome(earlier.id(), earlier.status(), null);
	}

	private long open(long orderId, Request request, UUID key, long staffId, Long returnId, String note) {
		String status = this.jdbc.sql("SELECT status FROM customer_order WHERE id = :id FOR UPDATE")
			.param("id", orderId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new RefundRefusal("refund.not-refundable"));
		if (!OrderStatus.valueOf(status).paid()) {
			throw new RefundRefusal("refund.not-refundable");
		}
		if (returnId != null && !this.returns.received(orderId, returnId)) {
			throw new RefundRefusal("refund.return-not-received");
		}
		RefundCalculation.OrderMoney money = this.payments.money(orderId)
			.orElseThrow(() -> new RefundRefusal("refund.not-refundable"));
		RefundCalculation.Plan plan = RefundCalculation.plan(money,
				new RefundCalculation.Request(request.quantities(), request.shipping(), request.extraCents()));
		return this.payments.openRefund(orderId, plan, key, staffId, returnId, note);
	}

	/**
	 * Asks the provider for a refund already opened, then records its answer.
	 * @param refundId the refund
	 * @return where it stands: {@code PENDING} if the provider could not be reached
	 */
	public Outcome execute(long refundId) {
		CardRefund card = this.payments.cardRefund(refundId);
		RefundResult result;
		try {
			result = this.gateway.refund(card);
		}
		catch (RuntimeException ex) {
			logger.warn("No answer from the payment provider for refund {}: {}; left to the reconciliation", refundId,
					ex.toString());
			return new Outcome(refundId, "PENDING", null);
		}
		return settle(refundId, result);
	}

	/**
	 * Runs the refunds of an order still waiting for the provider: those a cancellation
	 * opened, in its own transaction, just before.
	 * @param orderId the order
	 */
	public void executePending(long orderId) {
		this.payments.pendingRefundsOf(orderId).forEach(this::execute);
	}

	/**
	 * Records the provider's answer to a refund, once: the credit note, the mail, the
	 * return and the order follow when it succeeded.
	 * @param refundId the refund
	 * @param result the provider's answer
	 * @return where it stands
	 */
	Outcome settle(long refundId, RefundResult result) {
		return this.transaction.execute((status) -> {
			Optional<Payments.PendingRefund> pending = this.payments.lockPending(refundId);
			if (pending.isEmpty()) {
				return new Outcome(refundId, "SETTLED", null);
			}
			Payments.PendingRefund refund = pending.get();
			boolean inFull = this.payments.settleRefund(refundId, result);
			if (!result.succeeded()) {
				logger.warn("Refund {} of order {} refused by the provider: {}", refundId, refund.orderId(),
						result.failureReason());
				return new Outcome(refundId, "FAILED", null);
			}
			String number = this.creditNotes.issue(refundId);
			if (refund.returnId() != null) {
				this.returns.refunded(refund.returnId());
			}
			if (inFull) {
				this.orders.refundedInFull(refund.orderId());
			}
			byte[] pdf = this.creditNotes.pdf(refund.orderId(), number).orElseThrow();
			this.mails.afterSale(refund.orderId(), "credit-note",
					this.mails.money(refund.amountCents(), refund.orderId()) + " — " + number,
					"avoir-" + number + ".pdf", pdf);
			return new Outcome(refundId, "SUCCEEDED", number);
		});
	}

	/**
	 * Settles the refunds still waiting for an answer since before a given time: the
	 * provider is asked what became of each (by its key); a refund it never received is
	 * sent again with the same key.
	 * @param requestedBefore only refunds asked before this
	 * @return how many were settled, and how many are left for the next run
	 */
	public Reconciled reconcile(Instant requestedBefore) {
		int settled = 0;
		int failed = 0;
		for (long refundId : this.payments.pendingRefunds(requestedBefore)) {
			try {
				CardRefund card = this.payments.cardRefund(refundId);
				RefundResult answer = this.gateway.findRefund(card.idempotencyKey())
					.orElseGet(() -> this.gateway.refund(card));
				settle(refundId, answer);
				settled++;
			}
			catch (RuntimeException ex) {
				failed++;
				logger.warn("Reconciliation of refund {} failed, tried again later: {}", refundId, ex.toString());
			}
		}
		return new Reconciled(settled, failed);
	}

	/**
	 * Tells what is left to refund of an order, for the refund form.
	 * @param orderId the order
	 * @return its lines with the units left, the delivery if not refunded and the amount
	 * left; empty when the order has no invoice
	 */
	@Transactional(readOnly = true)
	public Optional<Refundable> refundable(long orderId) {
		return this.payments.money(orderId)
			.map((money) -> new Refundable(money.lines()
				.stream()
				.map((line) -> new Refundable.Line(line.id(), line.name(), line.unitPriceCents(), line.quantity(),
						line.refundable()))
				.toList(), money.shippingCents() - money.shippingRefundedCents(), money.remainingCents()));
	}

	/**
	 * Lists the refunds of an order, with their credit notes.
	 * @param orderId the order
	 * @return its refunds, oldest first
	 */
	@Transactional(readOnly = true)
	public List<View> ofOrder(long orderId) {
		return this.jdbc.sql("""
				SELECT r.id, r.status, r.amount_cents, r.requested_at, r.failure_reason, r.note, c.year, c.number
				FROM refund r LEFT JOIN credit_note c ON c.refund_id = r.id
				WHERE r.order_id = :order ORDER BY r.requested_at, r.id""")
			.param("order", orderId)
			.query((row, n) -> new View(row.getLong("id"), row.getString("status"), row.getLong("amount_cents"),
					row.getTimestamp("requested_at").toInstant(), row.getString("failure_reason"),
					row.getString("note"),
					(row.getObject("number") != null) ? CreditNotes.number(row.getInt("year"), row.getInt("number"))
							: null))
			.list();
	}

	/**
	 * What is left to refund of an order.
	 *
	 * @param lines its lines
	 * @param shippingCents the delivery, if not refunded yet (0 otherwise)
	 * @param remainingCents the amount its invoice still allows
	 */
	public record Refundable(List<Line> lines, long shippingCents, long remainingCents) {

		/**
		 * An order line.
		 *
		 * @param id its id
		 * @param name the product and variant
		 * @param unitPriceCents the unit price paid
		 * @param quantity units bought
		 * @param refundable units not refunded yet
		 */
		public record Line(long id, String name, long unitPriceCents, int quantity, int refundable) {
		}

	}

	/**
	 * A refund as the order's page shows it.
	 *
	 * @param id its id
	 * @param status {@code PENDING}, {@code SUCCEEDED} or {@code FAILED}
	 * @param amountCents what it gives back
	 * @param requestedAt when staff asked
	 * @param failureReason the provider's refusal, or {@code null}
	 * @param note staff's note, or {@code null}
	 * @param creditNote its credit note's number, once made
	 */
	public record View(long id, String status, long amountCents, Instant requestedAt, String failureReason, String note,
			String creditNote) {
	}

	/**
	 * What staff asked to refund.
	 *
	 * @param quantities units to refund, by order line id
	 * @param shipping whether to refund the delivery
	 * @param extraCents a free amount, VAT included, in cents
	 */
	public record Request(Map<Long, Integer> quantities, boolean shipping, long extraCents) {
	}

	/**
	 * Where a refund stands.
	 *
	 * @param refundId the refund
	 * @param status {@code SUCCEEDED}, {@code FAILED}, {@code PENDING} (the provider
	 * could not be reached: the reconciliation will settle it) or {@code SETTLED}
	 * (settled meanwhile by another run)
	 * @param creditNote the credit note's number when it succeeded now
	 */
	public record Outcome(long refundId, String status, String creditNote) {
	}

	/**
	 * What one reconciliation run did.
	 *
	 * @param settled refunds whose answer was recorded
	 * @param failed refunds left for the next run (provider unreachable)
	 */
	public record Reconciled(int settled, int failed) {
	}

}
