package fr.dwwm.comptoir.order;

/**
 * A card payment to make. It lives only for the duration of the request: nothing here is
 * stored, and {@link #toString()} hides the card so that no log can ever show it (CNIL
 * délibération 2018-303, PCI DSS).
 *
 * @param orderReference the order paid
 * @param amountCents the amount, VAT included
 * @param cardNumber the card number as typed (spaces allowed)
 * @param expiry the expiry date as typed, {@code MM/AA}
 * @param securityCode the 3 or 4 digit code
 * @param holder the name on the card
 */
public record CardPayment(String orderReference, long amountCents, String cardNumber, String expiry,
		String securityCode, String holder) {

	@Override
	public String toString() {
		return "CardPayment[order=" + this.orderReference + ", amount=" + this.amountCents + ", card=****]";
	}

}
