package fr.dwwm.comptoir.order;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a return request, as a state machine ({@link ReturnRequests} refuses any
 * other move):
 *
 * <pre>
 * REQUESTED → ACCEPTED → RECEIVED → REFUNDED
 *     ↓
 *  REFUSED
 * </pre>
 */
public enum ReturnStatus {

	/** Asked by the customer, within the withdrawal period. */
	REQUESTED,
	/** Accepted by staff: the customer sends the goods back. */
	ACCEPTED,
	/** Refused by staff, with a note saying why. */
	REFUSED,
	/** The goods came back: their units are in stock again. */
	RECEIVED,
	/** Refunded: a credit note documents it. */
	REFUNDED;

	private static final Map<ReturnStatus, Set<ReturnStatus>> NEXT = Map.of(REQUESTED, EnumSet.of(ACCEPTED, REFUSED),
			ACCEPTED, EnumSet.of(RECEIVED), RECEIVED, EnumSet.of(REFUNDED), REFUSED, EnumSet.noneOf(ReturnStatus.class),
			REFUNDED, EnumSet.noneOf(ReturnStatus.class));

	/**
	 * Tells whether a request in this status may move to another.
	 * @param next the wanted status
	 * @return whether the move is allowed
	 */
	public boolean canMoveTo(ReturnStatus next) {
		return NEXT.get(this).contains(next);
	}

	/**
	 * Tells whether the request is still under way (not refused nor refunded).
	 * @return whether it is open
	 */
	public boolean open() {
		return this == REQUESTED || this == ACCEPTED || this == RECEIVED;
	}

}
