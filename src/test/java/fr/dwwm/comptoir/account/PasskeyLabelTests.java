package fr.dwwm.comptoir.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name a passkey keeps, whatever is typed (the name comes from the page's script, so
 * from anyone who can write a request): one line, no control characters, at most 60
 * characters, never empty.
 */
class PasskeyLabelTests {

	@Test
	void aNameIsKeptOnOneLineWithoutControlCharacters() {
		assertThat(PasskeyCredentials.label("  Téléphone\n\tde\u0000 Léa \u2028 ")).isEqualTo("Téléphone de Léa");
	}

	@Test
	void aLongNameIsCutAtSixtyCharactersWithoutSplittingACharacter() {
		String name = "😀".repeat(70);
		String kept = PasskeyCredentials.label(name);
		assertThat(kept.codePointCount(0, kept.length())).isEqualTo(PasskeyCredentials.LABEL_MAX_LENGTH);
		assertThat(kept).isEqualTo("😀".repeat(60));
	}

	@Test
	void anEmptyNameBecomesTheDefaultOne() {
		assertThat(PasskeyCredentials.label(null)).isEqualTo("Clé d'accès");
		assertThat(PasskeyCredentials.label(" \u0007 ")).isEqualTo("Clé d'accès");
	}

}
