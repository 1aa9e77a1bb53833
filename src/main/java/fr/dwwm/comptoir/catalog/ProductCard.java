package fr.dwwm.comptoir.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import fr.dwwm.comptoir.web.Money;

import org.springframework.context.MessageSource;

/**
 * What a product list shows of one product: enough for a card, read in the same SQL
 * statement as the list (no query per product).
 *
 * @param id product id
 * @param slug URL segment
 * @param name name
 * @param summary one-sentence summary
 * @param priceCents price including VAT, in cents: the lowest of its variants
 * @param priceFrom whether its variants have different prices (« à partir de »)
 * @param vatRate VAT rate in per cent
 * @param stock units in stock, all variants together
 * @param image the first picture shared by its variants, or {@code null}
 * @param nameParts the name cut into parts that matched the search or not
 */
public record ProductCard(long id, String slug, String name, String summary, int priceCents, boolean priceFrom,
		BigDecimal vatRate, int stock, ImageRef image, List<Highlight> nameParts) {

	/**
	 * Writes the card's price for a page or an API: « à partir de 6,90 € » when its
	 * variants are not all at that price (templates write the same with
	 * catalog.price.from).
	 * @param money the shop's amount format
	 * @param messages the message bundles
	 * @param locale the visitor's language
	 * @return the price text
	 */
	public String priceText(Money money, MessageSource messages, Locale locale) {
		String amount = money.format(this.priceCents);
		return this.priceFrom ? messages.getMessage("catalog.price.from", null, locale) + " " + amount : amount;
	}

	/**
	 * Tells whether at least one unit can be sold now.
	 * @return whether the product is in stock
	 */
	public boolean inStock() {
		return this.stock > 0;
	}

	/**
	 * Tells whether only a few units are left.
	 * @return whether stock is low but not empty
	 */
	public boolean lowStock() {
		return this.stock > 0 && this.stock <= Product.LOW_STOCK;
	}

	/**
	 * A stored product image as pages reference it.
	 *
	 * @param id image id
	 * @param fileName random file name, used in its URL
	 * @param altText text alternative
	 * @param width original width in pixels
	 * @param height original height in pixels
	 */
	public record ImageRef(long id, String fileName, String altText, int width, int height) {

	}

}
