package fr.dwwm.comptoir.catalog;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the listing offers to narrow a list down: the values of each attribute with the
 * number of products having it, and the price range.
 *
 * @param attributes values by attribute name, in display order
 * @param minPriceCents lowest price of the listed products
 * @param maxPriceCents highest price of the listed products
 */
public record Facets(Map<String, List<Value>> attributes, int minPriceCents, int maxPriceCents) {

	/**
	 * One value of an attribute.
	 *
	 * @param text the value, e.g. {@code Provence}
	 * @param products how many listed products have it
	 */
	public record Value(String text, int products) {

		static final Comparator<Value> BY_TEXT = Comparator.comparing(Value::text, Collator.getInstance(Locale.FRENCH));

	}

}
