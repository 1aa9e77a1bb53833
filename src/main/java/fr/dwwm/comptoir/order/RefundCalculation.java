package fr.dwwm.comptoir.order;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much a refund gives back, from what staff chose (units of some lines, the delivery,
 * a free amount) and what the order already gave back. A rule without a database, tested
 * on its own ({@code RefundCalculationTests}); {@link Refunds} applies it under the
 * order's lock.
 *
 * <ul>
 * <li>A line is refunded at the price paid: its units at their unit price, less their
 * share of the order's discount, in proportion to their value (rounded down). The refund
 * that gives back the last units takes what is left of the discount, so that refunding
 * everything, in any number of steps, gives back exactly the invoice.</li>
 * <li>No line gives back more units than were bought and not yet refunded; the delivery
 * is refunded once.</li>
 * <li>A refund never takes the order's refunds beyond its invoice (the database holds
 * that too: {@code refund_within_invoice}).</li>
 * </ul>
 */
final class RefundCalculation {

	private RefundCalculation() {
	}

	/**
	 * Works out a refund staff asked for.
	 * @param order what the order invoiced and already refunded
	 * @param request what to refund
	 * @return the refund
	 * @throws RefundRefusal when it asks for units not bought, or is empty, or goes
	 * beyond the invoice
	 */
	static Plan plan(OrderMoney order, Request request) {
		if (request.extraCents() < 0) {
			throw new RefundRefusal("refund.negative");
		}
		Map<Long, Integer> quantities = new LinkedHashMap<>();
		long lines = 0;
		for (Map.Entry<Long, Integer> asked : request.quantities().entrySet()) {
			int quantity = (asked.getValue() != null) ? asked.getValue() : 0;
			if (quantity == 0) {
				continue;
			}
			LineState line = order.line(asked.getKey());
			if (line == null || quantity < 0) {
				throw new RefundRefusal("refund.unknown-line");
			}
			if (quantity > line.refundable()) {
				throw new RefundRefusal("refund.too-many", line.name(), line.refundable());
			}
			quantities.put(line.id(), quantity);
			lines += quantity * line.unitPriceCents();
		}
		long shipping = 0;
		if (request.shipping()) {
			if (order.shippingRefundedCents() > 0 || order.shippingCents() == 0) {
				throw new RefundRefusal("refund.shipping-already");
			}
			shipping = order.shippingCents();
		}
		long discount = discountShare(order, quantities, lines);
		long amount = lines - discount + shipping + request.extraCents();
		if (amount <= 0) {
			throw new RefundRefusal("refund.nothing");
		}
		if (amount > order.remainingCents()) {
			throw new RefundRefusal("refund.exceeds", BigDecimal.valueOf(order.remainingCents(), 2));
		}
		return new Plan(quantities, lines, discount, shipping, request.extraCents(), amount);
	}

	/**
	 * Works out the refund of everything the order has not given back yet, for a paid
	 * order cancelled: every unit left, the delivery if not refunded, and exactly the
	 * remainder of the invoice (after a free amount refunded earlier, the discount
	 * absorbs the difference).
	 * @param order what the order invoiced and already refunded
	 * @return the refund, or {@code null} when nothing is left to refund
	 */
	static Plan remainder(OrderMoney order) {
		long remaining = order.remainingCents();
		if (remaining <= 0) {
			return null;
		}
		Map<Long, Integer> quantities = new LinkedHashMap<>();
		long lines = 0;
		for (LineState line : order.lines()) {
			if (line.refundable() > 0) {
				quantities.put(line.id(), line.refundable());
				lines += line.refundable() * line.unitPriceCents();
			}
		}
		long shipping = order.shippingCents() - order.shippingRefundedCents();
		long discount = order.discountCents() - order.discountRefundedCents();
		long extra = 0;
		long amount = lines - discount + shipping;
		if (amount < remaining) {
			extra = remaining - amount;
		}
		else if (amount > remaining) {
			long excess = amount - remaining;
			long moreDiscount = Math.min(excess, lines - discount);
			discount += moreDiscount;
			shipping -= excess - moreDiscount;
		}
		return new Plan(quantities, lines, discount, shipping, extra, remaining);
	}

	private static long discountShare(OrderMoney order, Map<Long, Integer> quantities, long lines) {
		long discountLeft = order.discountCents() - order.discountRefundedCents();
		if (discountLeft <= 0 || lines == 0) {
			return 0;
		}
		boolean last = order.lines()
			.stream()
			.allMatch((line) -> line.refundable() == quantities.getOrDefault(line.id(), 0));
		long share = last ? discountLeft : order.discountCents() * lines / order.itemsTotalCents();
		return Math.min(Math.min(share, discountLeft), lines);
	}

	/**
	 * An order's amounts as its invoice states them, and what was refunded so far
	 * (refunds made or under way; failed ones do not count).
	 *
	 * @param lines its lines
	 * @param itemsTotalCents goods, VAT included
	 * @param discountCents its discount
	 * @param shippingCents its delivery
	 * @param invoicedCents its invoice's total
	 * @param refundedCents refunded so far
	 * @param discountRefundedCents discount already deducted from earlier refunds
	 * @param shippingRefundedCents delivery already refunded
	 */
	record OrderMoney(List<LineState> lines, long itemsTotalCents, long discountCents, long shippingCents,
			long invoicedCents, long refundedCents, long discountRefundedCents, long shippingRefundedCents) {

		long remainingCents() {
			return this.invoicedCents - this.refundedCents;
		}

		LineState line(Long id) {
			return this.lines.stream().filter((line) -> id != null && line.id() == id).findFirst().orElse(null);
		}

	}

	/**
	 * One line of the order.
	 *
	 * @param id the order line's id
	 * @param name what it is, for messages
	 * @param unitPriceCents unit price paid, VAT included
	 * @param vatRate its VAT rate
	 * @param quantity units bought
	 * @param refundedQuantity units already refunded
	 */
	record LineState(long id, String name, long unitPriceCents, BigDecimal vatRate, int quantity,
			int refundedQuantity) {

		int refundable() {
			return this.quantity - this.refundedQuantity;
		}

	}

	/**
	 * What staff asked to refund.
	 *
	 * @param quantities units to refund, by order line id
	 * @param shipping whether to refund the delivery
	 * @param extraCents a free amount, VAT included
	 */
	record Request(Map<Long, Integer> quantities, boolean shipping, long extraCents) {
	}

	/**
	 * A refund worked out.
	 *
	 * @param quantities units refunded, by order line id
	 * @param linesCents their value at the unit prices
	 * @param discountCents the discount deducted from them
	 * @param shippingCents delivery refunded
	 * @param extraCents free amount
	 * @param amountCents what goes back to the card
	 */
	record Plan(Map<Long, Integer> quantities, long linesCents, long discountCents, long shippingCents, long extraCents,
			long amountCents) {
	}

}
