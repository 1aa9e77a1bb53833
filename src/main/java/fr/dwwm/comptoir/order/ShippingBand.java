package fr.dwwm.comptoir.order;

import java.util.Collection;
import java.util.OptionalLong;

/**
 * One line of a shipping method's price grid for a country: parcels up to a weight cost a
 * price. The rule of the grid: a parcel costs the price of the band with the smallest
 * upper weight that holds it; heavier than every band, the method does not take it.
 *
 * @param maxWeightGrams the heaviest parcel of the band, included
 * @param priceCents the price, VAT included
 */
public record ShippingBand(int maxWeightGrams, int priceCents) {

	/**
	 * Prices a parcel by a grid.
	 * @param bands the grid of one method for one country, in any order
	 * @param weightGrams the parcel's weight
	 * @return its price, or empty when no band holds it
	 */
	public static OptionalLong priceFor(Collection<ShippingBand> bands, long weightGrams) {
		return bands.stream()
			.filter((band) -> band.maxWeightGrams() >= weightGrams)
			.min((left, right) -> Integer.compare(left.maxWeightGrams(), right.maxWeightGrams()))
			.map((band) -> OptionalLong.of(band.priceCents()))
			.orElse(OptionalLong.empty());
	}

}
