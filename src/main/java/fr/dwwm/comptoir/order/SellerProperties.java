package fr.dwwm.comptoir.order;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's legal identity, printed on every invoice ({@code app.seller.*}). The demo
 * values are those of the fictitious company of the legal notice; an operator sets their
 * own.
 *
 * @param name company name
 * @param legalForm legal form and capital
 * @param address address lines
 * @param siret SIRET number
 * @param vatNumber intra-community VAT number
 * @param registration trade register entry
 * @param email contact address
 */
@ConfigurationProperties("app.seller")
public record SellerProperties(String name, String legalForm, List<String> address, String siret, String vatNumber,
		String registration, String email) {

	InvoiceDocument.Seller toSeller() {
		return new InvoiceDocument.Seller(this.name, this.legalForm, this.address, this.siret, this.vatNumber,
				this.registration, this.email);
	}

}
