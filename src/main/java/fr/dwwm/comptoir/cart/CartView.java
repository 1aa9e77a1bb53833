package fr.dwwm.comptoir.cart;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cart as pages show it.
 *
 * @param lines the lines, oldest first
 */
public record CartView(List<CartLine> lines) {

	/** An empty cart. */
	public static final CartView EMPTY = new CartView(List.of());

	/**
	 * Returns the number of units in the cart.
	 * @return sum of quantities
	 */
	public int itemCount() {
		return this.lines.stream().mapToInt(CartLine::quantity).sum();
	}

	/**
	 * Returns the parcel's weight: each variant's weight times its quantity (a variant
	 * without a weight counts for nothing).
	 * @return grams
	 */
	public long weightGrams() {
		return this.lines.stream().mapToLong((line) -> (long) line.unitWeightGrams() * line.quantity()).sum();
	}

	/**
	 * Returns the amount of the goods, VAT included.
	 * @return sum of line amounts in cents
	 */
	public long itemsTotalCents() {
		return this.lines.stream().mapToLong(CartLine::totalCents).sum();
	}

	/**
	 * Tells whether every line can be ordered as it is.
	 * @return whether checkout may start
	 */
	public boolean orderable() {
		return !this.lines.isEmpty() && this.lines.stream().allMatch(CartLine::orderable);
	}

	/**
	 * Returns the VAT included in the cart, per rate.
	 * @return the breakdown
	 */
	public VatBreakdown vat() {
		Map<BigDecimal, Long> totals = new HashMap<>();
		for (CartLine line : this.lines) {
			totals.merge(line.vatRate(), line.totalCents(), Long::sum);
		}
		return VatBreakdown.of(totals);
	}

	/**
	 * Tells whether the cart is empty.
	 * @return whether there is no line
	 */
	public boolean isEmpty() {
		return this.lines.isEmpty();
	}

}
