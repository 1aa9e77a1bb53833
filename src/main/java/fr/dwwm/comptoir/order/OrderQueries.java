package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.account.PostalAddress;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.system.LikePatterns;
import fr.dwwm.comptoir.system.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders read back: one order for its customer or the session that placed it, a
 * customer's list, the back office's search. The read side of {@link Orders}, which keeps
 * the order's life (reserved, paid, moved through its {@link OrderStatus} states).
 */
@Service
public class OrderQueries {

	/**
	 * A checkout whose payment failed (refused, or never answered and cancelled by the
	 * reconciliation): it is kept for the accounts and the back office, which says why,
	 * but it never was an order for the customer, who was told « Votre commande n'a pas
	 * été passée » and does not find it in « Mes commandes ».
	 */
	static final String UNPAID_ATTEMPT = "o.status = 'CANCELLED' AND o.paid_at IS NULL";

	private final JdbcClient jdbc;

	OrderQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Reads an order of a customer.
	 * @param reference the order
	 * @param accountId the customer: another customer's order is not found
	 * @return the order
	 */
	@Transactional(readOnly = true)
	public Optional<OrderDetails> ofCustomer(String reference, long accountId) {
		return details("o.reference = :reference AND o.account_id = :account AND NOT (" + UNPAID_ATTEMPT + ")",
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
		Optional<Map<String, Object>> found = this.jdbc
			.sql("""
					SELECT o.id, o.reference, o.status, o.placed_at, o.email, o.ship_first_name, o.ship_last_name,
					       o.ship_line1, o.ship_line2, o.ship_postal_code, o.ship_city, o.ship_country,
					       o.bill_first_name, o.bill_last_name, o.bill_line1, o.bill_line2, o.bill_postal_code, o.bill_city,
					       o.bill_country, o.shipping_method_name, o.promo_code, o.items_total_cents, o.discount_cents, o.shipping_cents,
					       o.total_cents, o.tracking_number,
					       (SELECT p.card_last4 FROM payment p WHERE p.order_id = o.id AND p.status <> 'REFUSED'
					        ORDER BY p.id LIMIT 1) AS card_last4,
					       (SELECT i.year || '-' || i.number FROM invoice i WHERE i.order_id = o.id) AS invoice
					FROM customer_order o
					WHERE\s"""
					+ condition)
			.params(params)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> row = found.get();
		long id = ((Number) row.get("id")).longValue();
		List<OrderDetails.Line> lines = this.jdbc
			.sql("""
					SELECT l.product_name || coalesce(' — ' || l.variant_label, '') AS product_name, p.slug, l.quantity, l.unit_price_cents, l.vat_rate, l.line_total_cents
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
					new PostalAddress((String) row.get("ship_first_name"), (String) row.get("ship_last_name"),
							(String) row.get("ship_line1"), (String) row.get("ship_line2"),
							(String) row.get("ship_postal_code"), (String) row.get("ship_city"),
							(String) row.get("ship_country"), null),
					new PostalAddress((String) row.get("bill_first_name"), (String) row.get("bill_last_name"),
							(String) row.get("bill_line1"), (String) row.get("bill_line2"),
							(String) row.get("bill_postal_code"), (String) row.get("bill_city"),
							(String) row.get("bill_country"), null),
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
		return this.jdbc
			.sql("""
					SELECT o.reference, o.status, o.placed_at, o.total_cents,
					       (SELECT coalesce(sum(l.quantity), 0) FROM order_line l WHERE l.order_id = o.id) AS items
					FROM customer_order o WHERE o.account_id = :account AND NOT (""" + UNPAID_ATTEMPT
					+ ") ORDER BY o.placed_at DESC, o.id DESC")
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
	public Paged<StaffRow> search(OrderStatus status, LocalDate from, LocalDate to, String customer, int page,
			int size) {
		String pattern = (customer == null || customer.isBlank()) ? null : LikePatterns.containing(customer);
		List<StaffRow> rows = this.jdbc.sql("""
				SELECT o.reference, o.status, o.placed_at, o.total_cents, o.email,
				       coalesce(o.ship_first_name || ' ' || o.ship_last_name, '') AS name, count(*) OVER () AS total,
				       CASE WHEN o.status = 'CANCELLED' AND o.paid_at IS NULL
				            THEN coalesce((SELECT p.failure_reason FROM payment p WHERE p.order_id = o.id
				                           AND p.status = 'REFUSED' ORDER BY p.id DESC LIMIT 1), 'NO_PAYMENT') END
				           AS unpaid_attempt
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
					row.getLong("total_cents"), row.getString("email"), row.getString("name"), row.getLong("total"),
					row.getString("unpaid_attempt")))
			.list();
		long total = rows.isEmpty() ? 0 : rows.get(0).total();
		return new Paged<>(rows, total, page, size);
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
	 * @param unpaidAttempt why a checkout that was never paid was cancelled (the
	 * provider's answer, e.g. {@code REFUSED}, or {@code NO_PAYMENT}), or {@code null}
	 * for an order
	 */
	public record StaffRow(String reference, OrderStatus status, Instant placedAt, long totalCents, String email,
			String name, long total, String unpaidAttempt) {
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
