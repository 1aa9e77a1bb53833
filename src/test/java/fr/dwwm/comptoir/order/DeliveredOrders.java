package fr.dwwm.comptoir.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.cart.Carts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders of a customer taken to their delivery, for the tests of what comes after the
 * sale (returns, refunds, credit notes): placed through the checkout, paid with the
 * accepted demo card, prepared, shipped and delivered through the order's state machine,
 * then dated as delivered when the test needs it.
 */
@Component
public class DeliveredOrders {

	private final JdbcClient jdbc;

	private final Checkout checkout;

	private final Carts carts;

	private final Orders orders;

	DeliveredOrders(JdbcClient jdbc, Checkout checkout, Carts carts, Orders orders) {
		this.jdbc = jdbc;
		this.checkout = checkout;
		this.carts = carts;
		this.orders = orders;
	}

	/**
	 * Places, pays and delivers an order.
	 * @param accountId the customer
	 * @param email their address
	 * @param units units by variant id
	 * @param deliveredAt when it was delivered
	 * @return the order
	 */
	public Delivered deliver(long accountId, String email, Map<Long, Integer> units, Instant deliveredAt) {
		Delivered paid = pay(accountId, email, units);
		this.orders.changeStatus(paid.id(), OrderStatus.PREPARING, null, null, null);
		this.orders.changeStatus(paid.id(), OrderStatus.SHIPPED, null, null, "6A1234567890");
		this.orders.changeStatus(paid.id(), OrderStatus.DELIVERED, null, null, null);
		this.jdbc.sql("UPDATE customer_order SET delivered_at = :at WHERE id = :id")
			.param("at", Timestamp.from(deliveredAt))
			.param("id", paid.id())
			.update();
		return paid;
	}

	/**
	 * Places and pays an order, not shipped yet.
	 * @param accountId the customer
	 * @param email their address
	 * @param units units by variant id
	 * @return the order
	 */
	public Delivered pay(long accountId, String email, Map<Long, Integer> units) {
		long cart = this.carts.create(accountId);
		units.forEach((variant, quantity) -> this.carts.add(cart, variant, quantity));
		Quote quote = this.checkout.quote(this.carts.view(cart), null, null);
		String reference = this.checkout
			.place(TestOrders.of(cart, accountId, email, quote.totals().totalCents(), TestOrders.ACCEPTED_CARD))
			.reference();
		long id = this.jdbc.sql("SELECT id FROM customer_order WHERE reference = :reference")
			.param("reference", reference)
			.query(Long.class)
			.single();
		List<Long> lines = this.jdbc.sql("SELECT id FROM order_line WHERE order_id = :order ORDER BY id")
			.param("order", id)
			.query(Long.class)
			.list();
		return new Delivered(id, reference, quote.totals().totalCents(), quote.totals().shippingCents(), lines);
	}

	/**
	 * An order placed for the test.
	 *
	 * @param id its id
	 * @param reference its reference
	 * @param totalCents its invoice's total
	 * @param shippingCents its delivery
	 * @param lineIds its lines, in the order they were written
	 */
	public record Delivered(long id, String reference, long totalCents, long shippingCents, List<Long> lineIds) {
	}

}
