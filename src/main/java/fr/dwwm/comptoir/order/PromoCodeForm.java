package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.web.TypedEuros;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A promotion code as staff type it: the code, a percentage or an amount in euros, the
 * first and last day it works (in the shop's time zone, last day included), the minimum
 * basket, the total and per-customer limits. {@link #getVersion() version} is the version
 * the form was opened from: a form saved after someone else's change is refused instead
 * of overwriting it. The uses are never part of the form.
 */
public class PromoCodeForm {

	/** An amount in euros: up to 99 999, with at most two decimals. */
	static final String AMOUNT_PATTERN = "[0-9]{1,5}([.,][0-9]{1,2})?";

	@NotBlank(message = "{validation.required}")
	@Pattern(regexp = "[A-Za-z0-9]{3,20}", message = "{admin.promo.code.invalid}")
	private String promoCode;

	@NotNull(message = "{validation.required}")
	@Pattern(regexp = "PERCENT|FIXED", message = "{validation.required}")
	private String kind = "PERCENT";

	@NotBlank(message = "{validation.required}")
	@Pattern(regexp = AMOUNT_PATTERN, message = "{admin.promo.amount.invalid}")
	private String amount;

	@NotNull(message = "{validation.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate startsOn;

	@NotNull(message = "{validation.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate endsOn;

	@Pattern(regexp = "(" + AMOUNT_PATTERN + ")?", message = "{admin.promo.amount.invalid}")
	private String minimumBasket;

	@Min(value = 1, message = "{admin.promo.limit.invalid}")
	@Max(value = 1_000_000, message = "{admin.promo.limit.invalid}")
	private Integer maxUses;

	@Min(value = 1, message = "{admin.promo.limit.invalid}")
	@Max(value = 1_000, message = "{admin.promo.limit.invalid}")
	private Integer perCustomerLimit;

	private boolean active = true;

	private int version;

	static PromoCodeForm of(PromoCodeAdministration.PromoCode promo) {
		PromoCodeForm form = new PromoCodeForm();
		form.promoCode = promo.code();
		form.kind = promo.kind();
		form.amount = "PERCENT".equals(promo.kind()) ? String.valueOf(promo.amount()) : euros(promo.amount());
		form.startsOn = promo.startsOn();
		form.endsOn = promo.endsOn();
		form.minimumBasket = (promo.minimumBasketCents() > 0) ? euros(promo.minimumBasketCents()) : null;
		form.maxUses = promo.maxUses();
		form.perCustomerLimit = promo.perCustomerLimit();
		form.active = promo.active();
		form.version = promo.version();
		return form;
	}

	private static String euros(long cents) {
		return TypedEuros.typed(cents, Locale.FRANCE);
	}

	/**
	 * Returns the amount as the database keeps it: per cent for a percentage, cents for
	 * an amount.
	 * @return the amount
	 * @throws NumberFormatException when the form was not validated
	 */
	int amountValue() {
		return "PERCENT".equals(this.kind) ? new BigDecimal(this.amount.strip()).intValueExact()
				: Math.toIntExact(TypedEuros.cents(this.amount));
	}

	/**
	 * Returns the minimum basket in cents.
	 * @return 0 when none was typed
	 */
	int minimumBasketCents() {
		return (this.minimumBasket == null || this.minimumBasket.isBlank()) ? 0
				: Math.toIntExact(TypedEuros.cents(this.minimumBasket));
	}

	public String getPromoCode() {
		return this.promoCode;
	}

	public void setPromoCode(String promoCode) {
		this.promoCode = promoCode;
	}

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getAmount() {
		return this.amount;
	}

	public void setAmount(String amount) {
		this.amount = amount;
	}

	public LocalDate getStartsOn() {
		return this.startsOn;
	}

	public void setStartsOn(LocalDate startsOn) {
		this.startsOn = startsOn;
	}

	public LocalDate getEndsOn() {
		return this.endsOn;
	}

	public void setEndsOn(LocalDate endsOn) {
		this.endsOn = endsOn;
	}

	public String getMinimumBasket() {
		return this.minimumBasket;
	}

	public void setMinimumBasket(String minimumBasket) {
		this.minimumBasket = minimumBasket;
	}

	public Integer getMaxUses() {
		return this.maxUses;
	}

	public void setMaxUses(Integer maxUses) {
		this.maxUses = maxUses;
	}

	public Integer getPerCustomerLimit() {
		return this.perCustomerLimit;
	}

	public void setPerCustomerLimit(Integer perCustomerLimit) {
		this.perCustomerLimit = perCustomerLimit;
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

}
