package fr.dwwm.comptoir.order;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice PDF, read back as text, shows what a French invoice must show.
 */
class InvoicePdfTests {

	private final InvoicePdf invoicePdf = new InvoicePdf();

	@Test
	void theInvoiceShowsTheLegalMentionsAndTotalsOfTheOrder() throws IOException {
		InvoiceDocument invoice = invoice(new InvoiceDocument.Shipping("Colissimo à domicile", 590), 0, null,
				List.of(new InvoiceDocument.Vat(new BigDecimal("5.50"), 1508, 83, 1591),
						new InvoiceDocument.Vat(new BigDecimal("20.00"), 2391, 478, 2869)),
				3899, 561, 4460);
		byte[] pdf = this.invoicePdf.render(invoice);
		assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = textOf(document);
			assertThat(text).contains("FACTURE", "FA-2026-000042", "Commande n° CPT-2026-000042 du 28/11/2026",
					"Date de facture : 29/11/2026");
			assertThat(text).contains("Comptoir SAS", "SAS au capital de 10 000 €", "12 rue de la République",
					"69002 Lyon", "SIRET : 912 345 678 00017", "TVA intracommunautaire : FR 32 912345678",
					"RCS Lyon 912 345 678", "contact@comptoir.test");
			assertThat(text).contains("Facturé à Camille Martin", "8 rue des Lilas", "75011 Paris",
					"camille@exemple.fr");
			assertThat(text).contains("CONF-FIG-350", "Confiture de figues 350 g", "BOL-GRES-01", "Bol en grès émaillé",
					"6,90 €", "5,5 %", "13,80 €", "24,90 €", "20 %");
			assertThat(text).contains("Livraison : Colissimo à domicile 5,90 €").doesNotContain("Remise");
			assertThat(text).contains("5,5 % 15,08 € 0,83 € 15,91 €", "20 % 23,91 € 4,78 € 28,69 €");
			assertThat(text).contains("Total HT 38,99 €", "Total TVA 5,61 €", "Total TTC 44,60 €");
			assertThat(text).contains("Payée par carte le 29/11/2026",
					"Pénalités de retard : trois fois le taux d'intérêt légal.",
					"Indemnité forfaitaire pour frais de recouvrement : 40 €.",
					"Pas d'escompte pour paiement anticipé.");
			PDDocumentInformation information = document.getDocumentInformation();
			assertThat(information.getTitle()).isEqualTo("Facture FA-2026-000042");
			assertThat(information.getAuthor()).isEqualTo("Comptoir SAS");
			assertThat(information.getCreator()).isEqualTo("Comptoir");
		}
	}

	@Test
	void offeredShippingAndADiscountAreShownAsSuch() throws IOException {
		InvoiceDocument invoice = invoice(new InvoiceDocument.Shipping("Colissimo à domicile", 0), 300, "BIENVENUE",
				List.of(new InvoiceDocument.Vat(new BigDecimal("5.50"), 1207, 66, 1273),
						new InvoiceDocument.Vat(new BigDecimal("20.00"), 1914, 383, 2297)),
				3121, 449, 3570);
		try (PDDocument document = Loader.loadPDF(this.invoicePdf.render(invoice))) {
			String text = textOf(document);
			assertThat(text).contains("Livraison : Colissimo à domicile Offerte", "Remise (code BIENVENUE) -3,00 €");
			assertThat(text).contains("5,5 % 12,07 € 0,66 € 12,73 €", "20 % 19,14 € 3,83 € 22,97 €");
			assertThat(text).contains("Total HT 31,21 €", "Total TVA 4,49 €", "Total TTC 35,70 €");
		}
	}

	private static InvoiceDocument invoice(InvoiceDocument.Shipping shipping, long discountCents, String promoCode,
			List<InvoiceDocument.Vat> vat, long totalNetCents, long totalVatCents, long totalCents) {
		InvoiceDocument.Seller seller = new InvoiceDocument.Seller("Comptoir SAS", "SAS au capital de 10 000 €",
				List.of("12 rue de la République", "69002 Lyon"), "912 345 678 00017", "FR 32 912345678",
				"RCS Lyon 912 345 678", "contact@comptoir.test");
		InvoiceDocument.Buyer buyer = new InvoiceDocument.Buyer("Camille Martin",
				List.of("8 rue des Lilas", "75011 Paris", "France"), "camille@exemple.fr");
		List<InvoiceDocument.Line> lines = List.of(
				new InvoiceDocument.Line("CONF-FIG-350", "Confiture de figues 350 g", 2, 690, new BigDecimal("5.50"),
						1380),
				new InvoiceDocument.Line("BOL-GRES-01", "Bol en grès émaillé", 1, 2490, new BigDecimal("20.00"), 2490));
		return new InvoiceDocument("FA-2026-000042", LocalDate.of(2026, 11, 29), "CPT-2026-000042",
				LocalDate.of(2026, 11, 28), seller, buyer, lines, shipping, discountCents, promoCode, vat,
				totalNetCents, totalVatCents, totalCents, "Payée par carte le 29/11/2026");
	}

	/**
	 * Extracts the text of a PDF with single plain spaces: French number formats use
	 * no-break spaces, and lines may wrap anywhere a space is.
	 */
	private static String textOf(PDDocument document) throws IOException {
		String text = new PDFTextStripper().getText(document);
		return text.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ");
	}

}
