package fr.dwwm.comptoir.e2e;

/**
 * The EcoIndex of a page, by the published formula (ecoindex.fr, reference implementation
 * {@code cnumr/ecoindex_python}): where the page's number of DOM elements, of requests
 * and its transferred size fall among the quantiles of the HTTP Archive's pages, weighted
 * 3, 2 and 1; 100 is the lightest page, 0 the heaviest. The greenhouse gases and water
 * figures are the method's own linear estimates for one visit, not a measurement.
 *
 * @param domElements elements in the page's document
 * @param requests HTTP requests made to show it (the page and its resources)
 * @param kilobytes bytes transferred, in kilobytes (1 024 bytes)
 */
record EcoIndex(int domElements, int requests, double kilobytes) {

	private static final double[] DOM = { 0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076,
			1237, 1459, 1801, 2479, 594601 };

	private static final double[] REQUESTS = { 0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147,
			170, 205, 281, 3920 };

	private static final double[] SIZE = { 0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47,
			1448.32, 1648.27, 1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26 };

	/**
	 * The score.
	 * @return from 0 to 100, rounded to one decimal
	 */
	double score() {
		double score = 100 - 5 * (3 * quantile(DOM, this.domElements) + 2 * quantile(REQUESTS, this.requests)
				+ quantile(SIZE, this.kilobytes)) / 6;
		return Math.round(score * 10) / 10.0;
	}

	/**
	 * The grade of the score.
	 * @return A (80 and above), B (70), C (55), D (40), E (25), F (10) or G
	 */
	String grade() {
		double score = score();
		double[] thresholds = { 80, 70, 55, 40, 25, 10 };
		for (int i = 0; i < thresholds.length; i++) {
			if (score >= thresholds[i]) {
				return String.valueOf((char) ('A' + i));
			}
		}
		return "G";
	}

	/**
	 * The method's estimate of the greenhouse gases of one visit.
	 * @return grams of CO2 equivalent
	 */
	double gramsCo2() {
		return Math.round((2 + 2 * (50 - score()) / 100) * 100) / 100.0;
	}

	/**
	 * The method's estimate of the water of one visit.
	 * @return centilitres
	 */
	double centilitresOfWater() {
		return Math.round((3 + 3 * (50 - score()) / 100) * 100) / 100.0;
	}

	/**
	 * Where a value falls among the quantiles, from 0 to 20, linear between two.
	 */
	static double quantile(double[] quantiles, double value) {
		for (int i = 1; i < quantiles.length; i++) {
			if (value < quantiles[i]) {
				return i - 1 + (value - quantiles[i - 1]) / (quantiles[i] - quantiles[i - 1]);
			}
		}
		return quantiles.length - 1;
	}

}
