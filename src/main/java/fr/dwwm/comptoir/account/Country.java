package fr.dwwm.comptoir.account;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The countries the shop delivers to, by ISO 3166 code: the one list, used by the address
 * forms (their choices and their rules), by invoices (the French name) and checked again
 * by the database ({@code address_country_check}, {@code customer_order_countries}).
 */
public enum Country {

	/** France: five-digit postal codes. */
	FR("France", "[0-9]{5}"),

	/** Belgium: four-digit postal codes. */
	BE("Belgique", "[0-9]{4}"),

	/** Luxembourg: four-digit postal codes. */
	LU("Luxembourg", "[0-9]{4}"),

	/** Monaco: five-digit postal codes (980xx). */
	MC("Monaco", "[0-9]{5}");

	/**
	 * The codes as a regular expression, for Bean Validation's {@code @Pattern}, which
	 * needs a constant; {@code CountryTests} checks that it lists exactly the values
	 * above.
	 */
	public static final String CODES = "FR|BE|LU|MC";

	private final String frenchName;

	private final Pattern postalCode;

	Country(String frenchName, String postalCode) {
		this.frenchName = frenchName;
		this.postalCode = Pattern.compile(postalCode);
	}

	/**
	 * Finds a country by its code.
	 * @param code e.g. {@code FR}
	 * @return the country, if the shop delivers there
	 */
	public static Optional<Country> of(String code) {
		return Arrays.stream(values()).filter((country) -> country.name().equals(code)).findFirst();
	}

	/**
	 * The country's name in French, as invoices print it.
	 * @return e.g. {@code Belgique}
	 */
	public String frenchName() {
		return this.frenchName;
	}

	/**
	 * Tells whether a postal code has this country's format.
	 * @param code the postal code, without spaces
	 * @return whether it matches
	 */
	public boolean acceptsPostalCode(String code) {
		return code != null && this.postalCode.matcher(code).matches();
	}

}
