package fr.dwwm.comptoir.order;

/**
 * A refund to ask of the payment provider, on a payment it accepted.
 *
 * @param paymentReference the provider's reference of the payment given back
 * @param amountCents the amount, VAT included, at most what is left of the payment
 * @param idempotencyKey the shop's key for this refund: the provider refunds once per
 * key, however often it is sent, and finds the refund by it
 * ({@link PaymentGateway#findRefund})
 */
public record CardRefund(String paymentReference, long amountCents, String idempotencyKey) {
}
