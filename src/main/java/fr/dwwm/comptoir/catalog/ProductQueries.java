package fr.dwwm.comptoir.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Product lists, facets and French full-text search, in hand-written SQL: filters, facets
 * and ranking are where SQL is the better tool, and one statement returns a whole page
 * with its first images and the total count.
 *
 * <p>
 * Every value from the visitor is a bound parameter; the only SQL built from input is the
 * {@code ORDER BY} of a {@link ProductSort}, taken from an allow-list.
 */
@Repository
public class ProductQueries {

	/** Similarity from which a word of the catalog is proposed for a mistyped one. */
	static final double SUGGESTION_THRESHOLD = 0.3;

	/** Marks the start and end of a matched term in a headline; never found in text. */
	static final char MATCH_START = '\u0002';

	static final char MATCH_END = '\u0003';

	private static final String HEADLINE_OPTIONS = "StartSel=" + MATCH_START + ", StopSel=" + MATCH_END
			+ ", HighlightAll=true";

	private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final String CARD_COLUMNS = """
			p.id, p.slug, p.name, p.summary, p.price_cents, p.vat_rate, p.stock,
			(SELECT count(DISTINCT v.price_cents) > 1 FROM product_variant v
			 WHERE v.product_id = p.id AND v.active) AS price_from,
			img.id AS image_id, img.file_name, img.alt_text, img.width, img.height,
			count(*) OVER () AS total""";

	private static final String FIRST_IMAGE = """
			LEFT JOIN LATERAL (
			    SELECT i.id, i.file_name, i.alt_text, i.width, i.height
			    FROM product_image i
			    WHERE i.product_id = p.id AND i.variant_id IS NULL
			    ORDER BY i.position, i.id
			    LIMIT 1) img ON true""";

	/** The ids of a category and of all its descendants. */
	private static final String SUBTREE = """
			subtree(id) AS (
			    SELECT id FROM category WHERE id = :categoryId
			    UNION ALL
			    SELECT c.id FROM category c JOIN subtree s ON c.parent_id = s.id)""";

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

	/**
	 * Lists the variants of published products running out, for the back-office.
	 * @param threshold stock at or below which a variant is listed
	 * @param limit how many
	 * @return the products, lowest stock first
	 */
	@Transactional(readOnly = true)
	public List<LowStock> lowStock(int threshold, int limit) {
		return this.jdbc.sql("""
				SELECT p.id, p.name || coalesce(' — ' || variant_label(v.id), '') AS name, v.sku, v.stock
				FROM product_variant v JOIN product p ON p.id = v.product_id
				WHERE p.active AND v.active AND v.stock <= :threshold
				ORDER BY v.stock, p.name, v.position, v.id LIMIT :limit""")
			.param("threshold", threshold)
			.param("limit", limit)
			.query((row, number) -> new LowStock(row.getLong("id"), row.getString("name"), row.getString("sku"),
					row.getInt("stock")))
			.list();
	}

	/**
	 * A product running out.
	 *
	 * @param id its id
	 * @param name its name
	 * @param sku its reference
	 * @param stock units left
	 */
	public record LowStock(long id, String name, String sku, int stock) {
	}

	/**
	 * Counts, for the products a filter matches before its attribute and price criteria,
	 * how many have each value of the given attributes, and their price range: what the
	 * listing offers to narrow the list down.
	 * @param filter the current filter
	 * @param attributeNames the attributes offered as facets, in display order
	 * @return the facets
	 */
	@Transactional(readOnly = true)
	public Facets facets(ProductFilter filter, List<String> attributeNames) {
		Map<String, Object> parameters = new HashMap<>();
		StringBuilder sql = new StringBuilder("WITH RECURSIVE ");
		if (filter.categoryId() != null) {
			sql.append(SUBTREE).append(",\n");
			parameters.put("categoryId", filter.categoryId());
		}
		sql.append("matching AS (\n    SELECT p.id, p.price_cents, p.attributes FROM product p WHERE p.active");
		appendConditions(filter, sql, parameters, false);
		sql.append(")\n").append("""
				SELECT a.name, a.value, count(DISTINCT m.id) AS products
				FROM matching m
				CROSS JOIN LATERAL (
				    SELECT key AS name, value FROM jsonb_each_text(m.attributes)
				    UNION ALL
				    SELECT t.name, ov.label
				    FROM product_variant v
				    JOIN variant_option_value vo ON vo.variant_id = v.id
				    JOIN option_value ov ON ov.id = vo.option_value_id
				    JOIN option_type t ON t.id = vo.option_type_id
				    WHERE v.product_id = m.id AND v.active) a
				WHERE a.name IN (:attributeNames)
				GROUP BY a.name, a.value
				UNION ALL
				SELECT '', 'min', coalesce(min(price_cents), 0) FROM matching
				UNION ALL
				SELECT '', 'max', coalesce(max(price_cents), 0) FROM matching""");
		parameters.put("attributeNames", attributeNames.isEmpty() ? List.of("") : attributeNames);
		String query = sql.toString();
		Map<String, List<Facets.Value>> values = new LinkedHashMap<>();
		attributeNames.forEach((name) -> values.put(name, new ArrayList<>()));
		int[] prices = { 0, 0 };
		this.jdbc.sql(query).params(parameters).query((row) -> {
			String name = row.getString("name");
			if (name.isEmpty()) {
				prices["min".equals(row.getString("value")) ? 0 : 1] = row.getInt("products");
			}
			else {
				values.get(name).add(new Facets.Value(row.getString("value"), row.getInt("products")));
			}
		});
		values.values().forEach((list) -> list.sort(Facets.Value.BY_TEXT));
		values.values().removeIf(List::isEmpty);
		return new Facets(values, prices[0], prices[1]);
	}

