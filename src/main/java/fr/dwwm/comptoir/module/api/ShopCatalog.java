package fr.dwwm.comptoir.module.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a module may read of the catalog: published products, as cards.
 */
public interface ShopCatalog {

	/**
	 * The products marked as featured, in stock first.
	 * @param limit how many at most
	 * @param locale the language of prices and names
	 * @return the products
	 */
	List<ProductTeaser> featured(int limit, Locale locale);

	/**
	 * A published product.
	 * @param productId its id
	 * @param locale the language of its price
	 * @return the product, if published
	 */
	Optional<ProductTeaser> product(long productId, Locale locale);

	/**
	 * A product as a card.
	 *
	 * @param id its id
	 * @param name its name
	 * @param url its page, site-relative
	 * @param price its price, formatted for the locale ("12,50 €")
	 * @param imageUrl its first picture, site-relative, or {@code null}
	 * @param imageAlt the picture's text alternative
	 */
	record ProductTeaser(long id, String name, String url, String price, String imageUrl, String imageAlt) {

	}

}
