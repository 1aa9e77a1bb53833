package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.web.TypedEuros;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A refund staff make from the order's page: units by order line
 * ({@code quantities[42]=1}), the delivery, a free amount typed in euros ({@code 5,50}),
 * a note, the received return it settles if any, and the form's idempotency key (the same
 * form sent twice refunds once). The amounts themselves are worked out by
 * {@link RefundCalculation}, never taken from the form.
 */
public class RefundForm {

	/**
	 * An amount in euros, with at most two decimals after a comma or a dot; or nothing.
	 */
	static final String AMOUNT_PATTERN = "([0-9]{1,6}([.,][0-9]{1,2})?)?";

	private Map<Long, Integer> quantities = new LinkedHashMap<>();

	private boolean shipping;

	@Pattern(regexp = AMOUNT_PATTERN, message = "{refund.amount.invalid}")
	private String extra;

	@Size(max = 500, message = "{validation.too-long}")
	private String note;

	private Long returnId;

	@NotNull
	private UUID key;

	public Map<Long, Integer> getQuantities() {
		return this.quantities;
	}

	public void setQuantities(Map<Long, Integer> quantities) {
		this.quantities = quantities;
	}

	public boolean isShipping() {
		return this.shipping;
	}

	public void setShipping(boolean shipping) {
		this.shipping = shipping;
	}

	public String getExtra() {
		return this.extra;
	}

	public void setExtra(String extra) {
		this.extra = extra;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public Long getReturnId() {
		return this.returnId;
	}

	public void setReturnId(Long returnId) {
		this.returnId = returnId;
	}

	public UUID getKey() {
		return this.key;
	}

	public void setKey(UUID key) {
		this.key = key;
	}

	/**
	 * Returns the free amount in cents.
	 * @return 0 when none was typed
	 * @throws NumberFormatException if it does not match its pattern (form not validated)
	 */
	long extraCents() {
		if (this.extra == null || this.extra.isBlank()) {
			return 0;
		}
		if (!this.extra.matches(AMOUNT_PATTERN)) {
			throw new NumberFormatException("Not an amount in euros: " + this.extra);
		}
		return TypedEuros.cents(this.extra);
	}

	/**
	 * Returns what staff asked, for {@link Refunds}.
	 * @return the request
	 */
	Refunds.Request request() {
		Map<Long, Integer> chosen = new LinkedHashMap<>();
		this.quantities.forEach((line, quantity) -> chosen.put(line, (quantity != null) ? quantity : 0));
		return new Refunds.Request(chosen, this.shipping, extraCents());
	}

}
