package fr.dwwm.comptoir.order;

import java.util.Map;

/**
 * The countries the shop delivers to, by ISO 3166 code, named in French for invoices.
 */
final class Countries {

	private static final Map<String, String> NAMES = Map.of("FR", "France", "BE", "Belgique", "LU", "Luxembourg", "MC",
			"Monaco");

	private Countries() {
	}

	static String name(String code) {
		return (code == null) ? null : NAMES.getOrDefault(code, code);
	}

}
