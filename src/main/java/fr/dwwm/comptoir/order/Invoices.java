package fr.dwwm.comptoir.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.account.Country;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices: numbered without gaps, never changed once issued, printed from the order's
 * snapshot.
 *
 * <p>
 * French law wants one continuous sequence of invoice numbers (CGI art. 242 nonies A). A
 * PostgreSQL sequence would leave gaps when a transaction rolls back, so the number comes
 * from a counter row per year, incremented by an upsert that locks it until the order's
 * transaction ends: a rolled-back order gives its number back, and two orders paid at the
 * same moment wait for each other rather than share a number. The application's database
 * role cannot update or delete an invoice.
 */
@Service
public class Invoices {

	/** Invoices are dated in the shop's time zone. */
	static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Paris");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SellerProperties seller;

	private final InvoicePdf pdf;

	Invoices(JdbcClient jdbc, Clock clock, SellerProperties seller, InvoicePdf pdf) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.seller = seller;
		this.pdf = pdf;
	}

	/**
	 * Issues the invoice of a paid order, in the transaction that records the payment.
	 * @param orderId the order
	 * @param totalCents the amount invoiced
	 * @return the invoice number, e.g. {@code FA-2026-000042}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String issue(long orderId, long totalCents) {
		int year = LocalDate.now(this.clock.withZone(SHOP_ZONE)).getYear();
		int number = this.jdbc.sql("""
				INSERT INTO invoice_counter (year, last_number) VALUES (:year, 1)
				ON CONFLICT (year) DO UPDATE SET last_number = invoice_counter.last_number + 1
				RETURNING last_number""").param("year", year).query(Integer.class).single();
		this.jdbc.sql("""
				INSERT INTO invoice (order_id, year, number, total_cents, issued_at)
				VALUES (:order, :year, :number, :total, :now)""")
			.param("order", orderId)
			.param("year", year)
			.param("number", number)
			.param("total", totalCents)
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.update();
		return number(year, number);
	}

	static String number(int year, int number) {
		return String.format("FA-%d-%06d", year, number);
	}

	/**
	 * Reads everything the invoice of an order shows.
	 * @param orderId the order
	 * @return the invoice, if the order was invoiced
	 */
	@Transactional(readOnly = true)
	public Optional<InvoiceDocument> document(long orderId) {
		Optional<Map<String, Object>> found = this.jdbc.sql("""
				SELECT i.year, i.number, i.issued_at, o.reference, o.placed_at, o.email,
				       o.bill_first_name, o.bill_last_name, o.bill_line1, o.bill_line2, o.bill_postal_code,
				       o.bill_city, o.bill_country, o.shipping_method_name, o.shipping_cents, o.discount_cents,
				       o.promo_code, o.total_cents,
				       (SELECT p.card_last4 FROM payment p WHERE p.order_id = o.id AND p.status <> 'REFUSED'
				        ORDER BY p.id LIMIT 1) AS card_last4
				FROM invoice i JOIN customer_order o ON o.id = i.order_id
				WHERE o.id = :order""").param("order", orderId).query().listOfRows().stream().findFirst();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> row = found.get();
		List<InvoiceDocument.Line> lines = new ArrayList<>();
		Map<BigDecimal, Long> goods = new HashMap<>();
		this.jdbc
			.sql("""
					SELECT product_sku, product_name || coalesce(' — ' || variant_label, '') AS product_name, quantity, unit_price_cents, vat_rate, line_total_cents
					FROM order_line WHERE order_id = :order ORDER BY id""")
			.param("order", orderId)
			.query((line) -> {
				BigDecimal rate = line.getBigDecimal("vat_rate");
				long total = line.getLong("line_total_cents");
				lines.add(new InvoiceDocument.Line(line.getString("product_sku"), line.getString("product_name"),
						line.getInt("quantity"), line.getLong("unit_price_cents"), rate, total));
				goods.merge(rate, total, Long::sum);
			});
		long discount = ((Number) row.get("discount_cents")).longValue();
		long shipping = ((Number) row.get("shipping_cents")).longValue();
		OrderTotals totals = OrderTotals.of(goods, discount, shipping);
		List<InvoiceDocument.Vat> vat = totals.vat()
			.stream()
			.map((rate) -> new InvoiceDocument.Vat(rate.rate(), rate.netCents(), rate.vatCents(), rate.totalCents()))
			.toList();
		LocalDate issued = ((java.sql.Timestamp) row.get("issued_at")).toInstant().atZone(SHOP_ZONE).toLocalDate();
		LocalDate placed = ((java.sql.Timestamp) row.get("placed_at")).toInstant().atZone(SHOP_ZONE).toLocalDate();
		String name = join(" ", (String) row.get("bill_first_name"), (String) row.get("bill_last_name"));
		List<String> address = new ArrayList<>();
		for (String part : new String[] { (String) row.get("bill_line1"), (String) row.get("bill_line2"),
				join(" ", (String) row.get("bill_postal_code"), (String) row.get("bill_city")),
				countryName((String) row.get("bill_country")) }) {
			if (part != null && !part.isBlank()) {
				address.add(part);
			}
		}
		String paymentNote = "Payée par carte"
				+ ((row.get("card_last4") != null) ? " se terminant par " + row.get("card_last4") : "") + " le "
				+ DATE.format(issued) + ".";
		InvoiceDocument document = new InvoiceDocument(
				number(((Number) row.get("year")).intValue(), ((Number) row.get("number")).intValue()), issued,
				(String) row.get("reference"), placed, this.seller.toSeller(),
				new InvoiceDocument.Buyer(name.isBlank() ? "Client anonymisé" : name, address,
						(String) row.get("email")),
				lines, new InvoiceDocument.Shipping((String) row.get("shipping_method_name"), shipping), discount,
				(String) row.get("promo_code"), vat, totals.totalNetCents(), totals.totalVatCents(),
				totals.totalCents(), paymentNote);
		return Optional.of(document);
	}

	/**
	 * Prints the invoice of an order.
	 * @param orderId the order
	 * @return the PDF, if the order was invoiced
	 */
	@Transactional(readOnly = true)
	public Optional<byte[]> pdf(long orderId) {
		return document(orderId).map(this.pdf::render);
	}

	private static String join(String separator, String... parts) {
		StringBuilder joined = new StringBuilder();
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				if (!joined.isEmpty()) {
					joined.append(separator);
				}
				joined.append(part);
			}
		}
		return joined.toString();
	}

	/**
	 * The invoice prints the country's French name, or its code if the shop no longer
	 * delivers there.
	 */
	private static String countryName(String code) {
		return Country.of(code).map(Country::frenchName).orElse(code);
	}

}