	/**
	 * Finds where a product on sale moved from one of its former addresses.
	 * @param formerSlug an address the product had before
	 * @return its current slug; empty if no product had it, or if it is not on sale (a
	 * hidden product's new address is never revealed)
	 */
	@Transactional(readOnly = true)
	public Optional<String> movedTo(String formerSlug) {
		return this.jdbc.sql("""
				SELECT p.slug FROM product_former_slug f JOIN product p ON p.id = f.product_id
				WHERE f.slug = :slug AND p.active""").param("slug", formerSlug).query(String.class).optional();
	}

	/**
	 * Returns every published product's slug and last change, for the sitemap.
	 * @return slug and update time, by slug
	 */
	@Transactional(readOnly = true)
	public List<PublishedProduct> published() {
		return this.jdbc.sql("SELECT slug, updated_at FROM product WHERE active ORDER BY slug")
			.query((row, number) -> new PublishedProduct(row.getString("slug"),
					row.getTimestamp("updated_at").toInstant()))
			.list();
	}

	/**
	 * A published product as the sitemap lists it.
	 *
	 * @param slug URL segment
	 * @param updatedAt last change
	 */
	public record PublishedProduct(String slug, java.time.Instant updatedAt) {

	}

	private ProductPage findExactly(ProductFilter filter) {
		Map<String, Object> parameters = new HashMap<>();
		StringBuilder sql = new StringBuilder();
		appendSubtree(filter, sql, parameters);
		sql.append("SELECT ").append(CARD_COLUMNS);
		if (filter.text() != null) {
			sql.append(", ts_rank_cd(p.search_vector, websearch_to_tsquery('comptoir_french', :text)) AS rank");
			sql.append(", ts_headline('comptoir_french', p.name, websearch_to_tsquery('comptoir_french', :text), ")
				.append(":headlineOptions) AS headline");
			parameters.put("headlineOptions", HEADLINE_OPTIONS);
		}
		else {
			sql.append(", 0 AS rank, NULL AS headline");
		}
		sql.append("\nFROM product p\n").append(FIRST_IMAGE).append("\nWHERE p.active");
		appendConditions(filter, sql, parameters, true);
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
			total[0] = findExactly(filter.withPage(0, 1)).total();
		}
		return new ProductPage(items, total[0], filter.page(), filter.size(), null);
	}

	private static void appendSubtree(ProductFilter filter, StringBuilder sql, Map<String, Object> parameters) {
		if (filter.categoryId() != null) {
			sql.append("WITH RECURSIVE ").append(SUBTREE).append('\n');
			parameters.put("categoryId", filter.categoryId());
		}
	}

	private static void appendConditions(ProductFilter filter, StringBuilder sql, Map<String, Object> parameters,
			boolean withAttributesAndPrices) {
		if (filter.text() != null) {
			sql.append("\n  AND p.search_vector @@ websearch_to_tsquery('comptoir_french', :text)");
			parameters.put("text", filter.text());
		}
		if (filter.categoryId() != null) {
			sql.append("\n  AND p.category_id IN (SELECT id FROM subtree)");
		}
		if (filter.inStockOnly()) {
			sql.append("\n  AND p.stock > 0");
		}
		if (filter.featuredOnly()) {
			sql.append("\n  AND p.featured");
		}
		if (!withAttributesAndPrices) {
			return;
		}
		if (filter.minPriceCents() != null) {
			sql.append("\n  AND p.price_cents >= :minPrice");
			parameters.put("minPrice", filter.minPriceCents());
		}
		if (filter.maxPriceCents() != null) {
			sql.append("\n  AND p.price_cents <= :maxPrice");
			parameters.put("maxPrice", filter.maxPriceCents());
		}
		appendAttributeConditions(filter, sql, parameters);
	}

	/**
	 * One condition per attribute name, any of its values matching. A product has a value
	 * either as a fixed characteristic, a JSONB containment ({@code @>}) the GIN index on
	 * {@code attributes} serves, or through one of its active variants (« 450 g »).
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
				alternatives.add("EXISTS (SELECT 1 FROM product_variant v"
						+ " JOIN variant_option_value vo ON vo.variant_id = v.id"
						+ " JOIN option_value ov ON ov.id = vo.option_value_id"
						+ " JOIN option_type t ON t.id = vo.option_type_id WHERE v.product_id = p.id AND v.active"
						+ " AND t.name = :attrName" + name + " AND ov.label = :" + key + ")");
				parameters.put(key, wanted);
			}
			parameters.put("attrName" + name, attribute.getKey());
			sql.append("\n  AND (").append(String.join(" OR ", alternatives)).append(')');
			name++;
		}
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
				row.getString("summary"), row.getInt("price_cents"), row.getBoolean("price_from"),
				row.getBigDecimal("vat_rate"), row.getInt("stock"), image,
				Highlight.segments(row.getString("headline"), row.getString("name")));
	}

}
