package fr.dwwm.comptoir.web;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amounts and rates are written as a reader of the page's language expects them.
 */
class MoneyTests {

	private final Money money = new Money();

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aFrenchPageWritesEurosAfterTheAmountWithACommaAndSpacedThousands() {
		LocaleContextHolder.setLocale(Locale.FRENCH);
		assertThat(this.money.format(123450)).isEqualTo("1\u202f234,50\u00a0€");
		assertThat(this.money.format(690)).isEqualTo("6,90\u00a0€");
	}

	@Test
	void anEnglishPageWritesTheEuroSignFirstWithAPoint() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.money.format(123450)).isEqualTo("€1,234.50");
	}

	@Test
	void oneLanguageDoesNotLeakIntoTheNextPage() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		this.money.format(690);
		LocaleContextHolder.setLocale(Locale.FRENCH);
		assertThat(this.money.format(690)).isEqualTo("6,90\u00a0€");
	}

	@Test
	void aRateIsAPercentageWithUpToTwoDecimals() {
		LocaleContextHolder.setLocale(Locale.FRENCH);
		assertThat(this.money.percent(new BigDecimal("5.50"))).isEqualTo("5,5\u00a0%");
	}

}
