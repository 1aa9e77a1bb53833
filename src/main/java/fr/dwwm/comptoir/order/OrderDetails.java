package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.account.PostalAddress;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as its pages show it.
 *
 * @param id its id
 * @param reference its reference
 * @param status where it stands
 * @param placedAt when it was placed
 * @param email the customer's address, or {@code null} once anonymised
 * @param deliveryAddress where it goes
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
		PostalAddress deliveryAddress, String shippingMethod, String promoCode, List<Line> lines, OrderTotals totals,
		String trackingNumber, String cardLast4, String invoiceNumber, List<Change> history) {

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
