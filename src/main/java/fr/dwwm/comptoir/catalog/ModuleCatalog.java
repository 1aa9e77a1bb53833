package fr.dwwm.comptoir.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.module.api.ShopCatalog;
import fr.dwwm.comptoir.web.Money;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What modules may read of the catalog ({@link ShopCatalog}): published products as
 * cards, prices formatted for the visitor.
 */
@Component
class ModuleCatalog implements ShopCatalog {

	private final ProductQueries queries;

	private final JdbcClient jdbc;

	private final Money money;

	private final MessageSource messages;

	ModuleCatalog(ProductQueries queries, JdbcClient jdbc, Money money, MessageSource messages) {
		this.messages = messages;
		this.queries = queries;
		this.jdbc = jdbc;
		this.money = money;
	}

	@Override
	public List<ProductTeaser> featured(int limit, Locale locale) {
		int size = Math.max(1, Math.min(limit, ProductFilter.MAX_PAGE_SIZE));
		return this.queries
			.find(new ProductFilter(null, null, null, null, true, true, Map.of(), ProductSort.RELEVANCE, 0, size))
			.items()
			.stream()
			.map((card) -> new ProductTeaser(card.id(), card.name(), "/products/" + card.slug(),
					card.priceText(this.money, this.messages, locale), imageUrl(card.image()),
					(card.image() != null) ? card.image().altText() : ""))
			.toList();
	}

	@Override
	public Optional<ProductTeaser> product(long productId, Locale locale) {
		return this.jdbc.sql("""
				SELECT p.id, p.slug, p.name, p.price_cents, i.file_name, i.alt_text
				FROM product p
				LEFT JOIN LATERAL (SELECT file_name, alt_text FROM product_image
				                   WHERE product_id = p.id ORDER BY position, id LIMIT 1) i ON true
				WHERE p.id = :id AND p.active""")
			.param("id", productId)
			.query((row, number) -> new ProductTeaser(row.getLong("id"), row.getString("name"),
					"/products/" + row.getString("slug"), this.money.format(row.getLong("price_cents")),
					(row.getString("file_name") != null) ? "/images/products/" + row.getString("file_name") + "?w=320"
							: null,
					(row.getString("alt_text") != null) ? row.getString("alt_text") : ""))
			.optional();
	}

	private static String imageUrl(ProductCard.ImageRef image) {
		return (image != null) ? "/images/products/" + image.fileName() + "?w=320" : null;
	}

}
