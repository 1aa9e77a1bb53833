package fr.dwwm.comptoir.order;

/**
 * What a payment provider answered to a refund.
 *
 * @param succeeded whether the money is on its way back to the card
 * @param providerReference the provider's reference of the refund, when it succeeded
 * @param failureReason why not, in the provider's words, when it did not
 */
public record RefundResult(boolean succeeded, String providerReference, String failureReason) {

	/**
	 * A refund made.
	 * @param providerReference the provider's reference
	 * @return the answer
	 */
	public static RefundResult refunded(String providerReference) {
		return new RefundResult(true, providerReference, null);
	}

	/**
	 * A refund the provider refused for good (the payment is too old, already refunded).
	 * @param reason why
	 * @return the answer
	 */
	public static RefundResult refused(String reason) {
		return new RefundResult(false, null, reason);
	}

}
