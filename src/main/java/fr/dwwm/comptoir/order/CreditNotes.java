package fr.dwwm.comptoir.order;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit notes (« factures d'avoir »): an invoice once issued is never changed, so each
 * refund made is documented by a credit note that cites the invoice it corrects, with the
 * goods, delivery and free amount it gives back and their VAT per rate.
 *
 * <p>
 * Numbered like the invoices, in a sequence of their own per year without gaps
 * ({@code AV-2026-000001}): a counter row locked until the refund's transaction ends. The
 * application's database role cannot change or delete a credit note, and the database
 * refuses one that would take the credit notes of an invoice beyond its total
 * ({@code credit_note_within_invoice}).
 */
@Service
public class CreditNotes {

	private static final Pattern NUMBER = Pattern.compile("AV-([0-9]{4})-([0-9]{6})");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Invoices invoices;

	private final InvoicePdf pdf;

	CreditNotes(JdbcClient jdbc, Clock clock, Invoices invoices, InvoicePdf pdf) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.invoices = invoices;
		this.pdf = pdf;
	}

	/**
	 * Issues the credit note of a refund the provider made, in the transaction that
	 * records it.
	 * @param refundId the refund
	 * @return the credit note's number, e.g. {@code AV-2026-000003}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	String issue(long refundId) {
		int year = LocalDate.now(this.clock.withZone(Invoices.SHOP_ZONE)).getYear();
		int number = this.jdbc.sql("""
				INSERT INTO credit_note_counter (year, last_number) VALUES (:year, 1)
				ON CONFLICT (year) DO UPDATE SET last_number = credit_note_counter.last_number + 1
				RETURNING last_number""").param("year", year).query(Integer.class).single();
		this.jdbc.sql("""
				INSERT INTO credit_note (refund_id, invoice_id, year, number, total_cents, issued_at)
				SELECT r.id, i.id, :year, :number, r.amount_cents, :now
				FROM refund r JOIN invoice i ON i.order_id = r.order_id WHERE r.id = :refund""")
			.param("refund", refundId)
			.param("year", year)
			.param("number", number)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		return number(year, number);
	}

	static String number(int year, int number) {
		return String.format("AV-%d-%06d", year, number);
	}

	/**
	 * Lists the credit notes of an order.
	 * @param orderId the order
	 * @return its credit notes, oldest first
	 */
	@Transactional(readOnly = true)
	public List<Summary> ofOrder(long orderId) {
		return this.jdbc.sql("""
				SELECT c.year, c.number, c.issued_at, c.total_cents
				FROM credit_note c JOIN refund r ON r.id = c.refund_id
				WHERE r.order_id = :order ORDER BY c.year, c.number""")
			.param("order", orderId)
			.query((row, n) -> new Summary(number(row.getInt("year"), row.getInt("number")),
					row.getTimestamp("issued_at").toInstant(), row.getLong("total_cents")))
			.list();
	}

	/**
	 * Prints a credit note of an order.
	 * @param orderId the order, whose owner was checked by the caller
	 * @param number the credit note's number
	 * @return the PDF, if the order has a credit note with that number
	 */
	@Transactional(readOnly = true)
	public Optional<byte[]> pdf(long orderId, String number) {
		return document(orderId, number).map(this.pdf::render);
	}

	/**
	 * Reads everything a credit note shows.
	 * @param orderId the order
	 * @param number the credit note's number
	 * @return the credit note, if the order has one with that number
	 */
	@Transactional(readOnly = true)
	public Optional<InvoiceDocument> document(long orderId, String number) {
		Matcher parsed = NUMBER.matcher((number != null) ? number : "");
		if (!parsed.matches()) {
			return Optional.empty();
		}
		Optional<Map<String, Object>> found = this.jdbc.sql("""
				SELECT c.issued_at, r.id AS refund_id, r.lines_cents, r.discount_cents, r.shipping_cents,
				       r.extra_cents, r.amount_cents, p.card_last4
				FROM credit_note c JOIN refund r ON r.id = c.refund_id JOIN payment p ON p.id = r.payment_id
				WHERE r.order_id = :order AND c.year = :year AND c.number = :number""")
			.param("order", orderId)
			.param("year", Integer.parseInt(parsed.group(1)))
			.param("number", Integer.parseInt(parsed.group(2)))
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		Optional<InvoiceDocument> invoice = this.invoices.document(orderId);
		if (found.isEmpty() || invoice.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> row = found.get();
		long discount = ((Number) row.get("discount_cents")).longValue();
		long shipping = ((Number) row.get("shipping_cents")).longValue();
		long extra = ((Number) row.get("extra_cents")).longValue();
		List<InvoiceDocument.Line> lines = new ArrayList<>();
		Map<BigDecimal, Long> goods = new TreeMap<>();
		this.jdbc.sql("""
				SELECT l.product_sku, l.product_name || coalesce(' — ' || l.variant_label, '') AS product_name,
				       rl.quantity, l.unit_price_cents, l.vat_rate
				FROM refund_line rl JOIN order_line l ON l.id = rl.order_line_id
				WHERE rl.refund_id = :refund ORDER BY l.id""").param("refund", row.get("refund_id")).query((line) -> {
			long total = line.getInt("quantity") * line.getLong("unit_price_cents");
			lines.add(new InvoiceDocument.Line(line.getString("product_sku"), line.getString("product_name"),
					line.getInt("quantity"), line.getLong("unit_price_cents"), line.getBigDecimal("vat_rate"), total));
			goods.merge(line.getBigDecimal("vat_rate").stripTrailingZeros(), total, Long::sum);
		});
		List<InvoiceDocument.Vat> vat = vat(goods, discount, shipping + extra, invoice.get().vat());
		long total = ((Number) row.get("amount_cents")).longValue();
		long totalVat = vat.stream().mapToLong(InvoiceDocument.Vat::vatCents).sum();
		LocalDate issued = ((Timestamp) row.get("issued_at")).toInstant().atZone(Invoices.SHOP_ZONE).toLocalDate();
		InvoiceDocument billed = invoice.get();
		String paymentNote = "Remboursé sur la carte"
				+ ((row.get("card_last4") != null) ? " se terminant par " + row.get("card_last4") : "") + " le "
				+ DATE.format(issued) + ".";
		return Optional
			.of(new InvoiceDocument(number, issued, billed.orderReference(), billed.orderedOn(), billed.seller(),
					billed.buyer(), lines, new InvoiceDocument.Shipping(billed.shipping().methodName(), shipping),
					discount, null, vat, total - totalVat, totalVat, total, paymentNote,
					billed.number() + " du " + DATE.format(billed.issuedOn()), extra));
	}

	/**
	 * The VAT of what a credit note gives back: the goods at their own rates, less their
	 * share of the discount; the delivery and the free amount shared between rates as the
	 * invoice shared its own total, so that giving everything back reverses the invoice.
	 */
	private static List<InvoiceDocument.Vat> vat(Map<BigDecimal, Long> goods, long discount, long shared,
			List<InvoiceDocument.Vat> invoiced) {
		Map<BigDecimal, Long> totals = new TreeMap<>();
		if (!goods.isEmpty()) {
			OrderTotals.of(goods, discount, 0)
				.vat()
				.forEach((rate) -> totals.merge(rate.rate(), rate.totalCents(), Long::sum));
		}
		List<BigDecimal> rates = invoiced.stream().map((rate) -> rate.rate().stripTrailingZeros()).toList();
		List<Long> shares = OrderTotals.share(shared, invoiced.stream().map(InvoiceDocument.Vat::totalCents).toList());
		for (int i = 0; i < rates.size(); i++) {
			if (shares.get(i) > 0) {
				totals.merge(rates.get(i), shares.get(i), Long::sum);
			}
		}
		List<InvoiceDocument.Vat> vat = new ArrayList<>();
		totals.forEach((rate, total) -> {
			OrderTotals.RateTotal share = OrderTotals.RateTotal.of(rate, total);
			vat.add(new InvoiceDocument.Vat(rate, share.netCents(), share.vatCents(), total));
		});
		return vat;
	}

	/**
	 * A credit note in a list.
	 *
	 * @param number e.g. {@code AV-2026-000003}
	 * @param issuedAt when
	 * @param totalCents what it gives back, VAT included
	 */
	public record Summary(String number, Instant issuedAt, long totalCents) {
	}

}
