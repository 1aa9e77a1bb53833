package fr.dwwm.comptoir.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The amounts of an order, exact to the cent, with its VAT per rate as a French invoice
 * shows it. Prices are VAT included (a shop for consumers), in whole cents; no floating
 * point anywhere.
 *
 * <p>
 * Two rules of French VAT shape the breakdown:
 * <ul>
 * <li>a discount on the whole basket reduces each rate's base in proportion to that
 * rate's share of the goods;</li>
 * <li>delivery costs follow the goods they carry (BOI-TVA-BASE-10-10-20): shared between
 * rates in proportion to each rate's goods after discount.</li>
 * </ul>
 * Shares are rounded with the largest remainder method, so that they always add up to the
 * amount shared. Each rate's VAT is then computed once, on its total, rounded half up.
 *
 * @param itemsTotalCents goods, VAT included
 * @param discountCents discount granted, VAT included
 * @param shippingCents delivery, VAT included
 * @param vat the breakdown per rate, lowest rate first
 */
public record OrderTotals(long itemsTotalCents, long discountCents, long shippingCents, List<RateTotal> vat) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * Computes the totals of an order.
	 * @param goodsByRate goods VAT included, in cents, by VAT rate in per cent
	 * @param discountCents discount on the goods, at most their total
	 * @param shippingCents delivery costs
	 * @return the totals
	 */
	public static OrderTotals of(Map<BigDecimal, Long> goodsByRate, long discountCents, long shippingCents) {
		TreeMap<BigDecimal, Long> goods = new TreeMap<>();
		goodsByRate.forEach((rate, cents) -> goods.merge(rate.stripTrailingZeros(), cents, Long::sum));
		long items = goods.values().stream().mapToLong(Long::longValue).sum();
		if (discountCents < 0 || discountCents > items || shippingCents < 0) {
			throw new IllegalArgumentException("Discount must be between 0 and the goods, shipping positive");
		}
		List<BigDecimal> rates = new ArrayList<>(goods.keySet());
		List<Long> goodsShares = rates.stream().map(goods::get).toList();
		List<Long> discounts = share(discountCents, goodsShares);
		List<Long> net = new ArrayList<>();
		for (int i = 0; i < rates.size(); i++) {
			net.add(goodsShares.get(i) - discounts.get(i));
		}
		List<Long> shipping;
		if (net.stream().mapToLong(Long::longValue).sum() == 0) {
			// Nothing left to carry the costs in proportion to: the highest rate takes
			// them.
			shipping = new ArrayList<>(net.stream().map((n) -> 0L).toList());
			if (!shipping.isEmpty()) {
				shipping.set(shipping.size() - 1, shippingCents);
			}
		}
		else {
			shipping = share(shippingCents, net);
		}
		List<RateTotal> vat = new ArrayList<>();
		for (int i = 0; i < rates.size(); i++) {
			long total = net.get(i) + shipping.get(i);
			if (total > 0) {
				vat.add(RateTotal.of(rates.get(i), total));
			}
		}
		return new OrderTotals(items, discountCents, shippingCents, List.copyOf(vat));
	}

	/**
	 * Shares an amount in proportion to weights, in whole cents that add up exactly: each
	 * part is rounded down, then the cents left go to the largest remainders.
	 * @param amount the amount to share
	 * @param weights the weights, not all zero unless the amount is zero
	 * @return one part per weight
	 */
	static List<Long> share(long amount, List<Long> weights) {
		long total = weights.stream().mapToLong(Long::longValue).sum();
		List<Long> parts = new ArrayList<>();
		if (total == 0) {
			weights.forEach((weight) -> parts.add(0L));
			return parts;
		}
		List<long[]> remainders = new ArrayList<>();
		long given = 0;
		for (int i = 0; i < weights.size(); i++) {
			long numerator = amount * weights.get(i);
			parts.add(numerator / total);
			given += numerator / total;
			remainders.add(new long[] { numerator % total, i });
		}
		remainders.sort((a, b) -> (a[0] != b[0]) ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));
		for (int k = 0; k < amount - given; k++) {
			int index = (int) remainders.get(k)[1];
			parts.set(index, parts.get(index) + 1);
		}
		return parts;
	}

	/**
	 * Returns the amount to pay.
	 * @return goods minus discount plus delivery
	 */
	public long totalCents() {
		return this.itemsTotalCents - this.discountCents + this.shippingCents;
	}

	/**
	 * Returns the VAT included in the total.
	 * @return the sum of each rate's VAT
	 */
	public long totalVatCents() {
		return this.vat.stream().mapToLong(RateTotal::vatCents).sum();
	}

	/**
	 * Returns the total excluding VAT.
	 * @return total minus VAT
	 */
	public long totalNetCents() {
		return totalCents() - totalVatCents();
	}

	/**
	 * The share of one VAT rate.
	 *
	 * @param rate VAT rate in per cent
	 * @param totalCents amount including VAT (goods after discount, and delivery)
	 * @param vatCents VAT included in it
	 */
	public record RateTotal(BigDecimal rate, long totalCents, long vatCents) {

		static RateTotal of(BigDecimal rate, long totalCents) {
			// VAT included = total × rate / (100 + rate), rounded half up once per rate.
			long vat = BigDecimal.valueOf(totalCents)
				.multiply(rate)
				.divide(rate.add(HUNDRED), 0, RoundingMode.HALF_UP)
				.longValueExact();
			return new RateTotal(rate, totalCents, vat);
		}

		/**
		 * Returns the base excluding VAT.
		 * @return total minus VAT
		 */
		public long netCents() {
			return this.totalCents - this.vatCents;
		}

	}

}
