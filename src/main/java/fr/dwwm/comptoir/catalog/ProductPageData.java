package fr.dwwm.comptoir.catalog;

import fr.dwwm.comptoir.system.PublicUrl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Builds the structured data (schema.org {@code Product} and {@code BreadcrumbList}) that
 * search engines read on a product page, as plain maps the template serialises to JSON.
 */
@Component
class ProductPageData {

	/**
	 * The shop's configured address: never the request's Host header, which anybody may
	 * forge.
	 */
	private final PublicUrl base;

	ProductPageData(PublicUrl publicUrl) {
		this.base = publicUrl;
	}

	List<Map<String, Object>> structuredData(Product product, List<ProductVariant> variants,
			CategoryTree.Node category) {
		String url = this.base.link("/products/" + product.getSlug());
		List<String> images = product.getImages()
			.stream()
			.filter((image) -> image.getVariantId() == null)
			.map((image) -> imageUrl(this.base, image))
			.toList();

		Map<String, Object> productData = new LinkedHashMap<>();
		productData.put("@context", "https://schema.org");
		productData.put("name", product.getName());
		productData.put("description", product.getSummary());
		productData.put("image", images);
		if (variants.size() > 1) {
			// One page, one canonical URL, the variants described inside it: what search
			// engines expect of a product sold in several sizes or colours.
			productData.put("@type", "ProductGroup");
			productData.put("productGroupID", product.getSku());
			productData.put("url", url);
			productData.put("variesBy",
					variants.get(0).properties().stream().map(ProductPageData::schemaTerm).toList());
			productData.put("hasVariant",
					variants.stream().map((variant) -> variantData(product, variant, this.base, url)).toList());
		}
		else {
			productData.put("@type", "Product");
			productData.put("sku", variants.isEmpty() ? product.getSku() : variants.get(0).sku());
			productData.put("offers",
					offer(url, variants.isEmpty() ? product.getPriceCents() : variants.get(0).priceCents(),
							!variants.isEmpty() && variants.get(0).inStock()));
		}

		List<Map<String, Object>> items = new ArrayList<>();
		if (category != null) {
			for (CategoryTree.Node node : category.path()) {
				items.add(crumb(items.size() + 1, node.name(), this.base.link("/products?category=" + node.slug())));
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
		return imageUrl(this.base, product.getImages().get(0));
	}

	private static Map<String, Object> variantData(Product product, ProductVariant variant, PublicUrl base,
			String url) {
		String variantUrl = url + "?variant=" + variant.id();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@type", "Product");
		data.put("name", product.getName() + " – " + variant.label());
		data.put("sku", variant.sku());
		for (int i = 0; i < variant.properties().size(); i++) {
			data.put(variant.properties().get(i), variant.values().get(i));
		}
		List<String> own = product.getImages()
			.stream()
			.filter((image) -> image.getVariantId() != null && image.getVariantId() == variant.id())
			.map((image) -> imageUrl(base, image))
			.toList();
		if (!own.isEmpty()) {
			data.put("image", own);
		}
		data.put("offers", offer(variantUrl, variant.priceCents(), variant.inStock()));
		return data;
	}

	private static Map<String, Object> offer(String url, int priceCents, boolean inStock) {
		Map<String, Object> offer = new LinkedHashMap<>();
		offer.put("@type", "Offer");
		offer.put("url", url);
		offer.put("priceCurrency", "EUR");
		offer.put("price", BigDecimal.valueOf(priceCents, 2).toPlainString());
		offer.put("availability", inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock");
		return offer;
	}

	/**
	 * A schema.org property by its full URL ({@code https://schema.org/size}), else its
	 * name.
	 */
	private static String schemaTerm(String property) {
		return property.matches("[a-z]+") ? "https://schema.org/" + property : property;
	}

	private static String imageUrl(PublicUrl base, ProductImage image) {
		return base.link("/images/products/" + image.getFileName() + "?w=1200");
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
