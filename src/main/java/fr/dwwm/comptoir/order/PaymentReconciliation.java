package fr.dwwm.comptoir.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles the orders whose payment answer the shop never recorded, so that no order stays
 * half-placed: stock taken, card perhaps charged, but neither paid nor cancelled.
 *
 * <p>
 * The checkout ({@link Checkout}) reserves the order in one transaction, charges the card
 * outside any transaction, then records the answer in a second transaction. If the
 * database becomes unreachable (or the shop stops hard) between the charge and the
 * record, the provider knows the answer and the shop does not. Every minute, this job
 * takes the orders still awaiting payment well after a checkout would have ended
 * ({@code app.payment.unconfirmed-after}, 10 minutes by default) and asks the provider
 * ({@link PaymentGateway#find}):
 * <ul>
 * <li>the provider has an answer: it is recorded as the checkout would have — paid
 * (invoice, cart closed, confirmation mail) or refused (cancelled);</li>
 * <li>the provider never received a charge: the order is cancelled, its stock and
 * promotion code given back; the cart, never closed, is still the customer's.</li>
 * </ul>
 * Either way the order ends complete or cancelled. Several instances of the shop may run
 * this at the same time: each order is locked and its status checked before it changes,
 * so an answer is recorded once.
 */
@Component
public class PaymentReconciliation {

	private static final Logger logger = LoggerFactory.getLogger(PaymentReconciliation.class);

	private final Orders orders;

	private final Refunds refunds;

	private final PaymentGateway gateway;

	private final Clock clock;

	private final Duration unconfirmedAfter;

	PaymentReconciliation(Orders orders, Refunds refunds, PaymentGateway gateway, Clock clock,
			@Value("${app.payment.unconfirmed-after:10m}") Duration unconfirmedAfter) {
		this.orders = orders;
		this.refunds = refunds;
		this.gateway = gateway;
		this.clock = clock;
		this.unconfirmedAfter = unconfirmedAfter;
	}

	/**
	 * Runs {@link #settle(Instant)} every minute on the orders old enough, then the same
	 * for the refunds whose answer was lost ({@link Refunds#reconcile}).
	 */
	@Scheduled(fixedDelayString = "${app.payment.reconcile-interval:1m}",
			initialDelayString = "${app.payment.reconcile-interval:1m}")
	public void settleDue() {
		Instant before = this.clock.instant().minus(this.unconfirmedAfter);
		Outcome outcome = settle(before);
		if (outcome.total() > 0) {
			logger.warn("Payment reconciliation: {} paid, {} refused, {} cancelled (never charged), {} failed",
					outcome.paid(), outcome.refused(), outcome.cancelled(), outcome.failed());
		}
		Refunds.Reconciled refunded = this.refunds.reconcile(before);
		if (refunded.settled() + refunded.failed() > 0) {
			logger.warn("Refund reconciliation: {} settled, {} failed", refunded.settled(), refunded.failed());
		}
	}

	/**
	 * Settles every order placed before a given time and still awaiting payment.
	 * @param placedBefore only orders placed before this
	 * @return what was done
	 */
	public Outcome settle(Instant placedBefore) {
		int paid = 0;
		int refused = 0;
		int cancelled = 0;
		int failed = 0;
		for (Orders.Unconfirmed order : this.orders.awaitingPaymentSince(placedBefore)) {
			try {
				Optional<PaymentResult> answer = this.gateway.find(order.reference());
				if (answer.isPresent()) {
					this.orders.recordPayment(order.id(), order.cartId(), answer.get());
					if (answer.get().succeeded()) {
						paid++;
					}
					else {
						refused++;
					}
				}
				else if (this.orders.cancelUnpaid(order.id(), "paiement jamais reçu par le prestataire")) {
					cancelled++;
				}
			}
			catch (RuntimeException ex) {
				// One order that cannot be settled now (provider unreachable...) must not
				// stop the others; it is tried again on the next run.
				failed++;
				logger.warn("Payment reconciliation of order {} failed, tried again later: {}", order.reference(),
						ex.toString());
			}
		}
		return new Outcome(paid, refused, cancelled, failed);
	}

	/**
	 * What one run did.
	 *
	 * @param paid orders whose accepted payment was recorded
	 * @param refused orders whose refused payment was recorded (cancelled)
	 * @param cancelled orders cancelled because the provider never saw a charge
	 * @param failed orders left for the next run
	 */
	public record Outcome(int paid, int refused, int cancelled, int failed) {

		/**
		 * Counts the orders seen.
		 * @return the sum
		 */
		public int total() {
			return this.paid + this.refused + this.cancelled + this.failed;
		}

	}

}
