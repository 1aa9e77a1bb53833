package fr.dwwm.comptoir.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rules of the back-office product form that need no database: prices typed in euros
 * become exact cents, and a slug is made from a name.
 */
class ProductFormTests {

	@Test
	void aPriceInEurosBecomesExactCentsWithACommaOrADot() {
		assertThat(ProductForm.toCents("12,90")).isEqualTo(1290);
		assertThat(ProductForm.toCents("12.9")).isEqualTo(1290);
		assertThat(ProductForm.toCents("0,1")).isEqualTo(10);
		assertThat(ProductForm.toCents("19.99")).isEqualTo(1999);
		assertThat(ProductForm.toCents("7")).isEqualTo(700);
		assertThat(ProductForm.toCents("999999,99")).isEqualTo(99_999_999);
	}

	@Test
	void aPriceWithMoreThanTwoDecimalsOrNotANumberIsRefused() {
		for (String price : new String[] { "1.005", "12,", "-3", "1e3", "douze", "1 000" }) {
			assertThatExceptionOfType(NumberFormatException.class).as(price)
				.isThrownBy(() -> ProductForm.toCents(price));
		}
	}

	@Test
	void aStoredPriceIsShownWithACommaInFrenchAndADotInEnglish() {
		ProductAdministration.Details product = new ProductAdministration.Details(1, 2, "EPI-1", "Miel", "miel",
				"Résumé", "Description", 1290, new BigDecimal("5.50"), 3, true, 4, Instant.now());
		assertThat(ProductForm.of(product, Locale.FRENCH).getPrice()).isEqualTo("12,90");
		assertThat(ProductForm.of(product, Locale.ENGLISH).getPrice()).isEqualTo("12.90");
		assertThat(ProductForm.of(product, Locale.FRENCH).getVatRate()).isEqualTo(ProductForm.VAT_REDUCED);
		assertThat(ProductForm.of(product, Locale.FRENCH).getVersion()).isEqualTo(4);
	}

	@Test
	void aSlugIsMadeFromTheNameWithoutAccentsNorPunctuation() {
		assertThat(ProductAdministration.slugify("Confiture d'abricots de la Drôme"))
			.isEqualTo("confiture-d-abricots-de-la-drome");
		assertThat(ProductAdministration.slugify("  Bœuf & Cœur  ")).isEqualTo("boeuf-coeur");
		assertThat(ProductAdministration.slugify("!!!")).isEqualTo("produit");
		assertThat(ProductAdministration.slugify("a".repeat(300))).hasSizeLessThanOrEqualTo(150);
	}

}
