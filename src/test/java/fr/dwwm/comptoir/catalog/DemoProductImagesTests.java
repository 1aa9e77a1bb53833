package fr.dwwm.comptoir.catalog;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.dwwm.comptoir.catalog.DemoProductImages.Missing;
import fr.dwwm.comptoir.catalog.DemoProductImages.Subject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo pictures show each product, not only its category: the names come from the
 * demo catalog itself, so a product added there without a drawing fails here.
 */
class DemoProductImagesTests {

	private static final Path CATALOG = Path.of("database/demo/R__demo_2_catalog.sql");

	/** A product row: its reference, its name (quotes doubled), then its slug. */
	private static final Pattern PRODUCT = Pattern
		.compile("'(?:EPI|MAI)-[A-Z]+-\\d+', '((?:[^']|'')+)', '[a-z0-9-]+',");

	@Test
	void everyDemoProductIsDrawnAsTheThingItsNameSays() {
		List<String> names = demoProductNames();
		assertThat(names).hasSizeGreaterThan(50);
		assertThat(names).allSatisfy((name) -> assertThat(Subject.named(name)).as(name)
			.hasValueSatisfying((subject) -> assertThat(subject.words()).as(name)
				.anySatisfy((word) -> assertThat(plain(name)).contains(word))));
	}

	@Test
	void thePlateTheMugTheCupAndSaucerAndTheOvalDishAreFourDifferentThings() {
		List<Subject> subjects = Stream.of("Assiette", "Mug", "Tasse et soucoupe", "Plat ovale")
			.map((start) -> subject(demoProduct(start)))
			.toList();
		assertThat(subjects).containsExactly(Subject.PLATE, Subject.MUG, Subject.CUP_AND_SAUCER, Subject.OVAL_DISH);
		assertThat(subject(demoProduct("Duo de bols"))).isEqualTo(Subject.BOWLS);
	}

	@Test
	void soapsAreBarsOfSoapAndCandlesAreCandles() {
		List<String> names = demoProductNames();
		List<Subject> soaps = names.stream().filter((name) -> name.startsWith("Savon")).map(this::subject).toList();
		List<Subject> candles = names.stream().filter((name) -> name.startsWith("Bougie")).map(this::subject).toList();
		assertThat(soaps).hasSize(3).containsOnly(Subject.SOAP);
		assertThat(candles).hasSize(4).containsOnly(Subject.CANDLE);
	}

	@Test
	void theGateauBasqueIsACakeAndTheChocolateABarNotBiscuits() {
		assertThat(subject(demoProduct("Gâteau basque"))).isEqualTo(Subject.CAKE);
		assertThat(subject(demoProduct("Chocolat noir"))).isEqualTo(Subject.CHOCOLATE_BAR);
		assertThat(subject(demoProduct("Galettes bretonnes"))).isEqualTo(Subject.BISCUITS);
	}

	@Test
	void theFirstWordThatNamesAThingWinsOverTheWordsThatFollow() {
		// « à l'huile d'olive » is what the soap is made with; « aux noix », what the
		// mustard holds; « à la cerise noire », what fills the cake.
		assertThat(subject(demoProduct("Savon de Marseille"))).isEqualTo(Subject.SOAP);
		assertThat(subject(demoProduct("Moutarde aux noix"))).isEqualTo(Subject.MUSTARD_POT);
		assertThat(subject(demoProduct("Thé noir au caramel"))).isEqualTo(Subject.TEA_TIN);
		// Whole words only: a teapot is not tea, and onion confit is not jam.
		assertThat(subject(demoProduct("Théière"))).isEqualTo(Subject.TEAPOT);
		assertThat(subject(demoProduct("Confit d'oignons"))).isEqualTo(Subject.SPREAD_JAR);
	}

	@Test
	void aNameWithoutAKnownWordGetsTheObjectOfItsCategory() {
		// The only fallback: a product added later by hand, not one of the demo catalog.
		assertThat(Subject.named("Coffret découverte")).isEmpty();
		assertThat(Subject.of(new Missing(1, "Coffret découverte", "savons-et-bougies", false)))
			.isEqualTo(Subject.SOAP);
		assertThat(Subject.of(new Missing(1, "Coffret découverte", "ceramique", false))).isEqualTo(Subject.BOWLS);
	}

	@Test
	void everySubjectIsItsOwnDrawingEvenInTheSameTint() {
		Color tint = new Color(0x8AA884);
		Map<Subject, int[]> pixels = new EnumMap<>(Subject.class);
		for (Subject subject : Subject.values()) {
			pixels.put(subject, pixels(DemoProductImages.draw(subject, "ceramique", tint)));
		}
		for (Subject one : Subject.values()) {
			for (Subject other : Subject.values()) {
				if (one.ordinal() < other.ordinal()) {
					// One pixel in a hundred at least: not one shape recoloured.
					assertThat(differing(pixels.get(one), pixels.get(other))).as(one + " and " + other)
						.isGreaterThan(pixels.get(one).length / 100);
				}
			}
		}
	}

	@Test
	void aGlazedVariantShowsTheSameObjectAsItsProductInTheGlazeColour() {
		Missing plate = new Missing(1, demoProduct("Assiette"), "ceramique", false);
		Color blue = DemoProductImages.glaze("Bleu de Prusse");
		int[] variant = pixels(DemoProductImages.draw(plate, blue));
		assertThat(variant).isEqualTo(pixels(DemoProductImages.draw(Subject.PLATE, "ceramique", blue)));
		assertThat(differing(variant, pixels(DemoProductImages.draw(Subject.BOWLS, "ceramique", blue))))
			.isGreaterThan(variant.length / 100);
		assertThat(differing(variant, pixels(DemoProductImages.draw(plate, DemoProductImages.glaze("Blanc moucheté")))))
			.isGreaterThan(variant.length / 100);
	}

	@Test
	void aFeaturedProductHasThreeViewsAndAnyOtherOne() {
		String name = demoProduct("Duo de bols");
		assertThat(DemoProductImages.views(new Missing(1, name, "ceramique", true))).hasSize(3);
		assertThat(DemoProductImages.views(new Missing(1, name, "ceramique", false))).hasSize(1);
	}

	/** The names of the demo products, as the demo catalog spells them. */
	private static List<String> demoProductNames() {
		Matcher product;
		try {
			product = PRODUCT.matcher(Files.readString(CATALOG));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> names = new ArrayList<>();
		while (product.find()) {
			names.add(product.group(1).replace("''", "'"));
		}
		return names;
	}

	/** The one demo product whose name starts so, failing if the catalog has none. */
	private static String demoProduct(String start) {
		List<String> names = demoProductNames().stream().filter((name) -> name.startsWith(start)).toList();
		assertThat(names).as(start).hasSize(1);
		return names.get(0);
	}

	private Subject subject(String name) {
		return Subject.named(name).orElseThrow();
	}

	/** A name in lower case without accents, as the subjects' words are written. */
	private static String plain(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	private static int[] pixels(BufferedImage image) {
		return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
	}

	private static int differing(int[] one, int[] other) {
		int count = 0;
		for (int i = 0; i < one.length; i++) {
			if (one[i] != other[i]) {
				count++;
			}
		}
		return count;
	}

}
