package fr.dwwm.comptoir.order;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fourteen days of the right of withdrawal, at their edges: the day of delivery does
 * not count, the fourteenth day is the last, and a last day falling on a weekend or a
 * French public holiday moves to the next working day.
 */
class WithdrawalPeriodTests {

	@Test
	void goodsDeliveredOnATuesdayMayBeReturnedUntilTheTuesdayTwoWeeksLaterAndNotTheDayAfter() {
		LocalDate delivered = LocalDate.of(2026, 11, 3);

		assertThat(WithdrawalPeriod.lastDay(delivered)).isEqualTo(LocalDate.of(2026, 11, 17));
		assertThat(WithdrawalPeriod.open(delivered, delivered)).as("the day of delivery").isTrue();
		assertThat(WithdrawalPeriod.open(delivered, LocalDate.of(2026, 11, 17))).as("day 14").isTrue();
		assertThat(WithdrawalPeriod.open(delivered, LocalDate.of(2026, 11, 18))).as("day 15").isFalse();
	}

	@Test
	void aFourteenthDayOnASaturdayMovesTheLastDayToTheMonday() {
		LocalDate delivered = LocalDate.of(2026, 11, 7);

		assertThat(WithdrawalPeriod.lastDay(delivered)).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(WithdrawalPeriod.open(delivered, LocalDate.of(2026, 11, 22))).as("day 15, a Sunday").isTrue();
		assertThat(WithdrawalPeriod.open(delivered, LocalDate.of(2026, 11, 24))).isFalse();
	}

	@Test
	void aFourteenthDayOnAPublicHolidayMovesTheLastDayToTheNextWorkingDay() {
		assertThat(WithdrawalPeriod.lastDay(LocalDate.of(2026, 10, 28))).as("11 November, Armistice")
			.isEqualTo(LocalDate.of(2026, 11, 12));
		assertThat(WithdrawalPeriod.lastDay(LocalDate.of(2026, 12, 11))).as("25 December, a Friday")
			.isEqualTo(LocalDate.of(2026, 12, 28));
		assertThat(WithdrawalPeriod.lastDay(LocalDate.of(2027, 3, 15))).as("Easter Monday 2027")
			.isEqualTo(LocalDate.of(2027, 3, 30));
	}

	@Test
	void easterAndTheHolidaysThatFollowItAreComputedForAnyYear() {
		assertThat(WithdrawalPeriod.easter(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(WithdrawalPeriod.easter(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
		assertThat(WithdrawalPeriod.easter(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
		assertThat(WithdrawalPeriod.holiday(LocalDate.of(2026, 5, 14))).as("Ascension 2026").isTrue();
		assertThat(WithdrawalPeriod.holiday(LocalDate.of(2026, 5, 25))).as("Whit Monday 2026").isTrue();
		assertThat(WithdrawalPeriod.holiday(LocalDate.of(2026, 5, 26))).isFalse();
	}

}
