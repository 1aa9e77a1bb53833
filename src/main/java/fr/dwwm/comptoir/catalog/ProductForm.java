package fr.dwwm.comptoir.catalog;

import fr.dwwm.comptoir.web.TypedEuros;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The back-office form of a product, as the browser sends it. The rules are those of the
 * {@code product} table, checked here for clear messages next to each field; the database
 * checks them again.
 *
 * <p>
 * The price is typed in euros ({@code 12,90} or {@code 12.90}) and converted to whole
 * cents with {@link BigDecimal}, never through a floating-point number. The stock is not
 * part of the form: it only changes through {@link Stock}, which keep its history.
 * {@link #getVersion() version} is the version of the product the form was opened from,
 * so that a form saved after someone else's change is refused instead of overwriting it.
 */
class ProductForm {

	/**
	 * A price in euros: up to 999 999, with at most two decimals after a comma or a dot.
	 */
	static final String PRICE_PATTERN = "[0-9]{1,6}([.,][0-9]{1,2})?";

	/** The reduced VAT rate (food) and the standard one, as the form sends them. */
	public static final String VAT_REDUCED = "5.50";

	/** The standard VAT rate, as the form sends it. */
	public static final String VAT_STANDARD = "20.00";

	@NotBlank(message = "{validation.required}")
	@Size(max = 150, message = "{validation.too-long}")
	private String name;

	@Size(max = ProductAdministration.SLUG_MAX, message = "{validation.too-long}")
	@Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{admin.products.slug.invalid}")
	private String slug;

	@NotBlank(message = "{validation.required}")
	@Size(max = 32, message = "{validation.too-long}")
	@Pattern(regexp = "[A-Z0-9]+(-[A-Z0-9]+)*", message = "{admin.products.sku.invalid}")
	private String sku;

	@NotBlank(message = "{validation.required}")
	@Size(max = 300, message = "{validation.too-long}")
	private String summary;

	@NotBlank(message = "{validation.required}")
	@Size(max = 10_000, message = "{validation.too-long}")
	private String description;

	@NotBlank(message = "{admin.products.price.required}")
	@Pattern(regexp = PRICE_PATTERN, message = "{admin.products.price.invalid}")
	private String price;

	@NotBlank(message = "{admin.products.vat.invalid}")
	@Pattern(regexp = "5\\.50|20\\.00", message = "{admin.products.vat.invalid}")
	private String vatRate = VAT_STANDARD;

	@NotNull(message = "{admin.products.category.required}")
	private Long categoryId;

	private boolean active;

	private Integer version;

	/**
	 * Fills a form with a stored product, to edit it.
	 * @param product the product as stored
	 * @param locale the language of the page: French writes the price with a comma
	 * @return the form
	 */
	public static ProductForm of(ProductAdministration.Details product, Locale locale) {
		ProductForm form = new ProductForm();
		form.name = product.name();
		form.slug = product.slug();
		form.sku = product.sku();
		form.summary = product.summary();
		form.description = product.description();
		form.price = typed(product.priceCents(), locale);
		form.vatRate = product.vatRate().setScale(2, RoundingMode.HALF_UP).toPlainString();
		form.categoryId = product.categoryId();
		form.active = product.active();
		form.version = product.version();
		return form;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getSlug() {
		return this.slug;
	}

	/**
	 * Sets the URL segment, in lower case; blank means "make one from the name".
	 * @param slug the slug typed, or {@code null}
	 */
	public void setSlug(String slug) {
		this.slug = (slug != null) ? slug.toLowerCase(Locale.ROOT) : null;
	}

	public String getSku() {
		return this.sku;
	}

	/**
	 * Sets the stock-keeping unit, in upper case.
	 * @param sku the reference typed, or {@code null}
	 */
	public void setSku(String sku) {
		this.sku = (sku != null) ? sku.toUpperCase(Locale.ROOT) : null;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getPrice() {
		return this.price;
	}

	public void setPrice(String price) {
		this.price = price;
	}

	public String getVatRate() {
		return this.vatRate;
	}

	public void setVatRate(String vatRate) {
		this.vatRate = vatRate;
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public void setCategoryId(Long categoryId) {
		this.categoryId = categoryId;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	/**
	 * Converts the price typed in euros to cents, exactly: {@code 12,9} is 1290.
	 * @return the price including VAT, in cents
	 * @throws NumberFormatException if the price does not match its pattern (the form was
	 * not validated)
	 */
	public int priceCents() {
		return toCents(this.price);
	}

	/**
	 * Returns the chosen VAT rate.
	 * @return 5.50 or 20.00
	 */
	public BigDecimal vatRateValue() {
		return new BigDecimal(this.vatRate);
	}

	/**
	 * Converts an amount in euros to cents with decimal arithmetic.
	 * @param euros digits with at most two decimals after a comma or a dot
	 * @return the amount in cents
	 * @throws NumberFormatException if the text is not such an amount
	 */
	/**
	 * Writes an amount of cents as a person types it in a price field: {@code 12,90} in
	 * French, {@code 12.90} in English.
	 * @param cents the amount
	 * @param locale the language of the page
	 * @return the amount in euros, two decimals
	 */
	static String typed(long cents, Locale locale) {
		return TypedEuros.typed(cents, locale);
	}

	static int toCents(String euros) {
		if (euros == null || !euros.matches(PRICE_PATTERN)) {
			throw new NumberFormatException("Not a price in euros: " + euros);
		}
		return Math.toIntExact(TypedEuros.cents(euros));
	}

}
