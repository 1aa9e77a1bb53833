package fr.dwwm.comptoir.catalog;

import java.util.Arrays;
import java.util.Locale;

/**
 * The orders a visitor can sort products by. Each value carries its own SQL
 * {@code ORDER BY} clause: a sort parameter from a URL is only ever matched against this
 * allow-list, never written into SQL (OWASP ASVS 1.2.4).
 */
public enum ProductSort {

	/** Best matches first when searching; featured then newest otherwise. */
	RELEVANCE("relevance", "rank DESC, p.featured DESC, p.created_at DESC, p.id DESC"),

	/** Cheapest first. */
	PRICE_ASC("price-asc", "p.price_cents ASC, p.id ASC"),

	/** Most expensive first. */
	PRICE_DESC("price-desc", "p.price_cents DESC, p.id ASC"),

	/** Alphabetical, with French collation (é sorts with e). */
	NAME("name", "p.name COLLATE \"fr-x-icu\" ASC, p.id ASC"),

	/** Latest additions first. */
	NEWEST("newest", "p.created_at DESC, p.id DESC");

	private final String parameter;

	private final String orderBy;

	ProductSort(String parameter, String orderBy) {
		this.parameter = parameter;
		this.orderBy = orderBy;
	}

	/**
	 * Returns the value used in URLs, e.g. {@code price-asc}.
	 * @return the URL parameter value
	 */
	public String parameter() {
		return this.parameter;
	}

	String orderBy() {
		return this.orderBy;
	}

	/**
	 * Reads a sort from a URL parameter; anything unknown means relevance.
	 * @param parameter the raw parameter, possibly {@code null} or hostile
	 * @return the matching sort
	 */
	public static ProductSort fromParameter(String parameter) {
		if (parameter == null) {
			return RELEVANCE;
		}
		String wanted = parameter.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((sort) -> sort.parameter.equals(wanted)).findFirst().orElse(RELEVANCE);
	}

}
