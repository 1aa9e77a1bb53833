package fr.dwwm.comptoir.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Product lists and French full-text search, in hand-written SQL: filters, facets and
 * ranking are where SQL is the better tool, and one statement returns a whole page with
 * its first images and the total count.
 *
 * <p>
 * Every value from the visitor is a bound parameter; the only SQL built from input is the
 * {@code ORDER BY} of a {@link ProductSort}, taken from an allow-list.
 */
@Repository
public class ProductQueries {

	/** Similarity from which a word of the catalog is proposed for a mistyped one. */
	static final double SUGGESTION_THRESHOLD = 0.3;

	private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final String CARD_COLUMNS = """
			p.id, p.slug, p.name, p.summary, p.price_cents, p.vat_rate, p.stock,
			img.id AS image_id, img.file_name, img.alt_text, img.width, img.height,
			count(*) OVER () AS total""";

	private static final String FIRST_IMAGE = """
			LEFT JOIN LATERAL (
			    SELECT i.id, i.file_name, i.alt_text, i.width, i.height
			    FROM product_image i
			    WHERE i.product_id = p.id
			    ORDER BY i.position, i.id
			    LIMIT 1) img ON true""";

	private final JdbcClient jdbc;

	ProductQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Lists the published products matching a filter. When a search text finds nothing,
	 * the closest spelling found in the catalog is tried ("figes" → "figues") and
	 * reported in {@link ProductPage#correctedText()}.
	 * @param filter what to list
	 * @return one page of products
	 */
	@Transactional(readOnly = true)
	public ProductPage find(ProductFilter filter) {
		ProductPage page = findExactly(filter);
		if (page.isEmpty() && filter.text() != null) {
			Optional<String> corrected = correctSpelling(filter.text());
			if (corrected.isPresent()) {
				ProductPage retried = findExactly(filter.withText(corrected.get()));
				if (!retried.isEmpty()) {
					return new ProductPage(retried.items(), retried.total(), retried.page(), retried.size(),
							corrected.get());
				}
			}
		}
		return page;
	}

	private ProductPage findExactly(ProductFilter filter) {
		Map<String, Object> parameters = new HashMap<>();
		StringBuilder sql = new StringBuilder();
		if (filter.categoryId() != null) {
			sql.append("""
					WITH RECURSIVE subtree(id) AS (
					    SELECT id FROM category WHERE id = :categoryId
					    UNION ALL
					    SELECT c.id FROM category c JOIN subtree s ON c.parent_id = s.id)
					""");
			parameters.put("categoryId", filter.categoryId());
		}
		sql.append("SELECT ").append(CARD_COLUMNS);
		if (filter.text() != null) {
			sql.append(", ts_rank_cd(p.search_vector, websearch_to_tsquery('comptoir_french', :text)) AS rank");
			parameters.put("text", filter.text());
		}
		else {
			sql.append(", 0 AS rank");
		}
		sql.append("\nFROM product p\n").append(FIRST_IMAGE).append("\nWHERE p.active");
		if (filter.text() != null) {
			sql.append("\n  AND p.search_vector @@ websearch_to_tsquery('comptoir_french', :text)");
		}
		if (filter.categoryId() != null) {
			sql.append("\n  AND p.category_id IN (SELECT id FROM subtree)");
		}
		if (filter.minPriceCents() != null) {
			sql.append("\n  AND p.price_cents >= :minPrice");
			parameters.put("minPrice", filter.minPriceCents());
		}
		if (filter.maxPriceCents() != null) {
			sql.append("\n  AND p.price_cents <= :maxPrice");
			parameters.put("maxPrice", filter.maxPriceCents());
		}
		if (filter.inStockOnly()) {
			sql.append("\n  AND p.stock > 0");
		}
		appendAttributeConditions(filter, sql, parameters);
		sql.append("\nORDER BY ").append(filter.sort().orderBy());
		sql.append("\nLIMIT :limit OFFSET :offset");
		parameters.put("limit", filter.size());
		parameters.put("offset", (long) filter.page() * filter.size());

		long[] total = { 0 };
		List<ProductCard> items = this.jdbc.sql(sql.toString()).params(parameters).query((row, number) -> {
			total[0] = row.getLong("total");
			return card(row);
		}).list();
		if (items.isEmpty() && filter.page() > 0) {
			total[0] = count(filter);
		}
		return new ProductPage(items, total[0], filter.page(), filter.size(), null);
	}

	/**
	 * One condition per attribute name, any of its values matching; each test is a JSONB
	 * containment ({@code @>}), which the GIN index on {@code attributes} serves.
	 */
	private static void appendAttributeConditions(ProductFilter filter, StringBuilder sql,
			Map<String, Object> parameters) {
		int name = 0;
		for (Map.Entry<String, List<String>> attribute : filter.attributes().entrySet()) {
			if (attribute.getValue().isEmpty()) {
				continue;
			}
			List<String> alternatives = new ArrayList<>();
			int value = 0;
			for (String wanted : attribute.getValue()) {
				String key = "attr" + name + "_" + value++;
				alternatives.add("p.attributes @> jsonb_build_object(CAST(:attrName" + name + " AS text), CAST(:" + key
						+ " AS text))");
				parameters.put(key, wanted);
			}
			parameters.put("attrName" + name, attribute.getKey());
			sql.append("\n  AND (").append(String.join(" OR ", alternatives)).append(')');
			name++;
		}
	}

	private long count(ProductFilter filter) {
		ProductPage first = findExactly(new ProductFilter(filter.text(), filter.categoryId(), filter.minPriceCents(),
				filter.maxPriceCents(), filter.inStockOnly(), filter.attributes(), filter.sort(), 0, 1));
		return first.total();
	}

	/**
	 * Replaces each word of a search that the catalog does not know by the most similar
	 * word of a product name (trigram similarity, accents and case ignored).
	 * @param text what the visitor typed
	 * @return the corrected text, when at least one word changed
	 */
	Optional<String> correctSpelling(String text) {
		List<String> corrected = new ArrayList<>();
		boolean changed = false;
		for (String word : WORDS.split(text.toLowerCase(Locale.FRENCH))) {
			if (word.isBlank()) {
				continue;
			}
			Optional<String> closest = (word.length() < 3) ? Optional.empty() : closestCatalogWord(word);
			if (closest.isPresent() && !closest.get().equals(word)) {
				corrected.add(closest.get());
				changed = true;
			}
			else {
				corrected.add(word);
			}
		}
		return changed ? Optional.of(String.join(" ", corrected)) : Optional.empty();
	}

	private Optional<String> closestCatalogWord(String word) {
		return this.jdbc.sql("""
				SELECT word
				FROM (SELECT DISTINCT regexp_split_to_table(immutable_unaccent(lower(name)), '[^a-z0-9]+') AS word
				      FROM product WHERE active) lexicon
				WHERE length(word) >= 3 AND similarity(word, immutable_unaccent(:word)) >= :threshold
				ORDER BY word = immutable_unaccent(:word) DESC, similarity(word, immutable_unaccent(:word)) DESC, word
				LIMIT 1""").param("word", word).param("threshold", SUGGESTION_THRESHOLD).query(String.class).optional();
	}

	private static ProductCard card(ResultSet row) throws SQLException {
		long imageId = row.getLong("image_id");
		ProductCard.ImageRef image = row.wasNull() ? null : new ProductCard.ImageRef(imageId,
				row.getString("file_name"), row.getString("alt_text"), row.getInt("width"), row.getInt("height"));
		return new ProductCard(row.getLong("id"), row.getString("slug"), row.getString("name"),
				row.getString("summary"), row.getInt("price_cents"), row.getBigDecimal("vat_rate"), row.getInt("stock"),
				image);
	}

}
