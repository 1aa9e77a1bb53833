package fr.dwwm.comptoir.order;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the payment provider answered for each order, kept in the {@code payment} table:
 * the provider's reference, the last four digits and brand of the card, the amount and
 * whether it was accepted, refused or refunded — never the card itself (CNIL 2018-303).
 * Written in the order's transaction by {@link Orders}, which decides what the answer
 * means for the order.
 */
@Service
class Payments {

	private final JdbcClient jdbc;

	private final PaymentGateway gateway;

	Payments(JdbcClient jdbc, PaymentGateway gateway) {
		this.jdbc = jdbc;
		this.gateway = gateway;
	}

	/**
	 * Keeps the provider's answer for an order.
	 * @param orderId the order
	 * @param amountCents the amount asked
	 * @param result the answer
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void record(long orderId, long amountCents, PaymentResult result) {
		this.jdbc.sql("""
				INSERT INTO payment (order_id, provider, provider_reference, card_last4, card_brand, amount_cents,
				                     status, failure_reason)
				VALUES (:order, :provider, :reference, :last4, :brand, :amount, :status, :reason)""")
			.param("order", orderId)
			.param("provider", this.gateway.name())
			.param("reference", result.providerReference())
			.param("last4", result.cardLast4())
			.param("brand", result.cardBrand())
			.param("amount", amountCents)
			.param("status", result.succeeded() ? "SUCCEEDED" : "REFUSED")
			.param("reason", result.succeeded() ? null : result.outcome().name())
			.update();
	}

	/**
	 * Gives back every accepted payment of an order through the provider, and marks them
	 * refunded.
	 * @param orderId the order
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void refundAll(long orderId) {
		this.jdbc.sql("""
				SELECT id, provider_reference, amount_cents FROM payment
				WHERE order_id = :order AND status = 'SUCCEEDED'""").param("order", orderId).query((row) -> {
			this.gateway.refund(row.getString("provider_reference"), row.getLong("amount_cents"));
			this.jdbc.sql("UPDATE payment SET status = 'REFUNDED' WHERE id = :id")
				.param("id", row.getLong("id"))
				.update();
		});
	}

	/**
	 * Refunds a payment accepted too late, for an order already given up: it was never
	 * recorded, and must not stay charged.
	 * @param providerReference the provider's reference of the payment
	 * @param amountCents the amount
	 */
	void refundUnrecorded(String providerReference, long amountCents) {
		this.gateway.refund(providerReference, amountCents);
	}

}
