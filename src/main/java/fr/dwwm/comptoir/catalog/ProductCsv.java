package fr.dwwm.comptoir.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.dwwm.comptoir.web.CsvFormat;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Products in and out of a spreadsheet: a CSV file in the French way (semicolons, decimal
 * commas, UTF-8), one product per line, identified by its SKU.
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
 * in one transaction, with batched statements: an existing SKU is updated, a new one
 * created, and every change of stock is written down by {@link Stock} ({@code IMPORT}).
 */
@Service
public class ProductCsv {

	/** The columns, in order; the first line of a file must name them. */
	public static final List<String> COLUMNS = List.of("sku", "name", "slug", "category", "price", "vat", "stock",
			"active", "summary", "description");

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
	 * Writes every product, active or not, ordered by SKU.
	 * @param out where to write
	 */
	@Transactional(readOnly = true)
	public void export(Writer out) {
		try {
			out.write(String.join(";", COLUMNS));
			out.write("\r\n");
			for (Map<String, Object> row : this.jdbc.sql("""
					SELECT p.sku, p.name, p.slug, c.slug AS category, p.price_cents, p.vat_rate, p.stock, p.active,
					       p.summary, p.description
					FROM product p JOIN category c ON c.id = p.category_id ORDER BY p.sku""").query().listOfRows()) {
				List<String> cells = List.of((String) row.get("sku"), (String) row.get("name"),
						(String) row.get("slug"), (String) row.get("category"),
						BigDecimal.valueOf(((Number) row.get("price_cents")).longValue(), 2)
							.toPlainString()
							.replace('.', ','),
						((BigDecimal) row.get("vat_rate")).stripTrailingZeros().toPlainString().replace('.', ','),
						String.valueOf(row.get("stock")), Boolean.TRUE.equals(row.get("active")) ? "oui" : "non",
						(String) row.get("summary"), (String) row.get("description"));
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
	 * @return the report: lines read, products created and updated, or the errors
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
		if (records.isEmpty() || !normaliseHeader(records.get(0)).equals(COLUMNS)) {
			errors.add(new Error(1, "csv.error.header", String.join(";", COLUMNS)));
			return new Report(Math.max(0, records.size() - 1), 0, 0, errors);
		}
		if (records.size() - 1 > MAX_LINES) {
			errors.add(new Error(0, "csv.error.too-many", MAX_LINES));
			return new Report(records.size() - 1, 0, 0, errors);
		}
		Map<String, Long> categories = new HashMap<>();
		this.jdbc.sql("SELECT slug, id FROM category")
			.query((org.springframework.jdbc.core.RowCallbackHandler) (row) -> categories.put(row.getString("slug"),
					row.getLong("id")));
		Map<String, String> slugOwners = new HashMap<>();
		Map<String, Integer> stocks = new HashMap<>();
		this.jdbc.sql("SELECT sku, slug, stock FROM product")
			.query((org.springframework.jdbc.core.RowCallbackHandler) (row) -> {
				slugOwners.put(row.getString("slug"), row.getString("sku"));
				stocks.put(row.getString("sku"), row.getInt("stock"));
			});
		List<Line> lines = new ArrayList<>();
		Set<String> skus = new HashSet<>();
		Map<String, String> slugsInFile = new HashMap<>();
		for (int i = 1; i < records.size(); i++) {
			int number = i + 1;
			List<String> cells = records.get(i);
			if (cells.size() == 1 && cells.get(0).isBlank()) {
				continue;
			}
			Line line = check(number, cells, categories, errors);
			if (line == null) {
				continue;
			}
			if (!skus.add(line.sku())) {
				errors.add(new Error(number, "csv.error.duplicate-sku", line.sku()));
				continue;
			}
			String owner = slugOwners.get(line.slug());
			String inFile = slugsInFile.putIfAbsent(line.slug(), line.sku());
			if ((owner != null && !owner.equals(line.sku())) || (inFile != null && !inFile.equals(line.sku()))) {
				errors.add(new Error(number, "csv.error.slug-taken", line.slug()));
				continue;
			}
			lines.add(line);
		}
		if (!errors.isEmpty()) {
			return new Report(records.size() - 1, 0, 0, errors);
		}
		write(lines, stocks);
		int updated = (int) lines.stream().filter((line) -> stocks.containsKey(line.sku())).count();
		return new Report(lines.size(), lines.size() - updated, updated, List.of());
	}

	private void write(List<Line> lines, Map<String, Integer> stocks) {
		SqlParameterSource[] rows = lines.stream()
			.map((line) -> new MapSqlParameterSource().addValue("sku", line.sku())
				.addValue("name", line.name())
				.addValue("slug", line.slug())
				.addValue("category", line.categoryId())
				.addValue("price", line.priceCents())
				.addValue("vat", line.vatRate())
				.addValue("stock", line.stock())
				.addValue("active", line.active())
				.addValue("summary", line.summary())
				.addValue("description", line.description()))
			.toArray(SqlParameterSource[]::new);
		this.batch.batchUpdate(
				"""
						INSERT INTO product (sku, name, slug, category_id, price_cents, vat_rate, stock, active, summary,
						                     description)
						VALUES (:sku, :name, :slug, :category, :price, :vat, :stock, :active, :summary, :description)
						ON CONFLICT (sku) DO UPDATE SET name = excluded.name, slug = excluded.slug,
						    category_id = excluded.category_id, price_cents = excluded.price_cents, vat_rate = excluded.vat_rate,
						    stock = excluded.stock, active = excluded.active, summary = excluded.summary,
						    description = excluded.description, version = product.version + 1""",
				rows);
		this.stock.imported(lines.stream()
			.filter((line) -> line.stock() != stocks.getOrDefault(line.sku(), 0))
			.map((line) -> new Stock.Imported(line.sku(), line.stock() - stocks.getOrDefault(line.sku(), 0),
					line.stock()))
			.toList());
	}

	private static Line check(int number, List<String> cells, Map<String, Long> categories, List<Error> errors) {
		if (cells.size() != COLUMNS.size()) {
			errors.add(new Error(number, "csv.error.columns", cells.size(), COLUMNS.size()));
			return null;
		}
		Map<String, String> value = new HashMap<>();
		for (int c = 0; c < COLUMNS.size(); c++) {
			value.put(COLUMNS.get(c), CsvFormat.value(cells.get(c).strip()));
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
		if (!SLUG.matcher(value.get("slug")).matches() || value.get("slug").length() > 160) {
			errors.add(new Error(number, "csv.error.slug", value.get("slug")));
		}
		if (value.get("name").length() > 150 || value.get("summary").length() > 300
				|| value.get("description").length() > 10_000) {
			errors.add(new Error(number, "csv.error.too-long"));
		}
		Long category = categories.get(value.get("category"));
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
		if (errors.size() > before) {
			return null;
		}
		long cents = new BigDecimal(value.get("price").replace(',', '.')).movePointRight(2).longValueExact();
		return new Line(sku, value.get("name"), value.get("slug"), category, cents, vat,
				Integer.parseInt(value.get("stock")), List.of("oui", "true", "1").contains(active),
				value.get("summary"), value.get("description"));
	}

	private static List<String> normaliseHeader(List<String> header) {
		List<String> names = new ArrayList<>();
		for (String name : header) {
			names.add(name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
		}
		return names;
	}

	private record Line(String sku, String name, String slug, Long categoryId, long priceCents, BigDecimal vatRate,
			int stock, boolean active, String summary, String description) {
	}

	/**
	 * What an import did, or why it did nothing.
	 *
	 * @param lines lines read (after the header)
	 * @param created products created
	 * @param updated products updated
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
