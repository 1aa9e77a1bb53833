package fr.dwwm.comptoir.cart;

import java.math.BigDecimal;

/**
 * A line of a cart: a variant of a product, with its current price and stock read from
 * the catalog: a cart never keeps a price of its own.
 *
 * @param variantId the variant in the cart: identifies the line
 * @param productId its product
 * @param slug product URL segment
 * @param name product name
 * @param variantLabel the variant's option values (« 450 g »), or {@code null} for a
 * product without options
 * @param unitPriceCents the variant's current price including VAT
 * @param vatRate VAT rate in per cent
 * @param quantity units wanted
 * @param stock units of the variant available now
 * @param available whether the product and the variant are still sold
 * @param imageFileName file name of its first image, or {@code null}
 * @param unitWeightGrams the weight of one unit, 0 when the variant has none
 */
public record CartLine(long variantId, long productId, String slug, String name, String variantLabel,
		int unitPriceCents, BigDecimal vatRate, int quantity, int stock, boolean available, String imageFileName,
		int unitWeightGrams) {

	/**
	 * Returns the line's amount including VAT.
	 * @return unit price times quantity, in cents
	 */
	public long totalCents() {
		return (long) this.unitPriceCents * this.quantity;
	}

	/**
	 * Tells whether the line can be ordered as it is.
	 * @return whether the product is sold and enough units are in stock
	 */
	public boolean orderable() {
		return this.available && this.quantity <= this.stock;
	}

	/**
	 * Returns what keeps the line from being ordered, as a message key whose argument is
	 * the stock.
	 * @return a key of the message bundles, or {@code null} when the line is orderable
	 */
	public String problemKey() {
		if (!this.available) {
			return "cart.line.unavailable";
		}
		if (this.quantity > this.stock) {
			return (this.stock == 0) ? "cart.line.out-of-stock" : "cart.line.not-enough";
		}
		return null;
	}

}
