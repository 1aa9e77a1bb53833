package fr.dwwm.comptoir.catalog;

import fr.dwwm.comptoir.web.TypedEuros;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.dwwm.comptoir.web.CsvFormat;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Products in and out of a spreadsheet: a CSV file in the French way (semicolons, decimal
 * commas, UTF-8), one variant (« déclinaison ») per line: the product's columns, then the
 * variant's reference and options ({@code Contenance=450 g}, several separated by
 * {@code |}). A product sold in one variant without options is one line, whose variant
 * reference may be left empty (it is then the product's); a file with the ten columns of
 * the version before variants is still read that way.
 *
 * <p>
 * Cells are written and read by {@link CsvFormat}: a text that a spreadsheet would run as
 * a formula ({@code =}, {@code +}, {@code -}, {@code @}...) is exported with a protective
 * quote, which the import removes, so that an exported file imported again gives back
 * exactly the same values.
 *
 * <p>
 * An import is all or nothing: every line is checked first, and if a single one is wrong
 * the report names each wrong line and nothing is written. A valid file is then written
 * in one transaction, with batched statements: an existing reference is updated, a new
 * one created, and every change of stock is written down by {@link Stock}
 * ({@code IMPORT}). The options of an existing variant are not changed by an import (the
 * back office does it); a new variant gets the options of its line, which must exist.
 */
@Service
public class ProductCsv {

	/** The columns, in order; the first line of a file must name them. */
	public static final List<String> COLUMNS = List.of("sku", "name", "slug", "category", "price", "vat", "stock",
			"active", "summary", "description", "variant_sku", "options");

	/** The columns of a file made before variants: one line per product. */
	static final List<String> PRODUCT_COLUMNS = COLUMNS.subList(0, 10);

	/** Most lines accepted in one file. */
	public static final int MAX_LINES = 20_000;

	private static final Pattern SKU = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern PRICE = Pattern.compile("[0-9]{1,7}([.,][0-9]{1,2})?");

	private static final Map<String, BigDecimal> VAT = Map.of("5,5", new BigDecimal("5.50"), "5.5",
			new BigDecimal("5.50"), "20", new BigDecimal("20.00"), "20,0", new BigDecimal("20.00"), "2,1",
			new BigDecimal("2.10"), "10", new BigDecimal("10.00"));

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final Stock stock;

	ProductCsv(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Stock stock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.stock = stock;
	}

	/**
	 * Writes every variant of every product, active or not, ordered by product SKU.
	 * @param out where to write
	 */
	@Transactional(readOnly = true)
	public void export(Writer out) {
		try {
			out.write(String.join(";", COLUMNS));
			out.write("\r\n");
			for (Map<String, Object> row : this.jdbc.sql("""
					SELECT p.sku, p.name, p.slug, c.slug AS category, v.price_cents, p.vat_rate, v.stock, p.active,
					       p.summary, p.description, v.sku AS variant_sku,
					       (SELECT string_agg(t.name || '=' || ov.label, '|' ORDER BY t.position, t.id)
					        FROM variant_option_value vo
					        JOIN option_value ov ON ov.id = vo.option_value_id
					        JOIN option_type t ON t.id = vo.option_type_id
					        WHERE vo.variant_id = v.id) AS options
					FROM product p JOIN category c ON c.id = p.category_id
					JOIN product_variant v ON v.product_id = p.id
					ORDER BY p.sku, v.position, v.id""").query().listOfRows()) {
				List<String> cells = List.of((String) row.get("sku"), (String) row.get("name"),
						(String) row.get("slug"), (String) row.get("category"),
						BigDecimal.valueOf(((Number) row.get("price_cents")).longValue(), 2)
							.toPlainString()
							.replace('.', ','),
						((BigDecimal) row.get("vat_rate")).stripTrailingZeros().toPlainString().replace('.', ','),
						String.valueOf(row.get("stock")), Boolean.TRUE.equals(row.get("active")) ? "oui" : "non",
						(String) row.get("summary"), (String) row.get("description"), (String) row.get("variant_sku"),
						Objects.toString(row.get("options"), ""));
				out.write(CsvFormat.line(cells));
				out.write("\r\n");
			}
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Checks a file and, if every line is valid, writes it.
	 * @param in the file, UTF-8
	 * @return the report: lines read, variants created and updated, or the errors
	 */
	@Transactional
	public Report importAll(Reader in) {
		List<List<String>> records;
		try {
			records = CsvFormat.parse(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Error> errors = new ArrayList<>();
		List<String> header = records.isEmpty() ? List.of() : normaliseHeader(records.get(0));
		if (!header.equals(COLUMNS) && !header.equals(PRODUCT_COLUMNS)) {
			errors.add(new Error(1, "csv.error.header", String.join(";", COLUMNS)));
			return new Report(Math.max(0, records.size() - 1), 0, 0, errors);
		}
		if (records.size() - 1 > MAX_LINES) {
			errors.add(new Error(0, "csv.error.too-many", MAX_LINES));
			return new Report(records.size() - 1, 0, 0, errors);
		}
		Catalogue catalogue = catalogue();
		List<Line> lines = new ArrayList<>();
		Set<String> variantSkus = new HashSet<>();
		Map<String, Line> firstOfProduct = new HashMap<>();
		Map<String, String> slugsInFile = new HashMap<>();
		Map<String, Set<String>> combinationsInFile = new HashMap<>();
		for (int i = 1; i < records.size(); i++) {
			int number = i + 1;
			List<String> cells = records.get(i);
			if (cells.size() == 1 && cells.get(0).isBlank()) {
				continue;
			}
			Line line = check(number, cells, header.size(), catalogue, errors);
			if (line == null) {
				continue;
			}
			if (!variantSkus.add(line.variantSku())) {
				errors.add(new Error(number, "csv.error.duplicate-sku", line.variantSku()));
				continue;
			}
			Line first = firstOfProduct.putIfAbsent(line.sku(), line);
			if (first != null && !first.sameProduct(line)) {
				errors.add(new Error(number, "csv.error.product-differs", line.sku(), first.number()));
				continue;
			}
			String owner = catalogue.slugOwners().get(line.slug());
			String inFile = slugsInFile.putIfAbsent(line.slug(), line.sku());
			if ((owner != null && !owner.equals(line.sku())) || (inFile != null && !inFile.equals(line.sku()))) {
				errors.add(new Error(number, "csv.error.slug-taken", line.slug()));
				continue;
			}
			Catalogue.Variant existing = catalogue.variants().get(line.variantSku());
			if (existing != null && !existing.productSku().equals(line.sku())) {
				errors.add(new Error(number, "csv.error.variant-elsewhere", line.variantSku(), existing.productSku()));
				continue;
			}
			if (existing == null) {
				Set<String> taken = combinationsInFile.computeIfAbsent(line.sku(),
						(sku) -> new HashSet<>(catalogue.combinations().getOrDefault(sku, Set.of())));
				if (!taken.add(line.combination())) {
					errors.add(new Error(number,
							line.combination().isEmpty() ? "csv.error.options-required" : "csv.error.combination-taken",
							line.variantSku()));
					continue;
				}
			}
			lines.add(line);
		}
		if (!errors.isEmpty()) {
			return new Report(records.size() - 1, 0, 0, errors);
		}
		write(lines, catalogue);
		int updated = (int) lines.stream()
			.filter((line) -> catalogue.variants().containsKey(line.variantSku()))
			.count();
		return new Report(lines.size(), lines.size() - updated, updated, List.of());
	}

	private Catalogue catalogue() {
		Map<String, Long> categories = new HashMap<>();
		this.jdbc.sql("SELECT slug, id FROM category")
			.query((RowCallbackHandler) (row) -> categories.put(row.getString("slug"), row.getLong("id")));
		Map<String, String> slugOwners = new HashMap<>();
		this.jdbc.sql("SELECT sku, slug FROM product")
			.query((RowCallbackHandler) (row) -> slugOwners.put(row.getString("slug"), row.getString("sku")));
		Map<String, Catalogue.Variant> variants = new HashMap<>();
		Map<String, Set<String>> combinations = new HashMap<>();
		this.jdbc.sql("""
				SELECT v.sku, p.sku AS product_sku, v.stock, v.combination
				FROM product_variant v JOIN product p ON p.id = v.product_id""").query((RowCallbackHandler) (row) -> {
			variants.put(row.getString("sku"),
					new Catalogue.Variant(row.getString("product_sku"), row.getInt("stock")));
			combinations.computeIfAbsent(row.getString("product_sku"), (sku) -> new HashSet<>())
				.add(row.getString("combination"));
		});
		Map<String, Long> values = new HashMap<>();
		this.jdbc.sql("""
				SELECT lower(t.name) || '=' || lower(v.label) AS option, v.id
				FROM option_value v JOIN option_type t ON t.id = v.option_type_id""")
			.query((RowCallbackHandler) (row) -> values.put(row.getString("option"), row.getLong("id")));
		return new Catalogue(categories, slugOwners, variants, combinations, values);
	}

	private void write(List<Line> lines, Catalogue catalogue) {
		// The products: one row each, from their first line; a new product's price is a
		// placeholder the database replaces at once by its variants' lowest.
		Map<String, Line> products = new LinkedHashMap<>();
		lines.forEach((line) -> products.putIfAbsent(line.sku(), line));
		this.batch.batchUpdate("""
				INSERT INTO product (sku, name, slug, category_id, price_cents, vat_rate, active, summary, description)
				VALUES (:sku, :name, :slug, :category, :price, :vat, :active, :summary, :description)
				ON CONFLICT (sku) DO UPDATE SET name = excluded.name, slug = excluded.slug,
				    category_id = excluded.category_id, vat_rate = excluded.vat_rate, active = excluded.active,
				    summary = excluded.summary, description = excluded.description, version = product.version + 1""",
				products.values()
					.stream()
					.map((line) -> new MapSqlParameterSource().addValue("sku", line.sku())
						.addValue("name", line.name())
						.addValue("slug", line.slug())
						.addValue("category", line.categoryId())
						.addValue("price", line.priceCents())
						.addValue("vat", line.vatRate())
						.addValue("active", line.active())
						.addValue("summary", line.summary())
						.addValue("description", line.description()))
					.toArray(SqlParameterSource[]::new));
		this.batch.batchUpdate("""
				INSERT INTO product_variant (product_id, sku, price_cents, stock, position)
				SELECT id, :variantSku, :price, :stock, :position FROM product WHERE sku = :sku
				ON CONFLICT (sku) DO UPDATE SET price_cents = excluded.price_cents, stock = excluded.stock,
				    version = product_variant.version + 1""",
				lines.stream()
					.map((line) -> new MapSqlParameterSource().addValue("sku", line.sku())
						.addValue("variantSku", line.variantSku())
						.addValue("price", line.priceCents())
						.addValue("stock", line.stock())
						.addValue("position", line.number()))
					.toArray(SqlParameterSource[]::new));
		this.batch.batchUpdate("""
				INSERT INTO variant_option_value (variant_id, option_type_id, option_value_id)
				SELECT v.id, o.option_type_id, o.id FROM product_variant v, option_value o
				WHERE v.sku = :variantSku AND o.id = :value""",
				lines.stream()
					.filter((line) -> !catalogue.variants().containsKey(line.variantSku()))
					.flatMap((line) -> line.optionValueIds()
						.stream()
						.map((value) -> new MapSqlParameterSource().addValue("variantSku", line.variantSku())
							.addValue("value", value)))
					.toArray(SqlParameterSource[]::new));
		this.stock.imported(lines.stream()
			.filter((line) -> line.stock() != stockBefore(catalogue, line))
			.map((line) -> new Stock.Imported(line.variantSku(), line.stock() - stockBefore(catalogue, line),
					line.stock()))
			.toList());
	}

	private static int stockBefore(Catalogue catalogue, Line line) {
		Catalogue.Variant variant = catalogue.variants().get(line.variantSku());
		return (variant != null) ? variant.stock() : 0;
	}

	private static Line check(int number, List<String> cells, int columns, Catalogue catalogue, List<Error> errors) {
		if (cells.size() != columns) {
			errors.add(new Error(number, "csv.error.columns", cells.size(), columns));
			return null;
		}
		Map<String, String> value = new HashMap<>();
		for (int c = 0; c < COLUMNS.size(); c++) {
			value.put(COLUMNS.get(c), (c < columns) ? CsvFormat.value(cells.get(c).strip()) : "");
		}
		int before = errors.size();
		for (String required : List.of("sku", "name", "slug", "category", "price", "vat", "stock", "summary",
				"description")) {
			if (value.get(required).isEmpty()) {
				errors.add(new Error(number, "csv.error.required", required));
			}
		}
		if (errors.size() > before) {
			return null;
		}
		String sku = value.get("sku").toUpperCase(Locale.ROOT);
		if (!SKU.matcher(sku).matches() || sku.length() > 32) {
			errors.add(new Error(number, "csv.error.sku", value.get("sku")));
		}
		String variantSku = value.get("variant_sku").isEmpty() ? sku
				: value.get("variant_sku").toUpperCase(Locale.ROOT);
		if (!SKU.matcher(variantSku).matches() || variantSku.length() > 32) {
			errors.add(new Error(number, "csv.error.sku", value.get("variant_sku")));
		}
		if (!SLUG.matcher(value.get("slug")).matches() || value.get("slug").length() > 160) {
			errors.add(new Error(number, "csv.error.slug", value.get("slug")));
		}
		if (value.get("name").length() > 150 || value.get("summary").length() > 300
				|| value.get("description").length() > 10_000) {
			errors.add(new Error(number, "csv.error.too-long"));
		}
		Long category = catalogue.categories().get(value.get("category"));
		if (category == null) {
			errors.add(new Error(number, "csv.error.category", value.get("category")));
		}
		if (!PRICE.matcher(value.get("price")).matches()) {
			errors.add(new Error(number, "csv.error.price", value.get("price")));
		}
		BigDecimal vat = VAT.get(value.get("vat"));
		if (vat == null) {
			errors.add(new Error(number, "csv.error.vat", value.get("vat")));
		}
		if (!value.get("stock").matches("[0-9]{1,6}")) {
			errors.add(new Error(number, "csv.error.stock", value.get("stock")));
		}
		String active = value.get("active").toLowerCase(Locale.ROOT);
		if (!List.of("oui", "non", "true", "false", "1", "0", "").contains(active)) {
			errors.add(new Error(number, "csv.error.active", value.get("active")));
		}
		List<Long> options = new ArrayList<>();
		Set<String> types = new HashSet<>();
		for (String option : value.get("options").isEmpty() ? new String[0] : value.get("options").split("\\|")) {
			String[] parts = option.split("=", 2);
			Long id = (parts.length == 2) ? catalogue.optionValues()
				.get(parts[0].strip().toLowerCase(Locale.ROOT) + "=" + parts[1].strip().toLowerCase(Locale.ROOT))
					: null;
			if (id == null || !types.add(parts[0].strip().toLowerCase(Locale.ROOT))) {
				errors.add(new Error(number, "csv.error.option", option.strip()));
			}
			else {
				options.add(id);
			}
		}
		if (errors.size() > before) {
			return null;
		}
		long cents = TypedEuros.cents(value.get("price"));
		return new Line(number, sku, value.get("name"), value.get("slug"), category, cents, vat,
				Integer.parseInt(value.get("stock")), List.of("oui", "true", "1").contains(active),
				value.get("summary"), value.get("description"), variantSku, List.copyOf(options));
	}

	private static List<String> normaliseHeader(List<String> header) {
		List<String> names = new ArrayList<>();
		for (String name : header) {
			names.add(name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
		}
		return names;
	}

	/**
	 * What an import checks a file against, read once before its first line.
	 *
	 * @param categories category ids by slug
	 * @param slugOwners the SKU of the product at each slug
	 * @param variants the variants by SKU
	 * @param combinations the option combinations each product (by SKU) already has
	 * @param optionValues option value ids by {@code type=value}, in lower case
	 */
	private record Catalogue(Map<String, Long> categories, Map<String, String> slugOwners,
			Map<String, Variant> variants, Map<String, Set<String>> combinations, Map<String, Long> optionValues) {

		/**
		 * A variant already in the catalogue.
		 *
		 * @param productSku its product's SKU
		 * @param stock its stock before the import
		 */
		record Variant(String productSku, int stock) {
		}

	}

	private record Line(int number, String sku, String name, String slug, Long categoryId, long priceCents,
			BigDecimal vatRate, int stock, boolean active, String summary, String description, String variantSku,
			List<Long> optionValueIds) {

		/** The key {@code product_variant.combination} will hold: value ids in order. */
		String combination() {
			return this.optionValueIds.stream().sorted().map(String::valueOf).collect(Collectors.joining("-"));
		}

		/**
		 * Whether two lines say the same of their product (they describe two of its
		 * variants).
		 */
		boolean sameProduct(Line other) {
			return this.name.equals(other.name) && this.slug.equals(other.slug)
					&& this.categoryId.equals(other.categoryId) && this.vatRate.compareTo(other.vatRate) == 0
					&& this.active == other.active && this.summary.equals(other.summary)
					&& this.description.equals(other.description);
		}

	}

	/**
	 * What an import did, or why it did nothing.
	 *
	 * @param lines lines read (after the header)
	 * @param created variants created (with their product when it is new)
	 * @param updated variants updated
	 * @param errors the wrong lines; when not empty, nothing was written
	 */
	public record Report(int lines, int created, int updated, List<Error> errors) {

		/**
		 * Tells whether the file was written.
		 * @return whether there was no error
		 */
		public boolean imported() {
			return this.errors.isEmpty();
		}

	}

	/**
	 * One problem in a file.
	 *
	 * @param line the line number in the file (the header is line 1)
	 * @param messageKey the message explaining it
	 * @param arguments the message's arguments
	 */
	public record Error(int line, String messageKey, Object... arguments) {
	}

}
