package fr.dwwm.comptoir.web;

/**
 * An amount of money in the REST API: whole cents and the currency, never a decimal
 * number (a client in another language would round it its own way).
 *
 * @param amount the amount in cents, VAT included
 * @param currency the ISO 4217 code, always {@code EUR}
 */
public record ApiMoney(long amount, String currency) {

	/**
	 * An amount in euros.
	 * @param amount the amount in cents
	 */
	public ApiMoney(long amount) {
		this(amount, "EUR");
	}

}
