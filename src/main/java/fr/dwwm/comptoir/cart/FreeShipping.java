package fr.dwwm.comptoir.cart;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The free-shipping offer the cart shows: the active shipping method that becomes free at
 * the lowest cart amount, and how far the cart is from it.
 */
@Component
public class FreeShipping {

	private final JdbcClient jdbc;

	FreeShipping(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Tells how far a cart is from free shipping.
	 * @param cart the cart
	 * @return the progress, or empty for an empty cart or when no method is ever free
	 */
	@Transactional(readOnly = true)
	public Optional<Progress> progress(CartView cart) {
		if (cart.isEmpty()) {
			return Optional.empty();
		}
		long itemsTotalCents = cart.itemsTotalCents();
		return this.jdbc.sql("""
				SELECT name, free_from_cents FROM shipping_method
				WHERE active AND free_from_cents IS NOT NULL AND price_cents > 0
				ORDER BY free_from_cents, position LIMIT 1""")
			.query((row, number) -> new Progress(row.getString("name"), row.getLong("free_from_cents"),
					itemsTotalCents))
			.optional();
	}

	/**
	 * A cart's progress towards free shipping.
	 *
	 * @param methodName the shipping method that becomes free
	 * @param thresholdCents cart amount from which it is free
	 * @param itemsTotalCents the cart's amount
	 */
	public record Progress(String methodName, long thresholdCents, long itemsTotalCents) {

		/**
		 * Tells whether the cart already ships free.
		 * @return whether the threshold is reached
		 */
		public boolean reached() {
			return this.itemsTotalCents >= this.thresholdCents;
		}

		/**
		 * Returns what is missing to ship free.
		 * @return cents still to add, zero once reached
		 */
		public long remainingCents() {
			return Math.max(0, this.thresholdCents - this.itemsTotalCents);
		}

		/**
		 * Returns the message key describing this progress; its arguments are the method
		 * name, the remaining amount and the threshold.
		 * @return a key of the message bundles
		 */
		public String messageKey() {
			return reached() ? "cart.shipping.free" : "cart.shipping.remaining";
		}

	}

}
