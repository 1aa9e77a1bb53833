package fr.dwwm.comptoir.account;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The countries the shop delivers to: one list, whose constant for {@code @Pattern} says
 * the same, and whose postal code formats the address forms check.
 */
class CountryTests {

	@Test
	void thePatternOfTheFormsListsExactlyTheCountries() {
		assertThat(Country.CODES)
			.isEqualTo(Arrays.stream(Country.values()).map(Country::name).collect(Collectors.joining("|")));
	}

	@Test
	void eachCountryAcceptsItsOwnPostalCodesOnly() {
		assertThat(Country.FR.acceptsPostalCode("75011")).isTrue();
		assertThat(Country.FR.acceptsPostalCode("7501")).isFalse();
		assertThat(Country.BE.acceptsPostalCode("1000")).isTrue();
		assertThat(Country.BE.acceptsPostalCode("10000")).isFalse();
		assertThat(Country.LU.acceptsPostalCode("1009")).isTrue();
		assertThat(Country.MC.acceptsPostalCode("98000")).isTrue();
		assertThat(Country.FR.acceptsPostalCode(null)).isFalse();
	}

	@Test
	void invoicesNameTheCountryInFrench() {
		assertThat(Country.of("BE"))
			.hasValueSatisfying((country) -> assertThat(country.frenchName()).isEqualTo("Belgique"));
		assertThat(Country.of("DE")).isEmpty();
	}

}
