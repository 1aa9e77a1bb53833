package fr.dwwm.comptoir.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The parameters of a listing or search URL, as the visitor's browser sends them:
 * {@code /products?category=ceramique&min=10&max=40&stock=true&attr=couleur:bleu&sort=price-asc&page=2}.
 * Prices are whole euros and pages start at 1 in URLs, to stay readable and shareable.
 */
public class CatalogSearch {

	@Size(max = ProductFilter.MAX_TEXT_LENGTH)
	private String q;

	@Size(max = 120)
	private String category;

	@Min(0)
	@Max(100_000)
	private Integer min;

	@Min(0)
	@Max(100_000)
	private Integer max;

	private boolean stock;

	@Size(max = 20)
	private List<@Size(max = 100) String> attr = new ArrayList<>();

	@Size(max = 20)
	private String sort;

	@Min(1)
	@Max(10_000)
	private Integer page;

	public String getQ() {
		return this.q;
	}

	public void setQ(String q) {
		this.q = q;
	}

	public String getCategory() {
		return this.category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public Integer getMin() {
		return this.min;
	}

	public void setMin(Integer min) {
		this.min = min;
	}

	public Integer getMax() {
		return this.max;
	}

	public void setMax(Integer max) {
		this.max = max;
	}

	public boolean isStock() {
		return this.stock;
	}

	public void setStock(boolean stock) {
		this.stock = stock;
	}

	public List<String> getAttr() {
		return this.attr;
	}

	public void setAttr(List<String> attr) {
		this.attr = (attr != null) ? attr : new ArrayList<>();
	}

	public String getSort() {
		return this.sort;
	}

	public void setSort(String sort) {
		this.sort = sort;
	}

	public Integer getPage() {
		return this.page;
	}

	public void setPage(Integer page) {
		this.page = page;
	}

	/**
	 * Returns the chosen sort; anything unknown means relevance.
	 * @return the sort
	 */
	public ProductSort sortOrder() {
		return ProductSort.fromParameter(this.sort);
	}

	/**
	 * Returns the wanted attribute values, from {@code attr=name:value} parameters.
	 * @return values by attribute name; malformed parameters are ignored
	 */
	public Map<String, List<String>> attributes() {
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		for (String pair : this.attr) {
			int colon = (pair != null) ? pair.indexOf(':') : -1;
			if (colon > 0 && colon < pair.length() - 1) {
				attributes.computeIfAbsent(pair.substring(0, colon), (name) -> new ArrayList<>())
					.add(pair.substring(colon + 1));
			}
		}
		return attributes;
	}

	/**
	 * Tells whether an attribute value is selected.
	 * @param name attribute name
	 * @param value attribute value
	 * @return whether {@code attr=name:value} is in the URL
	 */
	public boolean has(String name, String value) {
		return this.attr.contains(name + ":" + value);
	}

	/**
	 * Tells whether any filter narrows the list (besides text and category).
	 * @return whether a price, availability or attribute filter is set
	 */
	public boolean isFiltered() {
		return this.min != null || this.max != null || this.stock || !this.attr.isEmpty();
	}

	/**
	 * Converts the URL parameters to a catalog filter.
	 * @param categoryId the category the slug designates, or {@code null}
	 * @param size products per page
	 * @return the filter
	 */
	public ProductFilter toFilter(Long categoryId, int size) {
		int pageIndex = (this.page != null) ? this.page - 1 : 0;
		return new ProductFilter(this.q, categoryId, (this.min != null) ? this.min * 100 : null,
				(this.max != null) ? this.max * 100 : null, this.stock, false, attributes(), sortOrder(), pageIndex,
				size);
	}

	/**
	 * Builds the URL of the same list on another page.
	 * @param path {@code /products} or {@code /search}
	 * @param otherPage page number from 1
	 * @return a site-relative URL
	 */
	public String pageUrl(String path, int otherPage) {
		return url(path, this.sort, otherPage);
	}

	/**
	 * Builds the URL of the same list sorted otherwise, from its first page.
	 * @param path {@code /products} or {@code /search}
	 * @param otherSort the sort's URL value
	 * @return a site-relative URL
	 */
	public String sortUrl(String path, String otherSort) {
		return url(path, otherSort, 1);
	}

	private String url(String path, String sortValue, int pageNumber) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
		addIfPresent(url, "q", this.q);
		addIfPresent(url, "category", this.category);
		addIfPresent(url, "min", this.min);
		addIfPresent(url, "max", this.max);
		if (this.stock) {
			url.queryParam("stock", true);
		}
		for (String pair : this.attr) {
			url.queryParam("attr", pair);
		}
		addIfPresent(url, "sort", sortValue);
		if (pageNumber > 1) {
			url.queryParam("page", pageNumber);
		}
		return url.build().encode().toUriString();
	}

	private static void addIfPresent(UriComponentsBuilder url, String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			url.queryParam(name, value);
		}
	}

}
