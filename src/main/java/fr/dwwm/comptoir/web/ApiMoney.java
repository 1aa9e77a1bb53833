package fr.dwwm.comptoir.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An amount of money in the REST API: whole cents and the currency, never a decimal
 * number (a client in another language would round it its own way).
 *
 * @param amount the amount in cents, VAT included
 * @param currency the ISO 4217 code, always {@code EUR}
 */
public record ApiMoney(@Schema(example = "690") long amount, @Schema(example = "EUR") String currency) {

	/**
	 * An amount in euros.
	 * @param amount the amount in cents
	 */
	public ApiMoney(long amount) {
		this(amount, "EUR");
	}

}
