package fr.dwwm.comptoir.order;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * The consumer's right of withdrawal (Code de la consommation, art. L221-18): fourteen
 * days from the day the goods were received. The day of delivery does not count; the
 * period ends at the end of the fourteenth day, and when that day is a Saturday, a Sunday
 * or a public holiday, at the end of the next working day (art. L221-19 and règlement CEE
 * n° 1182/71, art. 3). A rule without a database, tested at its edges
 * ({@code WithdrawalPeriodTests}).
 */
final class WithdrawalPeriod {

	/** Days after delivery during which a return may be asked. */
	static final int DAYS = 14;

	private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8),
			MonthDay.of(7, 14), MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));

	private WithdrawalPeriod() {
	}

	/**
	 * The last day a return may be asked for goods delivered on a given day.
	 * @param delivered the day of delivery, in the shop's time zone
	 * @return the last day, included
	 */
	static LocalDate lastDay(LocalDate delivered) {
		LocalDate last = delivered.plusDays(DAYS);
		while (!workingDay(last)) {
			last = last.plusDays(1);
		}
		return last;
	}

	/**
	 * Tells whether a return may still be asked.
	 * @param delivered the day of delivery
	 * @param today today, in the shop's time zone
	 * @return whether today is at most the last day
	 */
	static boolean open(LocalDate delivered, LocalDate today) {
		return !today.isAfter(lastDay(delivered));
	}

	private static boolean workingDay(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holiday(day);
	}

	/**
	 * The French public holidays: eight fixed days, and Easter Monday, Ascension Day and
	 * Whit Monday, which follow Easter.
	 */
	static boolean holiday(LocalDate day) {
		if (FIXED_HOLIDAYS.contains(MonthDay.from(day))) {
			return true;
		}
		LocalDate easter = easter(day.getYear());
		return day.equals(easter.plusDays(1)) || day.equals(easter.plusDays(39)) || day.equals(easter.plusDays(50));
	}

	/**
	 * Easter Sunday in the Gregorian calendar (the anonymous algorithm,
	 * Meeus/Jones/Butcher).
	 */
	static LocalDate easter(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
		return LocalDate.of(year, month, dayOfMonth);
	}

}
