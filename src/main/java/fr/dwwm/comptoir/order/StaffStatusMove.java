package fr.dwwm.comptoir.order;

import java.util.Arrays;
import java.util.List;

/**
 * A move of an order's status asked by a member of staff, checked before the state
 * machine ({@link Orders#changeStatus}): a status that exists, a tracking number of 4 to
 * 40 letters or digits to ship, a note of {@value #MAX_NOTE} characters at most (the
 * history's column has the same limit). One rule for the back office's page and the REST
 * API.
 *
 * @param next the status asked
 * @param trackingNumber the parcel's number when shipping, else {@code null}
 * @param note the note kept in the history, or {@code null}
 * @param refusal the key of the message saying what is wrong, or {@code null}
 */
record StaffStatusMove(OrderStatus next, String trackingNumber, String note, String refusal) {

	/** Longest note kept with a status change ({@code order_status_change.note}). */
	static final int MAX_NOTE = 500;

	/**
	 * Reads a move as typed.
	 * @param status the status's name, e.g. {@code SHIPPED}
	 * @param trackingNumber the tracking number typed, or {@code null}
	 * @param note the note typed, or {@code null}
	 * @return the move, or its refusal
	 */
	static StaffStatusMove of(String status, String trackingNumber, String note) {
		OrderStatus next = OrderStatus.named(status).orElse(null);
		String tracking = (trackingNumber != null) ? trackingNumber.strip() : null;
		String text = (note != null && !note.isBlank()) ? note.strip() : null;
		if (next == OrderStatus.SHIPPED && (tracking == null || !tracking.matches("[A-Za-z0-9]{4,40}"))) {
			return refused("admin.orders.tracking-required");
		}
		if (next == null) {
			return refused("admin.orders.illegal");
		}
		if (text != null && text.length() > MAX_NOTE) {
			return refused("admin.orders.note-too-long");
		}
		return new StaffStatusMove(next, (next == OrderStatus.SHIPPED) ? tracking : null, text, null);
	}

	private static StaffStatusMove refused(String messageKey) {
		return new StaffStatusMove(null, null, null, messageKey);
	}

	/**
	 * The moves staff may make by hand from a status: every move the state machine
	 * allows, except « refunded », which the refunds make.
	 * @param current where the order stands
	 * @return the statuses it may go to
	 */
	static List<OrderStatus> allowedFrom(OrderStatus current) {
		return Arrays.stream(OrderStatus.values())
			.filter((status) -> status != OrderStatus.REFUNDED && current.canMoveTo(status))
			.toList();
	}

}
