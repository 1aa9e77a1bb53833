package fr.dwwm.comptoir.order;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule of a price grid: a parcel pays the band with the smallest upper weight that
 * holds it; heavier than every band, the method does not take it.
 */
class ShippingBandTests {

	private static final List<ShippingBand> GRID = List.of(new ShippingBand(5000, 1290), new ShippingBand(500, 590),
			new ShippingBand(2000, 890), new ShippingBand(1000, 750));

	@Test
	void aParcelPaysTheSmallestBandThatHoldsItWhateverTheOrderOfTheGrid() {
		assertThat(ShippingBand.priceFor(GRID, 450)).hasValue(590);
		assertThat(ShippingBand.priceFor(GRID, 501)).hasValue(750);
		assertThat(ShippingBand.priceFor(GRID, 1200)).hasValue(890);
		assertThat(ShippingBand.priceFor(GRID, 4999)).hasValue(1290);
	}

	@Test
	void aBandHoldsParcelsUpToItsWeightIncluded() {
		assertThat(ShippingBand.priceFor(GRID, 500)).hasValue(590);
		assertThat(ShippingBand.priceFor(GRID, 5000)).hasValue(1290);
	}

	@Test
	void aParcelWithoutWeightPaysTheFirstBand() {
		assertThat(ShippingBand.priceFor(GRID, 0)).hasValue(590);
	}

	@Test
	void aParcelHeavierThanEveryBandOrAGridWithoutBandIsNotTaken() {
		assertThat(ShippingBand.priceFor(GRID, 5001)).isEmpty();
		assertThat(ShippingBand.priceFor(List.of(), 100)).isEmpty();
	}

}
