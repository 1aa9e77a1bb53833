package fr.dwwm.comptoir.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Builds the structured data (schema.org {@code Product} and {@code BreadcrumbList}) that
 * search engines read on a product page, as plain maps the template serialises to JSON.
 */
@Component
class ProductPageData {

	List<Map<String, Object>> structuredData(Product product, CategoryTree.Node category) {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		String url = base + "/products/" + product.getSlug();

		Map<String, Object> offer = new LinkedHashMap<>();
		offer.put("@type", "Offer");
		offer.put("url", url);
		offer.put("priceCurrency", "EUR");
		offer.put("price", BigDecimal.valueOf(product.getPriceCents(), 2).toPlainString());
		offer.put("availability", product.isInStock() ? "https://schema.org/InStock" : "https://schema.org/OutOfStock");

		Map<String, Object> productData = new LinkedHashMap<>();
		productData.put("@context", "https://schema.org");
		productData.put("@type", "Product");
		productData.put("name", product.getName());
		productData.put("description", product.getSummary());
		productData.put("sku", product.getSku());
		productData.put("image",
				product.getImages()
					.stream()
					.map((image) -> base + "/images/products/" + image.getFileName() + "?w=1200")
					.toList());
		productData.put("offers", offer);

		List<Map<String, Object>> items = new ArrayList<>();
		if (category != null) {
			for (CategoryTree.Node node : category.path()) {
				items.add(crumb(items.size() + 1, node.name(), base + "/products?category=" + node.slug()));
			}
		}
		items.add(crumb(items.size() + 1, product.getName(), url));
		Map<String, Object> breadcrumb = new LinkedHashMap<>();
		breadcrumb.put("@context", "https://schema.org");
		breadcrumb.put("@type", "BreadcrumbList");
		breadcrumb.put("itemListElement", items);
		return List.of(productData, breadcrumb);
	}

	/**
	 * Returns the absolute URL of a product's main picture, for social networks.
	 * @param product the product
	 * @return the URL, or {@code null} without picture
	 */
	String imageUrl(Product product) {
		if (product.getImages().isEmpty()) {
			return null;
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/images/products/" + product.getImages().get(0).getFileName())
			.queryParam("w", 1200)
			.build()
			.toUriString();
	}

	private static Map<String, Object> crumb(int position, String name, String url) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("@type", "ListItem");
		item.put("position", position);
		item.put("name", name);
		item.put("item", url);
		return item;
	}

}
