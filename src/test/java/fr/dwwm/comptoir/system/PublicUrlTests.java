package fr.dwwm.comptoir.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The shop's public address gives the full links of its mails and pages: one slash
 * between the address and the path however the operator wrote it, and a clear refusal at
 * start of an address that cannot be one.
 */
class PublicUrlTests {

	@Test
	void anAddressWrittenWithOrWithoutAFinalSlashGivesLinksWithASingleSlash() {
		for (String configured : new String[] { "https://boutique.exemple.fr", "https://boutique.exemple.fr/",
				" https://boutique.exemple.fr/ " }) {
			PublicUrl address = PublicUrl.of(configured);
			assertThat(address.link("/password/reset?token=abc")).as(configured)
				.isEqualTo("https://boutique.exemple.fr/password/reset?token=abc");
			assertThat(address).hasToString("https://boutique.exemple.fr");
			assertThat(address.uri().getHost()).isEqualTo("boutique.exemple.fr");
		}
		assertThat(PublicUrl.of("http://localhost:8080").link("/login")).isEqualTo("http://localhost:8080/login");
		assertThat(PublicUrl.of("https://exemple.fr/boutique/").link("/login"))
			.isEqualTo("https://exemple.fr/boutique/login");
	}

	@Test
	void anAddressThatCannotBeTheShopsIsRefusedWithAMessageNamingTheSetting() {
		for (String configured : new String[] { "", "boutique.exemple.fr", "ftp://boutique.exemple.fr",
				"https://boutique.exemple.fr/?x=1", "https://boutique.exemple.fr/#haut",
				"https://moi@boutique.exemple.fr", "https://", "javascript:alert(1)", "https://exem ple.fr" }) {
			assertThatIllegalArgumentException().as(configured)
				.isThrownBy(() -> PublicUrl.of(configured))
				.withMessageContaining("APP_PUBLIC_URL");
		}
	}

	@Test
	void aLinkIsAlwaysToAPathOfTheShop() {
		assertThatIllegalArgumentException().isThrownBy(() -> PublicUrl.of("https://exemple.fr").link("evil.example"));
	}

}
