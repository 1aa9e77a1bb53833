package fr.dwwm.comptoir.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.dwwm.comptoir.account.Country;
import fr.dwwm.comptoir.web.TypedEuros;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.validation.Errors;

/**
 * The back office's form of a shipping method: its name and delivery times, its
 * free-shipping threshold and its price grid, one row per band (country, heaviest parcel
 * in kilograms, price in euros). The rows come as three lists of the same length, one
 * value per row, rather than as indexed fields: a hostile form cannot ask for row one
 * million. A row left empty is no band; the code is chosen once, at creation.
 */
public class ShippingMethodForm {

	/** The most rows a grid may have. */
	static final int MAX_BANDS = 60;

	/** Rows offered empty under the grid, to add bands. */
	static final int EMPTY_ROWS = 3;

	private static final String WEIGHT_PATTERN = "[0-9]{1,4}([.,][0-9]{1,3})?";

	@Pattern(regexp = "[A-Z][A-Z_]{1,29}", message = "{admin.shipping.code.invalid}")
	private String shippingCode;

	@NotBlank(message = "{validation.required}")
	@Size(max = 100, message = "{admin.shipping.name.invalid}")
	private String name;

	@Size(max = 300, message = "{admin.shipping.description.invalid}")
	private String description;

	@NotNull(message = "{validation.required}")
	@Min(value = 0, message = "{admin.shipping.days.invalid}")
	@Max(value = 60, message = "{admin.shipping.days.invalid}")
	private Integer minDays = 2;

	@NotNull(message = "{validation.required}")
	@Min(value = 0, message = "{admin.shipping.days.invalid}")
	@Max(value = 60, message = "{admin.shipping.days.invalid}")
	private Integer maxDays = 3;

	@Pattern(regexp = "(" + PromoCodeForm.AMOUNT_PATTERN + ")?", message = "{admin.shipping.free-from.invalid}")
	private String freeFrom;

	private boolean active = true;

	private int version;

	private List<String> bandCountry = new ArrayList<>();

	private List<String> bandWeight = new ArrayList<>();

	private List<String> bandPrice = new ArrayList<>();

	static ShippingMethodForm of(ShippingAdministration.Method method, Locale locale) {
		ShippingMethodForm form = new ShippingMethodForm();
		form.shippingCode = method.code();
		form.name = method.name();
		form.description = method.description();
		form.minDays = method.minDays();
		form.maxDays = method.maxDays();
		form.freeFrom = (method.freeFromCents() != null) ? TypedEuros.typed(method.freeFromCents(), locale) : null;
		form.active = method.active();
		form.version = method.version();
		for (ShippingAdministration.Band band : method.bands()) {
			form.bandCountry.add(band.country());
			form.bandWeight.add(kilograms(band.maxWeightGrams(), locale));
			form.bandPrice.add(TypedEuros.typed(band.priceCents(), locale));
		}
		return form;
	}

	/**
	 * Checks the grid: each row complete and well formed, no two bands of a country with
	 * the same weight, at least one band, at most {@value #MAX_BANDS}. The messages go
	 * under the grid ({@code bands}).
	 * @param errors where to put them
	 */
	void checkBands(Errors errors) {
		int rows = rows();
		if (rows > MAX_BANDS + EMPTY_ROWS) {
			errors.rejectValue("bands", "admin.shipping.bands.too-many", new Object[] { MAX_BANDS }, null);
			return;
		}
		Set<String> seen = new HashSet<>();
		int bands = 0;
		for (int row = 0; row < rows; row++) {
			String country = value(this.bandCountry, row);
			String weight = value(this.bandWeight, row);
			String price = value(this.bandPrice, row);
			if (weight.isEmpty() && price.isEmpty()) {
				continue;
			}
			if (Country.of(country).isEmpty() || !weight.matches(WEIGHT_PATTERN)
					|| !price.matches(PromoCodeForm.AMOUNT_PATTERN) || grams(weight) < 1 || grams(weight) > 1_000_000
					|| TypedEuros.cents(price) > 100_000) {
				errors.rejectValue("bands", "admin.shipping.bands.invalid", new Object[] { row + 1 }, null);
				return;
			}
			if (!seen.add(country + "/" + grams(weight))) {
				errors.rejectValue("bands", "admin.shipping.bands.duplicate", new Object[] { row + 1 }, null);
				return;
			}
			bands++;
		}
		if (bands == 0) {
			errors.rejectValue("bands", "admin.shipping.bands.required");
		}
	}

