package fr.dwwm.comptoir.catalog;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import fr.dwwm.comptoir.system.LikePatterns;
import fr.dwwm.comptoir.system.Paged;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog as the back-office edits it: products listed with their drafts, created and
 * changed from {@link ProductForm}.
 *
 * <p>
 * A change is saved only if the product is still at the version the form was opened from
 * (optimistic locking): a second editor who saves a stale form is told so, and the first
 * one's change stays. The update is written in SQL on purpose: it never touches the
 * stock, which orders change at the same time without changing the version.
 */
@Service
class ProductAdministration {

	/** Longest slug the database accepts. */
	static final int SLUG_MAX = 160;

	/** A generated slug leaves room for a number that makes it unique. */
	private static final int SLUG_BASE_MAX = SLUG_MAX - 10;

	private static final String DEFAULT_SLUG = "produit";

	private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** No product has this id: "taken by any product". */
	private static final long NO_PRODUCT = 0;

	private final JdbcClient jdbc;

	private final CategoryAdministration categories;

	private final VariantAdministration variants;

	ProductAdministration(JdbcClient jdbc, CategoryAdministration categories, VariantAdministration variants) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.variants = variants;
	}

	/**
	 * Finds products by part of their name (accents and case ignored) or reference,
	 * published or not, in alphabetical order.
	 * @param text part of the name or SKU, or blank for all
	 * @param active only published ({@code true}) or unpublished ({@code false})
	 * products, or {@code null} for both
	 * @param page page number from 0
	 * @param size products per page
	 * @return one page of products
	 */
	@Transactional(readOnly = true)
	public Paged<Row> search(String text, Boolean active, int page, int size) {
		Map<String, Object> parameters = new HashMap<>();
		StringBuilder conditions = new StringBuilder("WHERE true");
		String pattern = likePattern(text);
		if (pattern != null) {
			conditions.append("\n  AND (immutable_unaccent(p.name) ILIKE immutable_unaccent(:pattern)")
				.append(" OR p.sku ILIKE :pattern)");
			parameters.put("pattern", pattern);
		}
		if (active != null) {
			conditions.append("\n  AND p.active = :active");
			parameters.put("active", active);
		}
		parameters.put("limit", size);
		parameters.put("offset", (long) page * size);
		long[] total = { 0 };
		List<Row> rows = this.jdbc
			.sql("SELECT p.id, p.name, p.sku, p.price_cents, p.stock, p.active, count(*) OVER () AS total\n"
					+ "FROM product p\n" + conditions + "\nORDER BY p.name COLLATE \"fr-x-icu\", p.id\n"
					+ "LIMIT :limit OFFSET :offset")
			.params(parameters)
			.query((row, number) -> {
				total[0] = row.getLong("total");
				return new Row(row.getLong("id"), row.getString("name"), row.getString("sku"),
						row.getInt("price_cents"), row.getInt("stock"), row.getBoolean("active"));
			})
			.list();
		if (rows.isEmpty() && page > 0) {
			// Past the last page: the count still tells how many pages there are.
			total[0] = this.jdbc.sql("SELECT count(*) FROM product p\n" + conditions)
				.params(parameters)
				.query(Long.class)
				.single();
		}
		return new Paged<>(rows, total[0], page, size);
	}

	/**
	 * Reads a product to edit it.
	 * @param id the product
	 * @return the product as stored, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Details> find(long id) {
		return this.jdbc.sql("""
				SELECT id, category_id, sku, name, slug, summary, description, price_cents, vat_rate, stock, active,
				       version, updated_at
				FROM product WHERE id = :id""")
			.param("id", id)
			.query((row, number) -> new Details(row.getLong("id"), row.getLong("category_id"), row.getString("sku"),
					row.getString("name"), row.getString("slug"), row.getString("summary"),
					row.getString("description"), row.getInt("price_cents"), row.getBigDecimal("vat_rate"),
					row.getInt("stock"), row.getBoolean("active"), row.getInt("version"),
					row.getTimestamp("updated_at").toInstant()))
			.optional();
	}

	/**
	 * Lists every category a product may be put in, hidden ones included, in the order of
	 * the tree: each after its parent, named with its path.
	 * @return the categories
	 */
	@Transactional(readOnly = true)
	public List<CategoryChoice> categories() {
		// The tree comes depth first from CategoryAdministration: a category's path and
		// visibility are those of the last category seen one level up.
		List<String> labels = new ArrayList<>();
		List<Boolean> visible = new ArrayList<>();
		List<CategoryChoice> choices = new ArrayList<>();
		for (CategoryAdministration.Row row : this.categories.all()) {
			String label = (row.depth() == 0) ? row.name() : labels.get(row.depth() - 1) + " \u203a " + row.name();
			boolean active = row.active() && (row.depth() == 0 || visible.get(row.depth() - 1));
			set(labels, row.depth(), label);
			set(visible, row.depth(), active);
			choices.add(new CategoryChoice(row.id(), label, active));
		}
		return choices;
	}

	private static <T> void set(List<T> levels, int depth, T value) {
		if (levels.size() > depth) {
			levels.set(depth, value);
		}
		else {
			levels.add(value);
		}
	}

	/**
	 * Creates a product, with no stock: stock comes in through an adjustment. A blank
	 * slug is made from the name, with a number added if another product has it.
	 * @param form the validated form
	 * @return the new product's id
	 * @throws ProductRefusal if the SKU or the slug typed is another product's, or the
	 * category does not exist
	 */
	@Transactional
	public long create(ProductForm form) {
		return create(form, null);
	}

	/**
	 * Creates a product like {@link #create(ProductForm)}, keeping the client's
	 * idempotency key with it: the database's unique key lets one product be made per
	 * key, however often and however simultaneously it is sent. The caller looks for an
	 * earlier product with {@link #createdWith} first, and again when this refuses.
	 * @param form the validated form
	 * @param key the REST API client's idempotency key, or {@code null}
	 * @return the new product's id
	 * @throws ProductRefusal as {@link #create(ProductForm)}
	 * @throws DataIntegrityViolationException if a product was made with the key
	 * meanwhile
	 */
	@Transactional
	public long create(ProductForm form, UUID key) {
		checkCategory(form.getCategoryId());
		checkSku(form.getSku(), NO_PRODUCT);
		String slug = slug(form, NO_PRODUCT);
		try {
			long id = this.jdbc
				.sql("""
						INSERT INTO product (category_id, sku, name, slug, summary, description, price_cents, vat_rate, active,
						                     idempotency_key)
						VALUES (:category, :sku, :name, :slug, :summary, :description, :price, :vat, :active, :key)
						RETURNING id""")
				.param("key", key)
				.param("category", form.getCategoryId())
				.param("sku", form.getSku())
				.param("name", form.getName())
				.param("slug", slug)
				.param("summary", form.getSummary())
				.param("description", form.getDescription())
				.param("price", form.priceCents())
				.param("vat", form.vatRateValue())
				.param("active", form.isActive())
				.query(Long.class)
				.single();
			forgetFormerSlug(slug);
			// A new product is sold in one variant, with its reference and price; options
			// and more variants are added on its page (VariantAdministration).
			this.variants.createFirst(id, form.getSku(), form.priceCents());
			return id;
		}
		catch (DataIntegrityViolationException ex) {
			throw refusalFor(ex);
		}
	}

	/**
	 * Finds the product made with an idempotency key.
	 * @param key the REST API client's key
	 * @return the product's id, if one was made with it
	 */
	@Transactional(readOnly = true)
	public Optional<Long> createdWith(UUID key) {
		return this.jdbc.sql("SELECT id FROM product WHERE idempotency_key = :key")
			.param("key", key)
			.query(Long.class)
			.optional();
	}

	/**
	 * Saves a change to a product, publication included, if nobody changed it since the
	 * form was opened.
	 * @param id the product
	 * @param form the validated form, with the version it was opened from
	 * @throws ProductRefusal if the product changed meanwhile
	 * ({@link ProductRefusal#isStale()}, nothing is saved), or the SKU or slug is another
	 * product's, or the category does not exist
	 */
	@Transactional
	public void update(long id, ProductForm form) {
		// The row stays locked until the end of the transaction: nobody saves between
		// this check and the update.
		Optional<Current> current = this.jdbc.sql("SELECT version, slug FROM product WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((row, number) -> new Current(row.getInt("version"), row.getString("slug")))
			.optional();
		if (current.isEmpty() || form.getVersion() == null || current.get().version() != form.getVersion()) {
			throw ProductRefusal.stale();
		}
		checkCategory(form.getCategoryId());
		checkSku(form.getSku(), id);
		String slug = slug(form, id);
		int updated;
		try {
			updated = this.jdbc.sql("""
					UPDATE product
					SET category_id = :category, sku = :sku, name = :name, slug = :slug, summary = :summary,
					    description = :description, vat_rate = :vat, active = :active, version = version + 1
					WHERE id = :id AND version = :version""")
				.param("category", form.getCategoryId())
				.param("sku", form.getSku())
				.param("name", form.getName())
				.param("slug", slug)
				.param("summary", form.getSummary())
				.param("description", form.getDescription())
				.param("vat", form.vatRateValue())
				.param("active", form.isActive())
				.param("id", id)
				.param("version", form.getVersion())
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw refusalFor(ex);
		}
		if (updated == 0) {
			throw ProductRefusal.stale();
		}
		if (!slug.equals(current.get().slug())) {
			keepFormerSlug(id, current.get().slug(), slug);
		}
		// The price of the form is that of a product sold in one variant; a product with
		// several has a price per variant, changed in its variants' table.
		if (!this.variants.setOnlyPrice(id, form.priceCents())) {
			throw new ProductRefusal("price", "admin.products.price.per-variant");
		}
	}

	/**
	 * Keeps a product's former address, which then leads to its current one (a permanent
	 * redirect); the address it takes is nobody's former one any more.
	 */
	private void keepFormerSlug(long id, String formerSlug, String slug) {
		forgetFormerSlug(slug);
		this.jdbc.sql("""
				INSERT INTO product_former_slug (slug, product_id) VALUES (:slug, :id)
				ON CONFLICT (slug) DO UPDATE SET product_id = EXCLUDED.product_id, moved_at = now()""")
			.param("slug", formerSlug)
			.param("id", id)
			.update();
	}

	private void forgetFormerSlug(String slug) {
		this.jdbc.sql("DELETE FROM product_former_slug WHERE slug = :slug").param("slug", slug).update();
	}

	private record Current(int version, String slug) {

	}

	private void checkCategory(Long categoryId) {
		boolean exists = categoryId != null && this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM category WHERE id = :id)")
			.param("id", categoryId)
			.query(Boolean.class)
			.single();
		if (!exists) {
			throw new ProductRefusal("categoryId", "admin.products.category.unknown");
		}
	}

	private void checkSku(String sku, long productId) {
		boolean taken = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM product WHERE sku = :sku AND id <> :id)")
			.param("sku", sku)
			.param("id", productId)
			.query(Boolean.class)
			.single();
		if (taken) {
			throw new ProductRefusal("sku", "admin.products.sku.taken");
		}
	}

	private String slug(ProductForm form, long productId) {
		if (form.getSlug() != null && !form.getSlug().isBlank()) {
			if (slugTaken(form.getSlug(), productId)) {
				throw new ProductRefusal("slug", "admin.products.slug.taken");
			}
			return form.getSlug();
		}
		String base = slugify(form.getName());
		String candidate = base;
		for (int number = 2; slugTaken(candidate, productId); number++) {
			candidate = base + "-" + number;
		}
		return candidate;
	}

	private boolean slugTaken(String slug, long productId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM product WHERE slug = :slug AND id <> :id)")
			.param("slug", slug)
			.param("id", productId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Two editors saving the same new SKU or slug at once: the second one meets the
	 * database's unique index, and gets the same message as if it had been checked.
	 */
	private static RuntimeException refusalFor(DataIntegrityViolationException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains("product_sku_key")) {
			return new ProductRefusal("sku", "admin.products.sku.taken");
		}
		if (message.contains("product_slug_key")) {
			return new ProductRefusal("slug", "admin.products.slug.taken");
		}
		return ex;
	}

	/**
	 * Makes a URL segment from a name: {@code Confiture d'abricots de la Drôme} gives
	 * {@code confiture-d-abricots-de-la-drome}.
	 * @param name a product name
	 * @return lower-case letters without accents, digits and single dashes
	 */
	static String slugify(String name) {
		String lower = (name != null) ? name.toLowerCase(Locale.ROOT) : "";
		String ascii = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
		ascii = ascii.replace("\u0153", "oe").replace("\u00e6", "ae").replace("\u00df", "ss");
		String slug = trimDashes(NOT_SLUG.matcher(ascii).replaceAll("-"));
		if (slug.length() > SLUG_BASE_MAX) {
			slug = trimDashes(slug.substring(0, SLUG_BASE_MAX));
		}
		return slug.isEmpty() ? DEFAULT_SLUG : slug;
	}

	private static String trimDashes(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && text.charAt(start) == '-') {
			start++;
		}
		while (end > start && text.charAt(end - 1) == '-') {
			end--;
		}
		return text.substring(start, end);
	}

	/**
	 * Turns what was typed in the search field into a {@code LIKE} pattern matching it
	 * anywhere, its wildcards taken literally.
	 */
	private static String likePattern(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return LikePatterns.containing(text);
	}

	/**
	 * A product in the back-office list.
	 *
	 * @param id its id
	 * @param name its name
	 * @param sku its reference
	 * @param priceCents its price including VAT, in cents
	 * @param stock units in stock
	 * @param active whether it is published
	 */
	public record Row(long id, String name, String sku, int priceCents, int stock, boolean active) {

	}

	/**
	 * A product as stored, for its back-office page.
	 *
	 * @param id its id
	 * @param categoryId its category
	 * @param sku its reference
	 * @param name its name
	 * @param slug its URL segment
	 * @param summary its summary
	 * @param description its description
	 * @param priceCents its price including VAT, in cents
	 * @param vatRate its VAT rate in per cent
	 * @param stock units in stock
	 * @param active whether it is published
	 * @param version its version, for optimistic locking
	 * @param updatedAt its last change
	 */
	public record Details(long id, long categoryId, String sku, String name, String slug, String summary,
			String description, int priceCents, BigDecimal vatRate, int stock, boolean active, int version,
			Instant updatedAt) {

	}

	/**
	 * A category offered in the product form.
	 *
	 * @param id its id
	 * @param label its name, after its ancestors' names
	 * @param active whether shoppers see it (itself and all its ancestors active)
	 */
	public record CategoryChoice(long id, String label, boolean active) {

	}

}
