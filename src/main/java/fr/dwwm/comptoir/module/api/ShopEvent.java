package fr.dwwm.comptoir.module.api;

import java.util.List;

/**
 * Action hooks: what happens in the shop that modules may react to. The shop publishes
 * them; enabled modules receive them in {@link ShopModule#onEvent}, after the transaction
 * commits.
 */
public sealed interface ShopEvent {

	/**
	 * A customer created an account (its e-mail is not verified yet).
	 *
	 * @param accountId the new account
	 */
	record CustomerRegistered(long accountId) implements ShopEvent {

	}

	/**
	 * Someone opened a product page.
	 *
	 * @param productId the product
	 * @param accountId the signed-in customer, or {@code null}
	 */
	record ProductViewed(long productId, Long accountId) implements ShopEvent {

	}

	/**
	 * A cart's content changed.
	 *
	 * @param cartId the cart
	 * @param productId the product added, changed or removed
	 * @param quantity its new quantity in the cart (0 when removed)
	 */
	record CartChanged(long cartId, long productId, int quantity) implements ShopEvent {

	}

	/**
	 * An order was placed and paid.
	 *
	 * @param reference the order's reference ({@code CPT-2026-000042})
	 * @param accountId the customer's account, or {@code null} for a guest
	 * @param productIds the products bought
	 * @param totalCents the amount paid, in cents
	 */
	record OrderPlaced(String reference, Long accountId, List<Long> productIds, long totalCents) implements ShopEvent {

		public OrderPlaced {
			productIds = List.copyOf(productIds);
		}

	}

	/**
	 * An order went from one status to another.
	 *
	 * @param reference the order's reference
	 * @param from the former status ({@code PAID})
	 * @param to the new status ({@code SHIPPED})
	 */
	record OrderStatusChanged(String reference, String from, String to) implements ShopEvent {

	}

}
