package fr.dwwm.comptoir.web;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Amounts in euros as people type them in a form or read them in a file ({@code 12,90} or
 * {@code 12.90}), and back: always through {@link BigDecimal}, never a floating-point
 * number, so that {@code 0,10} is ten cents exactly. Every form and file of the shop that
 * takes or gives euros (product and variant prices, refunds, promotion codes, the CSV
 * files) goes through here.
 */
public final class TypedEuros {

	private TypedEuros() {
	}

	/**
	 * Reads an amount typed in euros, with a comma or a dot before its decimals.
	 * @param typed the text, already checked against its field's pattern
	 * @return the amount in cents
	 * @throws NumberFormatException if it is not a number
	 * @throws ArithmeticException if it has more than two decimals or does not fit a long
	 */
	public static long cents(String typed) {
		return new BigDecimal(typed.strip().replace(',', '.')).movePointRight(2).longValueExact();
	}

	/**
	 * Writes cents as a person types them: {@code 12,90} in French, {@code 12.90} in
	 * English.
	 * @param cents the amount
	 * @param locale the language of the page or file
	 * @return the amount in euros, two decimals
	 */
	public static String typed(long cents, Locale locale) {
		String euros = BigDecimal.valueOf(cents, 2).toPlainString();
		return "fr".equals(locale.getLanguage()) ? euros.replace('.', ',') : euros;
	}

}
