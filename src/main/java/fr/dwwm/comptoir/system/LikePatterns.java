package fr.dwwm.comptoir.system;

/**
 * Text typed in a search field, made safe for SQL's {@code LIKE}: its own {@code %},
 * {@code _} and backslash match themselves instead of "anything". Always passed as a
 * bound parameter; this only keeps a visitor's {@code 50%} from matching every row.
 */
public final class LikePatterns {

	private LikePatterns() {
	}

	/**
	 * Escapes the wildcards of a text.
	 * @param text what was typed
	 * @return the text, {@code \}, {@code %} and {@code _} escaped with a backslash
	 */
	public static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * A pattern matching the rows that contain a text.
	 * @param text what was typed (surrounding blanks ignored)
	 * @return {@code %text%}, escaped
	 */
	public static String containing(String text) {
		return "%" + escape(text.strip()) + "%";
	}

}
