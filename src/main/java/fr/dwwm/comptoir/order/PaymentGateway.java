package fr.dwwm.comptoir.order;

import java.util.Optional;

/**
 * The port to a card payment provider (hexagonal architecture): the checkout only knows
 * this interface. {@link DemoPaymentGateway} simulates a provider for the demo and the
 * tests; a real provider (Stancer, Stripe, PayPlug, a bank's gateway...) is one more
 * adapter implementing it, selected with {@code app.payment.provider}.
 *
 * <p>
 * In production the card number should never reach the shop's server: the provider's
 * hosted fields or payment page collect it, and the adapter receives a token instead (PCI
 * DSS SAQ A). The demo gateway takes the number in the shop's form to show the checks a
 * provider makes, and keeps none of it.
 */
public interface PaymentGateway {

	/**
	 * Returns the provider's name, stored with each payment.
	 * @return e.g. {@code demo}
	 */
	String name();

	/**
	 * Charges a card.
	 * @param payment the amount and the card
	 * @return what the provider answered; never throws for a refused card
	 */
	PaymentResult charge(CardPayment payment);

	/**
	 * Gives back all or part of a payment. Called outside any database transaction, like
	 * {@link #charge}: a slow provider never holds a lock.
	 * @param refund the payment, the amount and the shop's idempotency key
	 * @return what the provider answered
	 * @throws RuntimeException when no answer came (network cut, time-out): the refund
	 * may or may not have been made, {@link #findRefund} tells later
	 */
	RefundResult refund(CardRefund refund);

	/**
	 * Asks the provider what became of a refund whose answer the shop never recorded.
	 * @param idempotencyKey the key sent with the refund
	 * @return the provider's answer to it, or empty if it never received it
	 */
	Optional<RefundResult> findRefund(String idempotencyKey);

	/**
	 * Asks the provider what became of the charge made for an order. The shop needs it
	 * when it never learnt the answer itself: the database was out of reach when the
	 * provider answered, or the shop stopped in between. Every provider offers such a
	 * look-up by the merchant's own reference (or a notification, a « webhook », which
	 * comes to the same).
	 * @param orderReference the order's reference, as sent with the charge
	 * @return the provider's answer to that charge, or empty if it never received one
	 */
	Optional<PaymentResult> find(String orderReference);

}
