package fr.dwwm.comptoir.order;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The life of an order, as a state machine: each status lists the statuses it may move
 * to, and {@link Orders} refuses any other move. A paid order is prepared, shipped and
 * delivered; it may be cancelled until it is shipped (what was paid is then refunded),
 * and it becomes refunded when refunds ({@link Refunds}), in one step or several, have
 * given back its whole invoice. A partial refund leaves the status as it is; returns have
 * their own state machine ({@link ReturnStatus}).
 *
 * <pre>
 * AWAITING_PAYMENT → PAID → PREPARING → SHIPPED → DELIVERED
 *        ↓            ↓  ↘      ↓    ↘      ↓          ↓
 *    CANCELLED   CANCELLED REFUNDED CANCELLED REFUNDED REFUNDED
 * </pre>
 */
public enum OrderStatus {

	/** Placed, stock reserved, payment under way. */
	AWAITING_PAYMENT,
	/** Paid: the invoice is issued. */
	PAID,
	/** Being packed at the workshop. */
	PREPARING,
	/** Handed to the carrier, with a tracking number. */
	SHIPPED,
	/** Received by the customer. */
	DELIVERED,
	/** Cancelled before shipping: stock restored, payment refunded if any. */
	CANCELLED,
	/**
	 * Its whole invoice refunded, documented by credit notes. Stock comes back only with
	 * the goods (a return received).
	 */
	REFUNDED;

	private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.of(AWAITING_PAYMENT, EnumSet.of(PAID, CANCELLED),
			PAID, EnumSet.of(PREPARING, CANCELLED, REFUNDED), PREPARING, EnumSet.of(SHIPPED, CANCELLED, REFUNDED),
			SHIPPED, EnumSet.of(DELIVERED, REFUNDED), DELIVERED, EnumSet.of(REFUNDED), CANCELLED,
			EnumSet.noneOf(OrderStatus.class), REFUNDED, EnumSet.noneOf(OrderStatus.class));

	/**
	 * Reads a status by its name, as a form or a query parameter sends it.
	 * @param name e.g. {@code SHIPPED}, or {@code null}
	 * @return the status, empty if the name is none of them
	 */
	public static Optional<OrderStatus> named(String name) {
		return Arrays.stream(values()).filter((status) -> status.name().equals(name)).findFirst();
	}

	/**
	 * Tells whether an order in this status may move to another.
	 * @param next the wanted status
	 * @return whether the move is allowed
	 */
	public boolean canMoveTo(OrderStatus next) {
		return NEXT.get(this).contains(next);
	}

	/**
	 * Tells whether the customer may still cancel the order themselves.
	 * @return whether it is paid and not yet shipped
	 */
	public boolean cancellableByCustomer() {
		return this == PAID || this == PREPARING;
	}

	/**
	 * Tells whether the order was paid and not given back.
	 * @return whether money was taken and kept
	 */
	public boolean paid() {
		return this == PAID || this == PREPARING || this == SHIPPED || this == DELIVERED;
	}

}
