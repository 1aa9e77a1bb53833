package fr.dwwm.comptoir.cart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The VAT included in amounts that are priced VAT included, per rate, as French invoices
 * and receipts show it. Each rate's VAT is computed once on the rate's total (not line by
 * line) and rounded half up to the cent.
 *
 * @param rates the VAT and the amounts per rate, lowest rate first
 */
public record VatBreakdown(List<Rate> rates) {

	/**
	 * Computes the breakdown of amounts including VAT.
	 * @param totalsByRate amount including VAT in cents, by VAT rate in per cent
	 * @return the breakdown
	 */
	public static VatBreakdown of(Map<BigDecimal, Long> totalsByRate) {
		Map<BigDecimal, Long> sorted = new TreeMap<>(totalsByRate);
		return new VatBreakdown(
				sorted.entrySet().stream().map((entry) -> Rate.of(entry.getKey(), entry.getValue())).toList());
	}

	/**
	 * Returns the VAT included in all amounts.
	 * @return total VAT in cents
	 */
	public long totalVatCents() {
		return this.rates.stream().mapToLong(Rate::vatCents).sum();
	}

	/**
	 * One VAT rate's share.
	 *
	 * @param rate VAT rate in per cent
	 * @param totalCents amount including VAT
	 * @param vatCents VAT included in that amount
	 */
	public record Rate(BigDecimal rate, long totalCents, long vatCents) {

		static Rate of(BigDecimal rate, long totalCents) {
			// VAT included = total × rate / (100 + rate)
			BigDecimal vat = BigDecimal.valueOf(totalCents)
				.multiply(rate)
				.divide(rate.add(BigDecimal.valueOf(100)), 0, RoundingMode.HALF_UP);
			return new Rate(rate, totalCents, vat.longValueExact());
		}

		/**
		 * Returns the amount before tax.
		 * @return total minus VAT, in cents
		 */
		public long netCents() {
			return this.totalCents - this.vatCents;
		}

	}

}
