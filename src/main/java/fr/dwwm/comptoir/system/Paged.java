package fr.dwwm.comptoir.system;

import java.util.List;

/**
 * One page of a longer list read from the database (the back office's products, orders,
 * customers, audit entries): its rows, how many there are in all, and where the page
 * stands.
 *
 * @param <T> the rows' type
 * @param items the rows of this page
 * @param total how many rows the whole list has
 * @param page the page, from 0
 * @param size rows per page
 */
public record Paged<T>(List<T> items, long total, int page, int size) {

	/**
	 * Returns the number of pages.
	 * @return at least 1
	 */
	public int pageCount() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

}
