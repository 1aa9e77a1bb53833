package fr.dwwm.comptoir.order;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.springframework.stereotype.Component;

/**
 * Lays out an {@link InvoiceDocument} as an A4 PDF: seller and buyer, dates, the goods
 * sold, delivery and discount, the VAT per rate, the totals and the legal mentions. It
 * only draws: every figure comes computed in the document. It uses the PDF standard
 * Helvetica fonts, so nothing is embedded or fetched.
 * <p>
 * The invoice is written in French whatever the customer's language: it is a French legal
 * document, and French law (loi n° 94-665 du 4 août 1994, article 2) requires invoices to
 * be in French. Its texts are therefore constants here rather than entries of the message
 * bundles.
 */
@Component
public class InvoicePdf {

	// The invoice is issued in French, as French law requires: these texts are not
	// translated.

	private static final String TITLE = "FACTURE";

	private static final String CREDIT_NOTE_TITLE = "FACTURE D'AVOIR";

	private static final String CORRECTS = "Avoir sur la facture n° %s";

	private static final String CREDIT_NOTE_ISSUED_ON = "Date de l'avoir : ";

	private static final String DISCOUNT_SHARE = "Part de la remise déduite";

	private static final String EXTRA = "Remboursement complémentaire";

	private static final String CREDIT_NOTE_MENTIONS = "Cet avoir annule, à hauteur de son montant, la facture citée "
			+ "ci-dessus ; la somme est recréditée sur la carte ayant servi au paiement.";

	private static final String CREDIT_NOTE_DOCUMENT_TITLE = "Avoir ";

	private static final String NUMBER = "N° ";

	private static final String SIRET = "SIRET : ";

	private static final String VAT_NUMBER = "TVA intracommunautaire : ";

	private static final String BILLED_TO = "Facturé à";

	private static final String ISSUED_ON = "Date de facture : ";

	private static final String ORDER = "Commande n° %s du %s";

	private static final String SKU = "Référence";

	private static final String DESIGNATION = "Désignation";

	private static final String QUANTITY = "Qté";

	private static final String UNIT_PRICE = "Prix unitaire TTC";

	private static final String VAT = "TVA";

	private static final String LINE_TOTAL = "Total TTC";

	private static final String SHIPPING = "Livraison : ";

	private static final String FREE_SHIPPING = "Offerte";

	private static final String DISCOUNT = "Remise";

	private static final String DISCOUNT_WITH_CODE = "Remise (code %s)";

	private static final String VAT_BREAKDOWN = "Détail de la TVA";

	private static final String VAT_RATE = "Taux";

	private static final String VAT_BASE = "Base HT";

	private static final String TOTAL_NET = "Total HT";

	private static final String TOTAL_VAT = "Total TVA";

	private static final String TOTAL = "Total TTC";

	private static final String LEGAL_MENTIONS = "Pénalités de retard : trois fois le taux d'intérêt légal. "
			+ "Indemnité forfaitaire pour frais de recouvrement : 40 €. Pas d'escompte pour paiement anticipé.";

	private static final String DOCUMENT_TITLE = "Facture ";

	private static final String CREATOR = "Comptoir";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

	private static final Currency EURO = Currency.getInstance("EUR");

	/** 15 mm, in points. */
	private static final float MARGIN = 42.5f;

	private static final Color GREY = new Color(0x55, 0x55, 0x55);

	private static final Color RULE = new Color(0xBB, 0xBB, 0xBB);

	private static final Color HEADER_BACKGROUND = new Color(0xEE, 0xEE, 0xEE);

	private static final Font TITLE_FONT = new Font(Font.HELVETICA, 20, Font.BOLD);

	private static final Font SUBTITLE_FONT = new Font(Font.HELVETICA, 11, Font.BOLD);

	private static final Font NORMAL_FONT = new Font(Font.HELVETICA, 9, Font.NORMAL);

	private static final Font BOLD_FONT = new Font(Font.HELVETICA, 9, Font.BOLD);

	private static final Font TOTAL_FONT = new Font(Font.HELVETICA, 11, Font.BOLD);

	private static final Font SMALL_FONT = new Font(Font.HELVETICA, 7.5f, Font.NORMAL, GREY);

