package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.account.PostalAddress;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order as its pages show it.
 *
 * @param id its id
 * @param reference its reference
 * @param status where it stands
 * @param placedAt when it was placed
 * @param email the customer's address, or {@code null} once anonymised
 * @param deliveryAddress where it goes
 * @param billingAddress who and where it is invoiced to
 * @param shippingMethod how
 * @param promoCode the code used, or {@code null}
 * @param lines what was bought (snapshot)
 * @param totals the amounts and VAT
 * @param trackingNumber the carrier's number once shipped
 * @param cardLast4 the last digits of the card paid with
 * @param invoiceNumber its invoice, once paid
 * @param history its status changes, oldest first
 */
public record OrderDetails(long id, String reference, OrderStatus status, Instant placedAt, String email,
		PostalAddress deliveryAddress, PostalAddress billingAddress, String shippingMethod, String promoCode,
		List<Line> lines, OrderTotals totals, String trackingNumber, String cardLast4, String invoiceNumber,
		List<Change> history) {

	/**
	 * Tells whether the invoice is made out to another name or address than the delivery.
	 * @return whether the billing address differs from the delivery address
	 */
	public boolean billedElsewhere() {
		PostalAddress to = this.deliveryAddress;
		PostalAddress bill = this.billingAddress;
		return !(Objects.equals(to.firstName(), bill.firstName()) && Objects.equals(to.lastName(), bill.lastName())
				&& Objects.equals(to.line1(), bill.line1()) && Objects.equals(to.line2(), bill.line2())
				&& Objects.equals(to.postalCode(), bill.postalCode()) && Objects.equals(to.city(), bill.city())
				&& Objects.equals(to.country(), bill.country()));
	}

	/**
	 * One line.
	 *
	 * @param name product name when ordered
	 * @param slug the product's page, or {@code null} if it no longer exists
	 * @param quantity units
	 * @param unitPriceCents unit price when ordered, VAT included
	 * @param vatRate VAT rate when ordered
	 * @param totalCents line amount
	 */
	public record Line(String name, String slug, int quantity, long unitPriceCents, BigDecimal vatRate,
			long totalCents) {
	}

	/**
	 * A status change.
	 *
	 * @param status the new status
	 * @param at when
	 */
	public record Change(OrderStatus status, Instant at) {
	}

}
