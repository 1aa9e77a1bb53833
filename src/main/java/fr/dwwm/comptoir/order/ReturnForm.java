package fr.dwwm.comptoir.order;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A customer's return request: the units to send back, by order line
 * ({@code quantities[42]=1}), and why. Which lines are the order's, and how many units
 * may still come back, is checked by {@link ReturnRequests} under the order's lock: a
 * line id of another order is refused, never trusted.
 */
public class ReturnForm {

	private Map<Long, Integer> quantities = new LinkedHashMap<>();

	@NotBlank(message = "{validation.required}")
	@Size(max = ReturnRequests.MAX_TEXT, message = "{validation.too-long}")
	private String reason;

	public Map<Long, Integer> getQuantities() {
		return this.quantities;
	}

	public void setQuantities(Map<Long, Integer> quantities) {
		this.quantities = quantities;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
