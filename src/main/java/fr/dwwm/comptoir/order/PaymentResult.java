package fr.dwwm.comptoir.order;

/**
 * What a payment provider answered.
 *
 * @param outcome accepted or why not
 * @param providerReference the provider's reference of the payment, or {@code null} if
 * the card was refused before reaching it
 * @param cardLast4 the last four digits, to show the customer, or {@code null}
 * @param cardBrand e.g. {@code VISA}, or {@code null}
 */
public record PaymentResult(Outcome outcome, String providerReference, String cardLast4, String cardBrand) {

	/**
	 * Tells whether the money was taken.
	 * @return whether the payment succeeded
	 */
	public boolean succeeded() {
		return this.outcome == Outcome.SUCCEEDED;
	}

	/** The answers a provider gives, each explained to the customer in its own words. */
	public enum Outcome {

		/** Paid. */
		SUCCEEDED,
		/** The bank said no. */
		REFUSED,
		/** Not enough money on the account. */
		INSUFFICIENT_FUNDS,
		/** Not a valid card number (length, Luhn check digit). */
		INVALID_NUMBER,
		/** Expiry date in the past or malformed. */
		EXPIRED,
		/** Security code malformed. */
		INVALID_CODE

	}

}