	/**
	 * Renders an invoice.
	 * @param invoice everything the invoice shows, amounts already computed
	 * @return the bytes of the PDF file
	 * @throws IllegalStateException if the PDF cannot be produced
	 */
	public byte[] render(InvoiceDocument invoice) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
		try {
			PdfWriter.getInstance(document, out);
			document.addTitle((invoice.creditNote() ? CREDIT_NOTE_DOCUMENT_TITLE : DOCUMENT_TITLE) + invoice.number());
			document.addAuthor(invoice.seller().name());
			document.addCreator(CREATOR);
			document.open();
			addHeading(document, invoice);
			addParties(document, invoice);
			addDates(document, invoice);
			addLines(document, invoice);
			addVatBreakdown(document, invoice);
			addTotals(document, invoice);
			addClosing(document, invoice);
			document.close();
		}
		catch (DocumentException | ExceptionConverter ex) {
			throw new IllegalStateException("Cannot render invoice " + invoice.number(), ex);
		}
		return out.toByteArray();
	}

	private static void addHeading(Document document, InvoiceDocument invoice) {
		document.add(new Paragraph(text(invoice.creditNote() ? CREDIT_NOTE_TITLE : TITLE), TITLE_FONT));
		Paragraph number = new Paragraph(text(NUMBER + invoice.number()), SUBTITLE_FONT);
		number.setSpacingAfter(invoice.creditNote() ? 2 : 16);
		document.add(number);
		if (invoice.creditNote()) {
			Paragraph corrects = new Paragraph(text(String.format(CORRECTS, invoice.corrects())), BOLD_FONT);
			corrects.setSpacingAfter(16);
			document.add(corrects);
		}
	}

	private static void addParties(Document document, InvoiceDocument invoice) {
		InvoiceDocument.Seller seller = invoice.seller();
		List<String> sellerLines = new ArrayList<>();
		sellerLines.add(seller.legalForm());
		sellerLines.addAll(seller.addressLines());
		sellerLines.add(SIRET + seller.siret());
		sellerLines.add(VAT_NUMBER + seller.vatNumber());
		sellerLines.add(seller.registration());
		sellerLines.add(seller.email());
		InvoiceDocument.Buyer buyer = invoice.buyer();
		List<String> buyerLines = new ArrayList<>();
		buyerLines.add(buyer.name());
		buyerLines.addAll(buyer.addressLines());
		if (buyer.email() != null) {
			buyerLines.add(buyer.email());
		}
		PdfPTable parties = new PdfPTable(2);
		parties.setWidthPercentage(100);
		parties.addCell(block(seller.name(), sellerLines));
		parties.addCell(block(BILLED_TO, buyerLines));
		document.add(parties);
	}

	private static void addDates(Document document, InvoiceDocument invoice) {
		Paragraph issuedOn = new Paragraph(
				text((invoice.creditNote() ? CREDIT_NOTE_ISSUED_ON : ISSUED_ON) + DATE.format(invoice.issuedOn())),
				NORMAL_FONT);
		issuedOn.setSpacingBefore(16);
		document.add(issuedOn);
		Paragraph order = new Paragraph(
				text(String.format(ORDER, invoice.orderReference(), DATE.format(invoice.orderedOn()))), NORMAL_FONT);
		order.setSpacingAfter(12);
		document.add(order);
	}

	private static void addLines(Document document, InvoiceDocument invoice) {
		PdfPTable table = new PdfPTable(new float[] { 2.4f, 5.4f, 0.9f, 2.1f, 1.2f, 2.0f });
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		table.addCell(header(SKU, Element.ALIGN_LEFT));
		table.addCell(header(DESIGNATION, Element.ALIGN_LEFT));
		table.addCell(header(QUANTITY, Element.ALIGN_RIGHT));
		table.addCell(header(UNIT_PRICE, Element.ALIGN_RIGHT));
		table.addCell(header(VAT, Element.ALIGN_RIGHT));
		table.addCell(header(LINE_TOTAL, Element.ALIGN_RIGHT));
		for (InvoiceDocument.Line line : invoice.lines()) {
			table.addCell(cell(line.sku(), NORMAL_FONT, Element.ALIGN_LEFT));
			table.addCell(cell(line.name(), NORMAL_FONT, Element.ALIGN_LEFT));
			table.addCell(cell(String.valueOf(line.quantity()), NORMAL_FONT, Element.ALIGN_RIGHT));
			table.addCell(cell(money(line.unitPriceCents()), NORMAL_FONT, Element.ALIGN_RIGHT));
			table.addCell(cell(percent(line.vatRate()), NORMAL_FONT, Element.ALIGN_RIGHT));
			table.addCell(cell(money(line.totalCents()), NORMAL_FONT, Element.ALIGN_RIGHT));
		}
		InvoiceDocument.Shipping shipping = invoice.shipping();
		if (!invoice.creditNote() || shipping.amountCents() > 0) {
			String shippingAmount = (shipping.amountCents() == 0) ? FREE_SHIPPING : money(shipping.amountCents());
			addSummaryRow(table, SHIPPING + shipping.methodName(), shippingAmount);
		}
		if (invoice.discountCents() > 0) {
			String label = invoice.creditNote() ? DISCOUNT_SHARE
					: (invoice.promoCode() != null) ? String.format(DISCOUNT_WITH_CODE, invoice.promoCode()) : DISCOUNT;
			addSummaryRow(table, label, "-" + money(invoice.discountCents()));
		}
		if (invoice.extraCents() > 0) {
			addSummaryRow(table, EXTRA, money(invoice.extraCents()));
		}
		document.add(table);
	}

	private static void addSummaryRow(PdfPTable table, String label, String amount) {
		PdfPCell labelCell = cell(label, NORMAL_FONT, Element.ALIGN_LEFT);
		labelCell.setColspan(5);
		table.addCell(labelCell);
		table.addCell(cell(amount, NORMAL_FONT, Element.ALIGN_RIGHT));
	}

	private static void addVatBreakdown(Document document, InvoiceDocument invoice) {
		Paragraph heading = new Paragraph(text(VAT_BREAKDOWN), BOLD_FONT);
		heading.setSpacingBefore(16);
		heading.setSpacingAfter(4);
		document.add(heading);
		PdfPTable table = new PdfPTable(4);
		table.setWidthPercentage(60);
		table.setHorizontalAlignment(Element.ALIGN_LEFT);
		table.addCell(header(VAT_RATE, Element.ALIGN_LEFT));
		table.addCell(header(VAT_BASE, Element.ALIGN_RIGHT));
		table.addCell(header(VAT, Element.ALIGN_RIGHT));
		table.addCell(header(TOTAL, Element.ALIGN_RIGHT));
		for (InvoiceDocument.Vat vat : invoice.vat()) {
			table.addCell(cell(percent(vat.rate()), NORMAL_FONT, Element.ALIGN_LEFT));
			table.addCell(cell(money(vat.netCents()), NORMAL_FONT, Element.ALIGN_RIGHT));
			table.addCell(cell(money(vat.vatCents()), NORMAL_FONT, Element.ALIGN_RIGHT));
			table.addCell(cell(money(vat.totalCents()), NORMAL_FONT, Element.ALIGN_RIGHT));
		}
		document.add(table);
	}

	private static void addTotals(Document document, InvoiceDocument invoice) {
		PdfPTable table = new PdfPTable(new float[] { 3, 2 });
		table.setWidthPercentage(40);
		table.setHorizontalAlignment(Element.ALIGN_RIGHT);
		table.setSpacingBefore(12);
		table.addCell(cell(TOTAL_NET, NORMAL_FONT, Element.ALIGN_LEFT));
		table.addCell(cell(money(invoice.totalNetCents()), NORMAL_FONT, Element.ALIGN_RIGHT));
		table.addCell(cell(TOTAL_VAT, NORMAL_FONT, Element.ALIGN_LEFT));
		table.addCell(cell(money(invoice.totalVatCents()), NORMAL_FONT, Element.ALIGN_RIGHT));
		table.addCell(cell(TOTAL, TOTAL_FONT, Element.ALIGN_LEFT));
		table.addCell(cell(money(invoice.totalCents()), TOTAL_FONT, Element.ALIGN_RIGHT));
		document.add(table);
	}

	private static void addClosing(Document document, InvoiceDocument invoice) {
		if (invoice.paymentNote() != null && !invoice.paymentNote().isBlank()) {
			Paragraph payment = new Paragraph(text(invoice.paymentNote()), NORMAL_FONT);
			payment.setSpacingBefore(16);
			document.add(payment);
		}
		Paragraph mentions = new Paragraph(text(invoice.creditNote() ? CREDIT_NOTE_MENTIONS : LEGAL_MENTIONS),
				SMALL_FONT);
		mentions.setSpacingBefore(24);
		document.add(mentions);
	}

	private static PdfPCell block(String heading, List<String> lines) {
		Phrase phrase = new Phrase();
		phrase.add(new Chunk(text(heading), BOLD_FONT));
		for (String line : lines) {
			phrase.add(new Chunk("\n" + text(line), NORMAL_FONT));
		}
		PdfPCell cell = new PdfPCell(phrase);
		cell.setLeading(0, 1.3f);
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setPadding(0);
		return cell;
	}

	private static PdfPCell header(String text, int alignment) {
		PdfPCell cell = cell(text, BOLD_FONT, alignment);
		cell.setBackgroundColor(HEADER_BACKGROUND);
		return cell;
	}

	private static PdfPCell cell(String text, Font font, int alignment) {
		PdfPCell cell = new PdfPCell(new Phrase(text(text), font));
		cell.setHorizontalAlignment(alignment);
		cell.setLeading(0, 1.2f);
		cell.setPadding(4);
		cell.setBorder(Rectangle.BOTTOM);
		cell.setBorderWidth(0.5f);
		cell.setBorderColor(RULE);
		return cell;
	}

	/**
	 * Formats an amount the French way, e.g. {@code 1 234,50 €}.
	 * @param cents an amount in euro cents
	 * @return the amount, with plain spaces
	 */
	private static String money(long cents) {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.FRANCE);
		format.setCurrency(EURO);
		return text(format.format(BigDecimal.valueOf(cents, 2)));
	}

	/**
	 * Formats a rate the French way, e.g. {@code 5,5 %}.
	 * @param rate a rate in per cent, e.g. 5.50
	 * @return the rate, with plain spaces
	 */
	private static String percent(BigDecimal rate) {
		NumberFormat format = NumberFormat.getPercentInstance(Locale.FRANCE);
		format.setMaximumFractionDigits(2);
		return text(format.format(rate.movePointLeft(2)));
	}

	/**
	 * Makes a text drawable with the standard fonts, whose WinAnsi encoding has no narrow
	 * no-break space: French formats put one (or a no-break space) before {@code €} and
	 * {@code %} and between thousands.
	 * @param value a text, or {@code null}
	 * @return the text with plain spaces, empty for {@code null}
	 */
	private static String text(String value) {
		return (value != null) ? value.replace('\u202F', ' ').replace('\u00A0', ' ') : "";
	}

}
