package fr.dwwm.comptoir.cart;

import java.math.BigDecimal;

/**
 * A line of a cart, with the product's current price and stock read from the catalog: a
 * cart never keeps a price of its own.
 *
 * @param productId product id
 * @param slug product URL segment
 * @param name product name
 * @param unitPriceCents current price including VAT
 * @param vatRate VAT rate in per cent
 * @param quantity units wanted
 * @param stock units available now
 * @param available whether the product is still sold
 * @param imageFileName file name of its first image, or {@code null}
 */
public record CartLine(long productId, String slug, String name, int unitPriceCents, BigDecimal vatRate, int quantity,
		int stock, boolean available, String imageFileName) {

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
