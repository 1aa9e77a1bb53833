package fr.dwwm.comptoir.catalog;

import java.io.Serializable;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The row of a variant in the back office: its reference, price, weight and whether it is
 * sold. Its stock is not part of it: it changes through {@link Stock}, which keeps the
 * history. {@link #getVersion() version} is the variant's version when the page was
 * opened. Serializable: a refused row goes back to the page in the session (flash).
 */
public class VariantForm implements Serializable {

	private static final long serialVersionUID = 1L;

	@NotBlank(message = "{validation.required}")
	@Size(max = 32, message = "{validation.too-long}")
	@Pattern(regexp = "[A-Z0-9]+(-[A-Z0-9]+)*", message = "{admin.products.sku.invalid}")
	private String sku;

	@NotBlank(message = "{admin.products.price.required}")
	@Pattern(regexp = ProductForm.PRICE_PATTERN, message = "{admin.products.price.invalid}")
	private String price;

	@Min(value = 1, message = "{admin.variants.weight.invalid}")
	@Max(value = 1_000_000, message = "{admin.variants.weight.invalid}")
	private Integer weightGrams;

	private boolean active;

	@NotNull(message = "{admin.products.stale}")
	private Integer version;

	/**
	 * Fills the form from a variant as stored.
	 * @param variant the variant
	 * @param locale the language of the page: French writes the price with a comma
	 * @return the form
	 */
	static VariantForm of(VariantAdministration.Row variant, Locale locale) {
		VariantForm form = new VariantForm();
		form.sku = variant.sku();
		form.price = ProductForm.typed(variant.priceCents(), locale);
		form.weightGrams = variant.weightGrams();
		form.active = variant.active();
		form.version = variant.version();
		return form;
	}

	public String getSku() {
		return this.sku;
	}

	public void setSku(String sku) {
		this.sku = (sku != null) ? sku.strip().toUpperCase(Locale.ROOT) : null;
	}

	public String getPrice() {
		return this.price;
	}

	public void setPrice(String price) {
		this.price = (price != null) ? price.strip() : null;
	}

	public Integer getWeightGrams() {
		return this.weightGrams;
	}

	public void setWeightGrams(Integer weightGrams) {
		this.weightGrams = weightGrams;
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
	 * Converts the price typed in euros to cents, exactly.
	 * @return the price including VAT, in cents
	 */
	public int priceCents() {
		return ProductForm.toCents(this.price);
	}

}