	/**
	 * Returns the grid typed, once {@link #checkBands} found nothing wrong.
	 * @return the bands, rows left empty skipped
	 */
	List<ShippingAdministration.Band> bands() {
		List<ShippingAdministration.Band> bands = new ArrayList<>();
		for (int row = 0; row < rows(); row++) {
			String weight = value(this.bandWeight, row);
			String price = value(this.bandPrice, row);
			if (!weight.isEmpty() || !price.isEmpty()) {
				bands.add(new ShippingAdministration.Band(value(this.bandCountry, row), grams(weight),
						(int) TypedEuros.cents(price)));
			}
		}
		return bands;
	}

	/**
	 * Returns the rows the form shows: the grid typed or saved, then a few empty rows.
	 * @return the rows
	 */
	public List<Row> getRows() {
		List<Row> rows = new ArrayList<>();
		for (int row = 0; row < Math.min(rows(), MAX_BANDS + EMPTY_ROWS); row++) {
			rows.add(new Row(value(this.bandCountry, row), value(this.bandWeight, row), value(this.bandPrice, row)));
		}
		for (int row = 0; row < EMPTY_ROWS; row++) {
			rows.add(new Row(Country.FR.name(), "", ""));
		}
		return rows;
	}

	Integer freeFromCents() {
		return (this.freeFrom == null || this.freeFrom.isBlank()) ? null : (int) TypedEuros.cents(this.freeFrom);
	}

	private int rows() {
		return Math.max(this.bandCountry.size(), Math.max(this.bandWeight.size(), this.bandPrice.size()));
	}

	private static String value(List<String> values, int row) {
		String value = (row < values.size()) ? values.get(row) : null;
		return (value != null) ? value.strip() : "";
	}

	private static int grams(String kilograms) {
		return new BigDecimal(kilograms.replace(',', '.')).movePointRight(3).intValue();
	}

	private static String kilograms(int grams, Locale locale) {
		String kilograms = BigDecimal.valueOf(grams, 3).stripTrailingZeros().toPlainString();
		return "fr".equals(locale.getLanguage()) ? kilograms.replace('.', ',') : kilograms;
	}

	/**
	 * A row of the grid as the form shows it.
	 *
	 * @param country the country's code
	 * @param weight the heaviest parcel, in kilograms as typed
	 * @param price the price, in euros as typed
	 */
	public record Row(String country, String weight, String price) {
	}

	public String getShippingCode() {
		return this.shippingCode;
	}

	public void setShippingCode(String shippingCode) {
		this.shippingCode = shippingCode;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Integer getMinDays() {
		return this.minDays;
	}

	public void setMinDays(Integer minDays) {
		this.minDays = minDays;
	}

	public Integer getMaxDays() {
		return this.maxDays;
	}

	public void setMaxDays(Integer maxDays) {
		this.maxDays = maxDays;
	}

	public String getFreeFrom() {
		return this.freeFrom;
	}

	public void setFreeFrom(String freeFrom) {
		this.freeFrom = freeFrom;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public List<String> getBandCountry() {
		return this.bandCountry;
	}

	public void setBandCountry(List<String> bandCountry) {
		this.bandCountry = bandCountry;
	}

	public List<String> getBandWeight() {
		return this.bandWeight;
	}

	public void setBandWeight(List<String> bandWeight) {
		this.bandWeight = bandWeight;
	}

	public List<String> getBandPrice() {
		return this.bandPrice;
	}

	public void setBandPrice(List<String> bandPrice) {
		this.bandPrice = bandPrice;
	}

	/**
	 * The grid as one field, where its error messages go.
	 * @return nothing: the grid is typed in its rows
	 */
	public String getBands() {
		return null;
	}

}
