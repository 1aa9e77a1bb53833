package fr.dwwm.comptoir.account;

/**
 * A postal address, as the address book keeps it and as an order is delivered and billed
 * to: the one value type for both.
 *
 * @param firstName first name
 * @param lastName last name
 * @param line1 street and number
 * @param line2 more, or {@code null}
 * @param postalCode postal code
 * @param city city
 * @param country ISO code, one of {@link Country}
 * @param phone phone, or {@code null}
 */
public record PostalAddress(String firstName, String lastName, String line1, String line2, String postalCode,
		String city, String country, String phone) {
}
