package fr.dwwm.comptoir.order;

/**
 * A status change the order's state machine forbids ({@link OrderStatus#canMoveTo}).
 */
class IllegalOrderTransition extends RuntimeException {

	private static final long serialVersionUID = 1L;

	IllegalOrderTransition(String reference, OrderStatus from, OrderStatus to) {
		super("Order " + reference + " cannot go from " + from + " to " + to);
	}

}
