package fr.dwwm.comptoir.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats instants for pages, in French time (the shop is in France) and the visitor's
 * language. Templates call it as {@code ${@dates.format(order.placedAt)}}.
 */
@Component("dates")
public class Dates {

	/** The shop's time zone: dates are stored in UTC and shown in Paris time. */
	public static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Paris");

	/**
	 * Formats a date and time, e.g. {@code 28/11/2026 14:05}.
	 * @param instant the instant, or {@code null}
	 * @return the text, empty for {@code null}
	 */
	public String format(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
			.withLocale(locale())
			.withZone(SHOP_ZONE)
			.format(instant);
	}

	/**
	 * Formats a date, e.g. {@code 28 novembre 2026}.
	 * @param instant the instant, or {@code null}
	 * @return the text, empty for {@code null}
	 */
	public String day(Instant instant) {
		return (instant != null) ? formatDay(instant.atZone(SHOP_ZONE).toLocalDate()) : "";
	}

	/**
	 * Formats a calendar day, e.g. {@code 19 novembre 2026} (the last day of a period).
	 * @param day the day, or {@code null}
	 * @return the text, empty for {@code null}
	 */
	public String formatDay(LocalDate day) {
		if (day == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(day);
	}

	private static Locale locale() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.UK : Locale.FRANCE;
	}

}
