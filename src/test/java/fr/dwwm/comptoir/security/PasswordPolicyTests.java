package fr.dwwm.comptoir.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password rules (ANSSI PG-078, CNIL 2022-100, OWASP ASVS 6.2), edge cases first.
 */
class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void elevenCharactersAreTooFewAndTwelveAreEnoughForACustomer() {
		assertThat(this.policy.problems("Tuile-Grise", false)).containsExactly("password.too-short");
		assertThat(this.policy.problems("Tuile-Grise7", false)).isEmpty();
	}

	@Test
	void staffNeedSixteenCharacters() {
		assertThat(this.policy.problems("Tuile-Grise-Ver", true)).containsExactly("password.too-short.staff");
		assertThat(this.policy.problems("Tuile-Grise-Vert", true)).isEmpty();
	}

	@Test
	void sixtyFourCharactersAreAcceptedAndNothingIsTruncated() {
		String sixtyFour = "une-phrase-de-passe-tres-longue-qui-depasse-largement-la-moyenne";
		assertThat(sixtyFour).hasSize(64);
		assertThat(this.policy.problems(sixtyFour, true)).isEmpty();
		assertThat(this.policy.problems("x".repeat(20) + "y".repeat(109), false)).contains("password.too-long");
	}

	@ParameterizedTest
	@ValueSource(strings = { "motdepasse2026!", "Motdepasse 2026", "azertyuiop123", "AZERTYUIOP123!", "123456789012",
			"password1234", "qwertyuiop123", "marseille2026!", "aaaaaaaaaaaaaaa", "abababababababab" })
	void commonPasswordsAreRefusedWhateverTheirCaseSpacesOrSuffix(String common) {
		assertThat(this.policy.problems(common, false)).contains("password.common");
	}

	@Test
	void thePersonsEmailNamesAndTheShopsNameAreRefused() {
		String email = "camille.martin@exemple.test";
		assertThat(this.policy.problems("camille.martin@exemple.test", false, email)).contains("password.personal");
		assertThat(this.policy.problems("CamilleMartin1990", false, email, "Camille", "Martin"))
			.contains("password.personal");
		assertThat(this.policy.problems("mon-comptoir-prefere", false)).contains("password.personal");
		assertThat(this.policy.problems("Tartine-beurre-miel", false, email, "Camille", "Martin")).isEmpty();
	}

	@Test
	void lengthCountsCharactersNotBytes() {
		assertThat(this.policy.problems("éléphant-rosé", false)).isEmpty();
		assertThat(this.policy.problems("ééééé-ààààà", false)).contains("password.too-short");
	}

	@Test
	void anEmptyPasswordIsRequired() {
		assertThat(this.policy.problems("", false)).containsExactly("password.required");
		assertThat(this.policy.problems(null, false)).containsExactly("password.required");
	}

}
