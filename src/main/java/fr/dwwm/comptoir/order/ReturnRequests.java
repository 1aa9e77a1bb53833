package fr.dwwm.comptoir.order;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.catalog.Stock;
import fr.dwwm.comptoir.security.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returns of delivered goods: the customer asks, within the withdrawal period
 * ({@link WithdrawalPeriod}), to send back some units of some lines; staff accept or
 * refuse, then record the goods received, which puts their units back in stock through
 * the catalog's {@link Stock} with the reason {@code RETURN}; the refund
 * ({@link Refunds}) closes the request. Each step follows {@link ReturnStatus}, is mailed
 * to the customer and shown on their order's page.
 *
 * <p>
 * Every method locks the order's row first, like {@link Orders}: two requests of the same
 * customer at the same instant are checked one after the other, so a unit is never
 * returned twice.
 */
@Service
public class ReturnRequests {

	/** Longest reason or staff note kept ({@code return_request}, CHECK). */
	static final int MAX_TEXT = 500;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Stock stock;

	private final OrderMails mails;

	private final AuditLog audit;

	ReturnRequests(JdbcClient jdbc, Clock clock, Stock stock, OrderMails mails, AuditLog audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.stock = stock;
		this.mails = mails;
		this.audit = audit;
	}

	/**
	 * Tells what a customer may still return from an order, and until when.
	 * @param orderId the order
	 * @return the lines with their units still returnable, and the last day; empty when
	 * the order was never delivered
	 */
	@Transactional(readOnly = true)
	public Optional<Returnable> returnable(long orderId) {
		Optional<Instant> delivered = this.jdbc
			.sql("SELECT delivered_at FROM customer_order WHERE id = :id AND status = 'DELIVERED'")
			.param("id", orderId)
			.query((row, n) -> row.getTimestamp("delivered_at"))
			.optional()
			.map((at) -> (at != null) ? at.toInstant() : null);
		if (delivered.isEmpty() || delivered.get() == null) {
			return Optional.empty();
		}
		LocalDate lastDay = WithdrawalPeriod.lastDay(delivered.get().atZone(Invoices.SHOP_ZONE).toLocalDate());
		boolean open = !today().isAfter(lastDay);
		boolean pending = this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM return_request
				               WHERE order_id = :id AND status IN ('REQUESTED', 'ACCEPTED', 'RECEIVED'))""")
			.param("id", orderId)
			.query(Boolean.class)
			.single();
		return Optional.of(new Returnable(lines(orderId), lastDay, open, pending));
	}

	/**
	 * Records a customer's return request.
	 * @param orderId the order, whose owner the caller checked
	 * @param accountId the customer
	 * @param quantities units to send back, by order line id
	 * @param reason why, in their words
	 * @return the request's id
	 * @throws RefundRefusal when the order is not delivered, the period is over, a
	 * request is already under way, or the units are not the order's or not returnable
	 */
	@Transactional
	public long request(long orderId, long accountId, Map<Long, Integer> quantities, String reason) {
		Map<String, Object> order = this.jdbc.sql("""
				SELECT status, delivered_at FROM customer_order WHERE id = :id AND account_id = :account FOR UPDATE""")
			.param("id", orderId)
			.param("account", accountId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new RefundRefusal("return.not-delivered"));
		if (!"DELIVERED".equals(order.get("status")) || order.get("delivered_at") == null) {
			throw new RefundRefusal("return.not-delivered");
		}
		LocalDate delivered = ((Timestamp) order.get("delivered_at")).toInstant()
			.atZone(Invoices.SHOP_ZONE)
			.toLocalDate();
		if (!WithdrawalPeriod.open(delivered, today())) {
			throw new RefundRefusal("return.too-late", DAY.format(WithdrawalPeriod.lastDay(delivered)));
		}
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty() || why.length() > MAX_TEXT) {
			throw new RefundRefusal("return.reason-required");
		}
		Map<Long, Line> lines = new LinkedHashMap<>();
		lines(orderId).forEach((line) -> lines.put(line.id(), line));
		Map<Long, Integer> chosen = new LinkedHashMap<>();
		quantities.forEach((lineId, quantity) -> {
			int units = (quantity != null) ? quantity : 0;
			if (units == 0) {
				return;
			}
			Line line = lines.get(lineId);
			if (line == null || units < 0) {
				throw new RefundRefusal("return.unknown-line");
			}
			if (units > line.returnable()) {
				throw new RefundRefusal("return.too-many", line.name(), line.returnable());
			}
			chosen.put(lineId, units);
		});
		if (chosen.isEmpty()) {
			throw new RefundRefusal("return.nothing");
		}
		Optional<Long> created = this.jdbc.sql("""
				INSERT INTO return_request (order_id, status, reason, requested_at)
				VALUES (:order, 'REQUESTED', :reason, :now)
				ON CONFLICT (order_id) WHERE status IN ('REQUESTED', 'ACCEPTED', 'RECEIVED') DO NOTHING
				RETURNING id""")
			.param("order", orderId)
			.param("reason", why)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.optional();
		long returnId = created.orElseThrow(() -> new RefundRefusal("return.already-open"));
		chosen.forEach((lineId, units) -> this.jdbc.sql("""
				INSERT INTO return_line (return_id, order_line_id, quantity) VALUES (:return, :line, :quantity)""")
			.param("return", returnId)
			.param("line", lineId)
			.param("quantity", units)
			.update());
		this.mails.afterSale(orderId, "return-requested", null, null, null);
		return returnId;
	}

	/**
	 * Accepts a request: the customer may send the goods.
	 * @param orderId the order
	 * @param returnId the request, one of the order's
	 * @param staffId who accepts
	 * @throws RefundRefusal when the request is not the order's or not waiting for a
	 * decision
	 */
	@Transactional
	public void accept(long orderId, long returnId, long staffId) {
		move(orderId, returnId, ReturnStatus.ACCEPTED, staffId, null);
		this.mails.afterSale(orderId, "return-accepted", null, null, null);
	}

	/**
	 * Refuses a request, saying why.
	 * @param orderId the order
	 * @param returnId the request, one of the order's
	 * @param staffId who refuses
	 * @param note why, shown and mailed to the customer
	 * @throws RefundRefusal when the note is missing or too long, or the request cannot
	 * be refused
	 */
	@Transactional
	public void refuse(long orderId, long returnId, long staffId, String note) {
		String why = (note != null) ? note.strip() : "";
		if (why.isEmpty() || why.length() > MAX_TEXT) {
			throw new RefundRefusal("return.note");
		}
		move(orderId, returnId, ReturnStatus.REFUSED, staffId, why);
		this.mails.afterSale(orderId, "return-refused", why, null, null);
	}

	/**
	 * Records the goods received: their units go back to stock, with the reason
	 * {@code RETURN}.
	 * @param orderId the order
	 * @param returnId the request, one of the order's, accepted
	 * @param staffId who received them
	 * @throws RefundRefusal when the request was not accepted
	 */
	@Transactional
	public void receive(long orderId, long returnId, long staffId) {
		move(orderId, returnId, ReturnStatus.RECEIVED, staffId, null);
		this.jdbc.sql("""
				SELECT l.variant_id, rl.quantity FROM return_line rl JOIN order_line l ON l.id = rl.order_line_id
				WHERE rl.return_id = :return AND l.variant_id IS NOT NULL ORDER BY l.product_id, l.variant_id""")
			.param("return", returnId)
			.query()
			.listOfRows()
			.forEach((line) -> this.stock.giveBack(((Number) line.get("variant_id")).longValue(),
					((Number) line.get("quantity")).intValue(), Stock.Reason.RETURN, orderId));
		this.mails.afterSale(orderId, "return-received", null, null, null);
	}

	/**
	 * Closes a received request once its refund is made, in the refund's transaction.
	 * @param returnId the request
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void refunded(long returnId) {
		this.jdbc.sql("""
				UPDATE return_request SET status = 'REFUNDED', refunded_at = :now
				WHERE id = :id AND status = 'RECEIVED'""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", returnId)
			.update();
	}

	/**
	 * Tells whether a request of an order has been received and not yet refunded: a
	 * refund may then settle it.
	 * @param orderId the order
	 * @param returnId the request
	 * @return whether it is the order's and received
	 */
	@Transactional(readOnly = true)
	boolean received(long orderId, long returnId) {
		return this.jdbc.sql(
				"SELECT EXISTS (SELECT 1 FROM return_request WHERE id = :id AND order_id = :order AND status = 'RECEIVED')")
			.param("id", returnId)
			.param("order", orderId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Lists the return requests of an order, with their lines and the date of each step.
	 * @param orderId the order
	 * @return the requests, oldest first
	 */
	@Transactional(readOnly = true)
	public List<View> ofOrder(long orderId) {
		Map<Long, List<View.Line>> lines = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT rl.return_id, rl.order_line_id, l.product_name || coalesce(' — ' || l.variant_label, '') AS name,
				       rl.quantity
				FROM return_line rl JOIN return_request r ON r.id = rl.return_id
				JOIN order_line l ON l.id = rl.order_line_id
				WHERE r.order_id = :order ORDER BY l.id""")
			.param("order", orderId)
			.query((org.springframework.jdbc.core.RowCallbackHandler) (row) -> lines
				.computeIfAbsent(row.getLong("return_id"), (id) -> new ArrayList<>())
				.add(new View.Line(row.getLong("order_line_id"), row.getString("name"), row.getInt("quantity"))));
		return this.jdbc.sql("""
				SELECT id, status, reason, staff_note, requested_at, decided_at, received_at, refunded_at
				FROM return_request WHERE order_id = :order ORDER BY requested_at, id""")
			.param("order", orderId)
			.query((row, n) -> new View(row.getLong("id"), ReturnStatus.valueOf(row.getString("status")),
					row.getString("reason"), row.getString("staff_note"), instant(row.getTimestamp("requested_at")),
					instant(row.getTimestamp("decided_at")), instant(row.getTimestamp("received_at")),
					instant(row.getTimestamp("refunded_at")), lines.getOrDefault(row.getLong("id"), List.of())))
			.list();
	}

	/**
	 * Lists the requests staff still have to handle, oldest first.
	 * @return the order's reference, the request's status and when it was asked
	 */
	@Transactional(readOnly = true)
	public List<Pending> pending() {
		return this.jdbc.sql("""
				SELECT o.reference, r.status, r.requested_at, r.reason
				FROM return_request r JOIN customer_order o ON o.id = r.order_id
				WHERE r.status IN ('REQUESTED', 'ACCEPTED', 'RECEIVED')
				ORDER BY r.requested_at LIMIT 200""")
			.query((row, n) -> new Pending(row.getString("reference"), ReturnStatus.valueOf(row.getString("status")),
					row.getTimestamp("requested_at").toInstant(), row.getString("reason")))
			.list();
	}

	private void move(long orderId, long returnId, ReturnStatus next, long staffId, String note) {
		this.jdbc.sql("SELECT id FROM customer_order WHERE id = :id FOR UPDATE")
			.param("id", orderId)
			.query()
			.listOfRows();
		ReturnStatus current = this.jdbc
			.sql("SELECT status FROM return_request WHERE id = :id AND order_id = :order FOR UPDATE")
			.param("id", returnId)
			.param("order", orderId)
			.query((row, n) -> ReturnStatus.valueOf(row.getString("status")))
			.optional()
			.orElseThrow(() -> new RefundRefusal("return.not-found"));
		if (!current.canMoveTo(next)) {
			throw new RefundRefusal("return.illegal");
		}
		this.audit.record("RETURN_" + next.name(), AuditLog.Outcome.SUCCESS, staffId, "order:" + orderId,
				Map.of("return", returnId));
		String column = (next == ReturnStatus.RECEIVED) ? "received_at" : "decided_at";
		// The column name comes from the line above, never from input.
		this.jdbc
			.sql("UPDATE return_request SET status = :status, " + column + " = :now"
					+ ((next == ReturnStatus.RECEIVED) ? "" : ", decided_by = :staff, staff_note = :note")
					+ " WHERE id = :id")
			.param("status", next.name())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("staff", staffId)
			.param("note", note)
			.param("id", returnId)
			.update();
	}

	private List<Line> lines(long orderId) {
		return this.jdbc.sql("""
				SELECT l.id, l.product_name || coalesce(' — ' || l.variant_label, '') AS name, l.quantity,
				       l.quantity - coalesce((SELECT sum(rl.quantity) FROM return_line rl
				                              JOIN return_request r ON r.id = rl.return_id
				                              WHERE rl.order_line_id = l.id AND r.status <> 'REFUSED'), 0) AS returnable
				FROM order_line l WHERE l.order_id = :order ORDER BY l.id""")
			.param("order", orderId)
			.query((row, n) -> new Line(row.getLong("id"), row.getString("name"), row.getInt("quantity"),
					row.getInt("returnable")))
			.list();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(Invoices.SHOP_ZONE));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * What an order still lets its customer return.
	 *
	 * @param lines its lines
	 * @param lastDay the last day of the withdrawal period
	 * @param open whether the period is still running today
	 * @param pending whether a request is already under way
	 */
	public record Returnable(List<Line> lines, LocalDate lastDay, boolean open, boolean pending) {

		/**
		 * Tells whether the customer may ask for a return now.
		 * @return whether the period runs, no request is under way and a unit is left
		 */
		public boolean possible() {
			return this.open && !this.pending && this.lines.stream().anyMatch((line) -> line.returnable() > 0);
		}

	}

	/**
	 * An order line and what is left to return of it.
	 *
	 * @param id the order line's id
	 * @param name the product and variant
	 * @param quantity units bought
	 * @param returnable units not yet in a return request (refused ones excepted)
	 */
	public record Line(long id, String name, int quantity, int returnable) {
	}

	/**
	 * A return request as the order pages show it.
	 *
	 * @param id its id
	 * @param status where it stands
	 * @param reason the customer's words
	 * @param staffNote staff's answer, or {@code null}
	 * @param requestedAt when asked
	 * @param decidedAt when accepted or refused, or {@code null}
	 * @param receivedAt when the goods came back, or {@code null}
	 * @param refundedAt when refunded, or {@code null}
	 * @param lines what is sent back
	 */
	public record View(long id, ReturnStatus status, String reason, String staffNote, Instant requestedAt,
			Instant decidedAt, Instant receivedAt, Instant refundedAt, List<Line> lines) {

		/**
		 * A line sent back.
		 *
		 * @param orderLineId the order line
		 * @param name the product and variant
		 * @param quantity units
		 */
		public record Line(long orderLineId, String name, int quantity) {
		}

	}

	/**
	 * A request waiting for staff.
	 *
	 * @param reference the order
	 * @param status where it stands
	 * @param requestedAt when asked
	 * @param reason the customer's words
	 */
	public record Pending(String reference, ReturnStatus status, Instant requestedAt, String reason) {
	}

}
