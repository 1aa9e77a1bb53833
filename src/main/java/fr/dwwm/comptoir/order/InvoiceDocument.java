package fr.dwwm.comptoir.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a French invoice shows, read from the order's snapshot and the invoice row:
 * the PDF ({@link InvoicePdf}) only lays it out. Amounts are euro cents. A credit note («
 * facture d'avoir », {@link CreditNotes}) is the same document with what it gives back
 * and the invoice it corrects.
 *
 * @param number the invoice number, e.g. {@code FA-2026-000042} (continuous per year), or
 * the credit note's, {@code AV-2026-000003}
 * @param issuedOn the date of issue
 * @param orderReference the order, e.g. {@code CPT-2026-000042}
 * @param orderedOn the date of the order
 * @param seller the shop's legal identity
 * @param buyer the customer's name and billing address
 * @param lines the goods sold
 * @param shipping the delivery line (method name and amount including VAT)
 * @param discountCents the promotion granted, including VAT (0 if none)
 * @param promoCode the promotion code used, or {@code null}
 * @param vat the VAT breakdown per rate, lowest rate first
 * @param totalNetCents total excluding VAT
 * @param totalVatCents total VAT
 * @param totalCents total including VAT, the amount paid
 * @param paymentNote how and when it was paid, e.g. "Payée par carte le 29/11/2026"
 * @param corrects for a credit note, the invoice it corrects with its date
 * ({@code FA-2026-000042 du 29/11/2026}); {@code null} for an invoice
 * @param extraCents for a credit note, a free amount given back beyond the goods and the
 * delivery (0 otherwise)
 */
public record InvoiceDocument(String number, LocalDate issuedOn, String orderReference, LocalDate orderedOn,
		Seller seller, Buyer buyer, List<Line> lines, Shipping shipping, long discountCents, String promoCode,
		List<Vat> vat, long totalNetCents, long totalVatCents, long totalCents, String paymentNote, String corrects,
		long extraCents) {

	/**
	 * An invoice.
	 * @param number the invoice number
	 * @param issuedOn the date of issue
	 * @param orderReference the order
	 * @param orderedOn the date of the order
	 * @param seller the shop
	 * @param buyer the customer
	 * @param lines the goods
	 * @param shipping the delivery
	 * @param discountCents the discount
	 * @param promoCode the code, or {@code null}
	 * @param vat the VAT per rate
	 * @param totalNetCents total excluding VAT
	 * @param totalVatCents total VAT
	 * @param totalCents total including VAT
	 * @param paymentNote how it was paid
	 */
	public InvoiceDocument(String number, LocalDate issuedOn, String orderReference, LocalDate orderedOn, Seller seller,
			Buyer buyer, List<Line> lines, Shipping shipping, long discountCents, String promoCode, List<Vat> vat,
			long totalNetCents, long totalVatCents, long totalCents, String paymentNote) {
		this(number, issuedOn, orderReference, orderedOn, seller, buyer, lines, shipping, discountCents, promoCode, vat,
				totalNetCents, totalVatCents, totalCents, paymentNote, null, 0);
	}

	/**
	 * Tells whether this is a credit note.
	 * @return whether it corrects an invoice
	 */
	public boolean creditNote() {
		return this.corrects != null;
	}

	/**
	 * The seller's mentions required on a French invoice.
	 *
	 * @param name company name
	 * @param legalForm e.g. "SAS au capital de 10 000 €"
	 * @param addressLines street, postal code and city
	 * @param siret SIRET number
	 * @param vatNumber intra-community VAT number
	 * @param registration trade register, e.g. "RCS Lyon 912 345 678"
	 * @param email contact address
	 */
	public record Seller(String name, String legalForm, List<String> addressLines, String siret, String vatNumber,
			String registration, String email) {
	}

	/**
	 * The customer.
	 *
	 * @param name first and last name
	 * @param addressLines billing address, one line per element
	 * @param email their e-mail address, or {@code null} once anonymised
	 */
	public record Buyer(String name, List<String> addressLines, String email) {
	}

	/**
	 * One product line, as ordered (snapshot).
	 *
	 * @param sku product reference
	 * @param name product name
	 * @param quantity units
	 * @param unitPriceCents unit price including VAT
	 * @param vatRate VAT rate in per cent, e.g. 5.50
	 * @param totalCents line amount including VAT
	 */
	public record Line(String sku, String name, int quantity, long unitPriceCents, BigDecimal vatRate,
			long totalCents) {
	}

	/**
	 * The delivery line.
	 *
	 * @param methodName e.g. "Colissimo à domicile"
	 * @param amountCents amount including VAT (0 when offered)
	 */
	public record Shipping(String methodName, long amountCents) {
	}

	/**
	 * The VAT of one rate, after the discount and with the shipping costs shared between
	 * rates.
	 *
	 * @param rate VAT rate in per cent
	 * @param netCents amount excluding VAT
	 * @param vatCents VAT
	 * @param totalCents amount including VAT
	 */
	public record Vat(BigDecimal rate, long netCents, long vatCents, long totalCents) {
	}

}
