package fr.dwwm.comptoir.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The EcoIndex formula gives the published figures: the quantiles, the weights, the
 * grades and the estimates of greenhouse gases and water.
 */
class EcoIndexTests {

	@Test
	void aValueOnAQuantileIsItsRankAndBetweenTwoIsInterpolated() {
		assertThat(EcoIndex.quantile(new double[] { 0, 10, 20, 40 }, 10)).isEqualTo(1.0);
		assertThat(EcoIndex.quantile(new double[] { 0, 10, 20, 40 }, 30)).isEqualTo(2.5);
		assertThat(EcoIndex.quantile(new double[] { 0, 10, 20, 40 }, 99)).as("beyond the last").isEqualTo(3.0);
	}

	@Test
	void anEmptyPageScoresOneHundredAndTheHeaviestZero() {
		assertThat(new EcoIndex(0, 0, 0).score()).isEqualTo(100.0);
		assertThat(new EcoIndex(0, 0, 0).grade()).isEqualTo("A");
		assertThat(new EcoIndex(600_000, 4_000, 300_000).score()).isEqualTo(0.0);
		assertThat(new EcoIndex(600_000, 4_000, 300_000).grade()).isEqualTo("G");
	}

	@Test
	void aMedianPageOfTheHttpArchiveScoresFiftyWithTheMethodsEstimates() {
		// The tenth quantile of each: 603 elements, 78 requests, 1 448.32 KB.
		EcoIndex median = new EcoIndex(603, 78, 1448.32);
		assertThat(median.score()).isEqualTo(50.0);
		assertThat(median.grade()).isEqualTo("D");
		assertThat(median.gramsCo2()).isEqualTo(2.0);
		assertThat(median.centilitresOfWater()).isEqualTo(3.0);
	}

	@Test
	void theDomWeighsThreeTimesTheSize() {
		double domStep = new EcoIndex(47, 2, 1.37).score() - new EcoIndex(75, 2, 1.37).score();
		double sizeStep = new EcoIndex(47, 2, 1.37).score() - new EcoIndex(47, 2, 144.7).score();
		assertThat(domStep).isCloseTo(3 * sizeStep, within(0.11));
		assertThat(new EcoIndex(75, 2, 1.37).grade()).isEqualTo("A");
	}

}
