package fr.dwwm.comptoir.order;

/**
 * Why a refund or a return was refused, as a message for the person who asked: nothing
 * was refunded and nothing already saved was changed.
 */
public class RefundRefusal extends Refusal {

	private static final long serialVersionUID = 1L;

	RefundRefusal(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
