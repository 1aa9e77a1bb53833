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
		return (day != null) ? formatDay(day, LocaleContextHolder.getLocale()) : "";
	}

	/**
	 * Formats a calendar day in a given language, outside a request (a mail written by a
	 * scheduled job), e.g. {@code 19 novembre 2026} or {@code 19 November 2026}.
	 * @param day the day
	 * @param language the reader's language
	 * @return the text
	 */
	public static String formatDay(LocalDate day, Locale language) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(language)).format(day);
	}

	private static Locale locale() {
		return locale(LocaleContextHolder.getLocale());
	}

	private static Locale locale(Locale language) {
		return "en".equals(language.getLanguage()) ? Locale.UK : Locale.FRANCE;
	}

}
