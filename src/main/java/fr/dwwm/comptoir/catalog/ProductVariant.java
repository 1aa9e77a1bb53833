package fr.dwwm.comptoir.catalog;

import java.util.List;

/**
 * A variant (« déclinaison ») of a product as the storefront offers it: one combination
 * of option values with its own reference, price and stock.
 *
 * @param id its id, the value of {@code ?variant=} on the product page
 * @param sku its reference
 * @param label its option values in the order of their types (« 450 g », « Grand · Bleu
 * »), or {@code null} for the one variant of a product without options
 * @param kinds the names of its option types (« Contenance »), or {@code null}
 * @param properties for each option value, the schema.org property of its type
 * ({@code size}, {@code color}…) or the type's name when schema.org has none
 * @param values its option values, in the same order
 * @param priceCents its price, VAT included
 * @param stock units left
 */
public record ProductVariant(long id, String sku, String label, String kinds, List<String> properties,
		List<String> values, int priceCents, int stock) {

	public ProductVariant {
		properties = List.copyOf(properties);
		values = List.copyOf(values);
	}

	/**
	 * Tells whether at least one unit can be sold now.
	 * @return whether the variant is in stock
	 */
	public boolean inStock() {
		return this.stock > 0;
	}

	/**
	 * Returns the variant a product page shows: the one asked for in its URL if it is one
	 * of the product's variants for sale, else the first in stock, else the first.
	 * @param variants the product's variants for sale, in display order
	 * @param asked the {@code variant} parameter of the URL, as typed, or {@code null}
	 * @return the variant shown, or {@code null} when the product has none for sale
	 */
	static ProductVariant choose(List<ProductVariant> variants, String asked) {
		if (asked != null) {
			for (ProductVariant variant : variants) {
				if (String.valueOf(variant.id()).equals(asked)) {
					return variant;
				}
			}
		}
		return variants.stream()
			.filter(ProductVariant::inStock)
			.findFirst()
			.orElse(variants.isEmpty() ? null : variants.get(0));
	}

}
