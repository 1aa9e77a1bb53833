package fr.dwwm.comptoir.catalog;

import java.util.List;

/**
 * One page of a product list.
 *
 * @param items the products of this page
 * @param total number of matching products on all pages
 * @param page page number, from 0
 * @param size products per page
 * @param correctedText when a search found nothing and a close spelling did, the text
 * actually searched ("did you mean"); otherwise {@code null}
 */
public record ProductPage(List<ProductCard> items, long total, int page, int size, String correctedText) {

	/**
	 * Returns the number of pages.
	 * @return at least 1
	 */
	public int pageCount() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	/**
	 * Tells whether nothing matched.
	 * @return whether the list is empty
	 */
	public boolean isEmpty() {
		return this.total == 0;
	}

}
