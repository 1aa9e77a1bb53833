package fr.dwwm.comptoir.catalog;

import java.util.List;
import java.util.Map;

/**
 * What a visitor asks the catalog for: search text, category, price range, availability,
 * attribute values, sort and page. Built from request parameters; every value reaches SQL
 * as a bound parameter.
 *
 * @param text search text, or {@code null}
 * @param categoryId a category whose whole subtree is listed, or {@code null}
 * @param minPriceCents lowest price including VAT, or {@code null}
 * @param maxPriceCents highest price including VAT, or {@code null}
 * @param inStockOnly whether to hide products out of stock
 * @param featuredOnly whether to list only the products the shop puts forward
 * @param attributes wanted attribute values by attribute name (any value of a name
 * matches)
 * @param sort the order
 * @param page page number, from 0
 * @param size products per page
 */
public record ProductFilter(String text, Long categoryId, Integer minPriceCents, Integer maxPriceCents,
		boolean inStockOnly, boolean featuredOnly, Map<String, List<String>> attributes, ProductSort sort, int page,
		int size) {

	/** Longest search text taken into account. */
	public static final int MAX_TEXT_LENGTH = 100;

	/** Largest page. */
	public static final int MAX_PAGE_SIZE = 48;

	/**
	 * Normalises the values: blank text is no text, page and size stay in range.
	 */
	public ProductFilter {
		text = (text == null || text.isBlank()) ? null : text.strip();
		if (text != null && text.length() > MAX_TEXT_LENGTH) {
			text = text.substring(0, MAX_TEXT_LENGTH);
		}
		attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
		sort = (sort != null) ? sort : ProductSort.RELEVANCE;
		page = Math.max(page, 0);
		size = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
	}

	/**
	 * Every active product, in the default order.
	 * @param size products per page
	 * @return a filter without any criteria
	 */
	public static ProductFilter all(int size) {
		return new ProductFilter(null, null, null, null, false, false, Map.of(), ProductSort.RELEVANCE, 0, size);
	}

	/**
	 * A full-text search, best matches first.
	 * @param text what the visitor typed
	 * @param page page number, from 0
	 * @param size products per page
	 * @return the filter
	 */
	public static ProductFilter search(String text, int page, int size) {
		return new ProductFilter(text, null, null, null, false, false, Map.of(), ProductSort.RELEVANCE, page, size);
	}

	/**
	 * Products of a category subtree.
	 * @param categoryId the category
	 * @param sort the order
	 * @param size products per page
	 * @return the filter
	 */
	public static ProductFilter inCategory(long categoryId, ProductSort sort, int size) {
		return new ProductFilter(null, categoryId, null, null, false, false, Map.of(), sort, 0, size);
	}

	/**
	 * Returns the same filter with another search text.
	 * @param otherText the new text
	 * @return a copy
	 */
	public ProductFilter withText(String otherText) {
		return new ProductFilter(otherText, this.categoryId, this.minPriceCents, this.maxPriceCents, this.inStockOnly,
				this.featuredOnly, this.attributes, this.sort, this.page, this.size);
	}

	/**
	 * Returns the same filter on another page.
	 * @param otherPage page number, from 0
	 * @param otherSize products per page
	 * @return a copy
	 */
	public ProductFilter withPage(int otherPage, int otherSize) {
		return new ProductFilter(this.text, this.categoryId, this.minPriceCents, this.maxPriceCents, this.inStockOnly,
				this.featuredOnly, this.attributes, this.sort, otherPage, otherSize);
	}

}
