package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.web.TypedEuros;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import fr.dwwm.comptoir.web.CsvFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accountant's export: every invoice and credit note issued in a period, one line
 * each, as a CSV file in the French way (semicolons, decimal commas, UTF-8 with its byte
 * order mark so that a spreadsheet reads the accents). The figures are those printed on
 * the documents themselves ({@link Invoices#document}, {@link CreditNotes#document}): the
 * VAT per rate after the discount, delivery shared between rates, the totals.
 *
 * <p>
 * Columns, in this order: {@code type} ({@code FACTURE} or {@code AVOIR}),
 * {@code numero}, {@code date} (of issue, {@code AAAA-MM-JJ}, shop's time zone),
 * {@code commande}, {@code facture_d_origine} (for a credit note, the invoice it
 * corrects), {@code client} (billing name), then for each VAT rate of the shop (2,1 %,
 * 5,5 %, 10 %, 20 %) its base excluding VAT and its VAT ({@code base_ht_5_5},
 * {@code tva_5_5}...), then {@code total_ht}, {@code total_tva}, {@code total_ttc}.
 * Amounts are in euros with two decimals; a credit note's amounts are positive, its type
 * says they are given back (a negative number would start with a minus sign, which the
 * CSV protection against formulas turns into text).
 */
@Service
public class AccountingExport {

	/** The VAT rates the shop sells at (order_line's CHECK), lowest first. */
	static final List<BigDecimal> RATES = List.of(new BigDecimal("2.1"), new BigDecimal("5.5"), new BigDecimal("10"),
			new BigDecimal("20"));

	/** The longest period exported at once. */
	static final int MAX_DAYS = 366;

	private final JdbcClient jdbc;

	private final Invoices invoices;

	private final CreditNotes creditNotes;

	AccountingExport(JdbcClient jdbc, Invoices invoices, CreditNotes creditNotes) {
		this.jdbc = jdbc;
		this.invoices = invoices;
		this.creditNotes = creditNotes;
	}

	/**
	 * Writes the invoices, then the credit notes, issued from one day to another (both
	 * included), each in the order of their numbers.
	 * @param from the first day
	 * @param to the last day
	 * @param out where to write
	 * @throws IOException when the writer fails
	 * @throws IllegalArgumentException when the period is reversed or longer than a year
	 */
	@Transactional(readOnly = true)
	public void write(LocalDate from, LocalDate to, Writer out) throws IOException {
		if (!validPeriod(from, to)) {
			throw new IllegalArgumentException("A period of one day to one year, in order");
		}
		Timestamp start = Timestamp.from(from.atStartOfDay(Invoices.SHOP_ZONE).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(Invoices.SHOP_ZONE).toInstant());
		out.write('\uFEFF');
		out.write(CsvFormat.line(header()) + "\r\n");
		List<Long> invoiced = this.jdbc.sql("""
				SELECT order_id FROM invoice WHERE issued_at >= :start AND issued_at < :end ORDER BY year, number""")
			.param("start", start)
			.param("end", end)
			.query(Long.class)
			.list();
		for (long orderId : invoiced) {
			InvoiceDocument invoice = this.invoices.document(orderId).orElseThrow();
			out.write(CsvFormat.line(line("FACTURE", invoice, "")) + "\r\n");
		}
		List<Map<String, Object>> credited = this.jdbc.sql("""
				SELECT r.order_id, c.year, c.number FROM credit_note c JOIN refund r ON r.id = c.refund_id
				WHERE c.issued_at >= :start AND c.issued_at < :end ORDER BY c.year, c.number""")
			.param("start", start)
			.param("end", end)
			.query()
			.listOfRows();
		for (Map<String, Object> row : credited) {
			String number = CreditNotes.number(((Number) row.get("year")).intValue(),
					((Number) row.get("number")).intValue());
			InvoiceDocument note = this.creditNotes.document(((Number) row.get("order_id")).longValue(), number)
				.orElseThrow();
			out.write(CsvFormat.line(line("AVOIR", note, note.corrects().replaceFirst(" du .*", ""))) + "\r\n");
		}
	}

	/**
	 * Tells whether a period may be exported: its first day before or on its last, one
	 * year at most.
	 * @param from the first day
	 * @param to the last day
	 * @return whether it is valid
	 */
	public static boolean validPeriod(LocalDate from, LocalDate to) {
		return !to.isBefore(from) && !from.plusDays(MAX_DAYS).isBefore(to);
	}

	static List<String> header() {
		List<String> header = new ArrayList<>(
				List.of("type", "numero", "date", "commande", "facture_d_origine", "client"));
		for (BigDecimal rate : RATES) {
			String suffix = rate.toPlainString().replace('.', '_');
			header.add("base_ht_" + suffix);
			header.add("tva_" + suffix);
		}
		header.addAll(List.of("total_ht", "total_tva", "total_ttc"));
		return header;
	}

	private static List<String> line(String type, InvoiceDocument document, String corrects) {
		List<String> cells = new ArrayList<>(List.of(type, document.number(), document.issuedOn().toString(),
				document.orderReference(), corrects, document.buyer().name()));
		Map<BigDecimal, InvoiceDocument.Vat> byRate = new TreeMap<>();
		document.vat().forEach((vat) -> byRate.put(vat.rate().stripTrailingZeros(), vat));
		for (BigDecimal rate : RATES) {
			InvoiceDocument.Vat vat = byRate.get(rate.stripTrailingZeros());
			cells.add(euros((vat != null) ? vat.netCents() : 0));
			cells.add(euros((vat != null) ? vat.vatCents() : 0));
		}
		cells.add(euros(document.totalNetCents()));
		cells.add(euros(document.totalVatCents()));
		cells.add(euros(document.totalCents()));
		return cells;
	}

	private static String euros(long cents) {
		return TypedEuros.typed(cents, Locale.FRANCE);
	}

}
