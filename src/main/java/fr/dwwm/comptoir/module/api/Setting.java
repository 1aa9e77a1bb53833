package fr.dwwm.comptoir.module.api;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One typed setting of a module. The back-office generates its field (label
 * {@code module.<code>.setting.<key>}, optional help {@code ...<key>.help}) and checks
 * the value with {@link #check(String)} before saving it.
 *
 * @param key the key, lowercase with hyphens
 * @param type the kind of value
 * @param required whether an empty value is refused
 * @param min smallest number, or shortest text
 * @param max largest number, or longest text
 * @param defaultValue the value at installation, as text
 */
public record Setting(String key, Type type, boolean required, long min, long max, String defaultValue) {

	/** The kinds of values, each with its form field. */
	public enum Type {

		/** One line of text. */
		TEXT,
		/** Several lines of text. */
		LONG_TEXT,
		/** A whole number between min and max. */
		INTEGER,
		/** Yes or no (a checkbox). */
		BOOLEAN,
		/** A local date and time ({@code 2026-12-01T08:00}). */
		DATE_TIME,
		/** A link inside the shop ({@code /products}) or an https address. */
		LINK

	}

	public Setting {
		if (!key.matches("[a-z][a-z0-9-]{0,39}")) {
			throw new IllegalArgumentException("Setting key must be lowercase with hyphens: " + key);
		}
		if (defaultValue == null) {
			defaultValue = "";
		}
	}

	/**
	 * A line of text.
	 * @param key the key
	 * @param maxLength longest value
	 * @param defaultValue value at installation
	 * @return a required setting
	 */
	public static Setting text(String key, int maxLength, String defaultValue) {
		return new Setting(key, Type.TEXT, true, 1, maxLength, defaultValue);
	}

	/**
	 * Several lines of text.
	 * @param key the key
	 * @param maxLength longest value
	 * @param defaultValue value at installation
	 * @return a required setting
	 */
	public static Setting longText(String key, int maxLength, String defaultValue) {
		return new Setting(key, Type.LONG_TEXT, true, 1, maxLength, defaultValue);
	}

	/**
	 * A whole number.
	 * @param key the key
	 * @param min smallest value
	 * @param max largest value
	 * @param defaultValue value at installation
	 * @return a required setting
	 */
	public static Setting integer(String key, int min, int max, int defaultValue) {
		return new Setting(key, Type.INTEGER, true, min, max, Integer.toString(defaultValue));
	}

	/**
	 * Yes or no.
	 * @param key the key
	 * @param defaultValue value at installation
	 * @return the setting
	 */
	public static Setting flag(String key, boolean defaultValue) {
		return new Setting(key, Type.BOOLEAN, false, 0, 0, Boolean.toString(defaultValue));
	}

	/**
	 * A date and time.
	 * @param key the key
	 * @param required whether it may be left empty
	 * @param defaultValue value at installation ({@code yyyy-MM-ddTHH:mm}) or empty
	 * @return the setting
	 */
	public static Setting dateTime(String key, boolean required, String defaultValue) {
		return new Setting(key, Type.DATE_TIME, required, 0, 0, defaultValue);
	}

	/**
	 * A link.
	 * @param key the key
	 * @param required whether it may be left empty
	 * @param defaultValue value at installation
	 * @return the setting
	 */
	public static Setting link(String key, boolean required, String defaultValue) {
		return new Setting(key, Type.LINK, required, 0, 300, defaultValue);
	}

	/**
	 * Checks a value typed in the back-office.
	 * @param raw the value as typed ({@code null} for an unticked checkbox)
	 * @return the key of the message explaining what is wrong, or empty if the value is
	 * right
	 */
	public Optional<String> check(String raw) {
		String value = normalise(raw);
		if (value.isEmpty()) {
			return (this.required && this.type != Type.BOOLEAN) ? Optional.of("module.setting.required")
					: Optional.empty();
		}
		return switch (this.type) {
			case TEXT, LONG_TEXT ->
				(value.length() > this.max) ? Optional.of("module.setting.too-long") : Optional.empty();
			case INTEGER -> checkInteger(value);
			case BOOLEAN -> Optional.empty();
			case DATE_TIME -> checkDateTime(value);
			case LINK ->
				isSafeLink(value) && value.length() <= this.max ? Optional.empty() : Optional.of("module.setting.link");
		};
	}

	/**
	 * The value as it is stored: trimmed, {@code true}/{@code false} for a checkbox.
	 * @param raw the value as typed
	 * @return the stored form
	 */
	public String normalise(String raw) {
		if (this.type == Type.BOOLEAN) {
			return Boolean.toString("true".equals(raw) || "on".equals(raw));
		}
		if (raw == null) {
			return "";
		}
		String value = (this.type == Type.LONG_TEXT) ? raw.strip().replace("\r\n", "\n") : raw.strip();
		return value.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "");
	}

	private Optional<String> checkInteger(String value) {
		try {
			long number = Long.parseLong(value);
			return (number < this.min || number > this.max) ? Optional.of("module.setting.range") : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.of("module.setting.integer");
		}
	}

	private static Optional<String> checkDateTime(String value) {
		try {
			LocalDateTime.parse(value);
			return Optional.empty();
		}
		catch (DateTimeParseException ex) {
			return Optional.of("module.setting.date-time");
		}
	}

	/**
	 * A link inside the shop or to an https site: never {@code javascript:} nor
	 * {@code //elsewhere}.
	 * @param value the link
	 * @return whether it is safe to put in an {@code href}
	 */
	static boolean isSafeLink(String value) {
		return (value.startsWith("/") && !value.startsWith("//") && !value.contains("\\"))
				|| value.startsWith("https://");
	}

}
