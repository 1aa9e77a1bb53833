package fr.dwwm.comptoir.module.builtin.newsletter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the newsletter accepts as an address, and how it stores it.
 */
class EmailAddressesTests {

	@Test
	void anAddressIsTrimmedAndLowerCased() {
		assertThat(EmailAddresses.normalise("  Camille.Durand+lettre@Exemple.FR "))
			.hasValue("camille.durand+lettre@exemple.fr");
	}

	@Test
	void somethingThatIsNotAnAddressIsRefused() {
		assertThat(EmailAddresses.normalise(null)).isEmpty();
		assertThat(EmailAddresses.normalise("")).isEmpty();
		assertThat(EmailAddresses.normalise("camille")).isEmpty();
		assertThat(EmailAddresses.normalise("camille@")).isEmpty();
		assertThat(EmailAddresses.normalise("@exemple.fr")).isEmpty();
		assertThat(EmailAddresses.normalise("camille@exemple")).as("no dot in the domain").isEmpty();
		assertThat(EmailAddresses.normalise("camille durand@exemple.fr")).isEmpty();
		assertThat(EmailAddresses.normalise("camille@exemple.fr\u0000")).isEmpty();
		assertThat(EmailAddresses.normalise("camille@-exemple.fr")).isEmpty();
	}

	@Test
	void anAddressLongerThanMailServersAcceptIsRefused() {
		String domain = "@" + "d".repeat(63) + "." + "e".repeat(63) + ".";
		assertThat(EmailAddresses.normalise("a".repeat(64) + domain + "f".repeat(58) + ".fr")).as("254 characters")
			.isPresent();
		assertThat(EmailAddresses.normalise("a".repeat(64) + domain + "f".repeat(59) + ".fr")).as("255 characters")
			.isEmpty();
		assertThat(EmailAddresses.normalise("a".repeat(65) + "@exemple.fr")).as("local part over 64").isEmpty();
	}

	@Test
	void blankMeansNothingTyped() {
		assertThat(EmailAddresses.isBlank(null)).isTrue();
		assertThat(EmailAddresses.isBlank("   ")).isTrue();
		assertThat(EmailAddresses.isBlank("x")).isFalse();
	}

}
