package fr.dwwm.comptoir.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The contrast ratios that mockups/charte-graphique.md declares are the ones the
 * stylesheet really produces, and every text colour reaches WCAG 2.1 AA (4.5:1).
 */
class CharterContrastTests {

	private static final Path CHARTER = Path.of("mockups", "charte-graphique.md");

	private static final Path STYLESHEET = Path.of("src", "main", "resources", "static", "css", "comptoir.css");

	private static final Pattern CONTRAST_ROW = Pattern
		.compile("^\\| `([a-z-]+)` \\| `([a-z-]+)` \\| (clair|sombre) \\| ([0-9]+,[0-9]{2}):1 \\|$");

	private static final Pattern COLOR_ROW = Pattern
		.compile("^\\| `([a-z-]+)` \\| `(#[0-9a-f]{6})` \\| `(#[0-9a-f]{6})` \\|.*$");

	@Test
	void everyDeclaredRatioMatchesTheStylesheetAndReachesAA() throws IOException {
		Map<String, CharterColors.Token> tokens = tokens();
		List<String> rows = new ArrayList<>();
		for (String line : Files.readAllLines(CHARTER, StandardCharsets.UTF_8)) {
			Matcher row = CONTRAST_ROW.matcher(line);
			if (!row.matches()) {
				continue;
			}
			rows.add(line);
			boolean dark = row.group(3).equals("sombre");
			String text = color(tokens, row.group(1), dark);
			String background = color(tokens, row.group(2), dark);
			double declared = Double.parseDouble(row.group(4).replace(',', '.'));
			double actual = contrast(text, background);
			assertThat(actual).as(line).isCloseTo(declared, within(0.01));
			assertThat(actual).as(line + " reaches 4.5:1").isGreaterThanOrEqualTo(4.5);
		}
		assertThat(rows).as("contrast rows in the charter").hasSizeGreaterThanOrEqualTo(20);
	}

	@Test
	void theCharterListsExactlyTheColoursOfTheStylesheet() throws IOException {
		Map<String, CharterColors.Token> tokens = tokens();
		Map<String, CharterColors.Token> documented = new HashMap<>();
		for (String line : Files.readAllLines(CHARTER, StandardCharsets.UTF_8)) {
			Matcher row = COLOR_ROW.matcher(line);
			if (row.matches()) {
				documented.put(row.group(1), new CharterColors.Token(row.group(1), row.group(2), row.group(3)));
			}
		}
		assertThat(documented).isEqualTo(tokens);
	}

	@Test
	void contrastFollowsTheWcagFormula() {
		assertThat(contrast("#000000", "#ffffff")).isCloseTo(21.0, within(0.001));
		assertThat(contrast("#777777", "#ffffff")).isCloseTo(4.48, within(0.01));
	}

	private static Map<String, CharterColors.Token> tokens() throws IOException {
		Map<String, CharterColors.Token> tokens = new HashMap<>();
		for (CharterColors.Token token : CharterColors.parse(Files.readString(STYLESHEET, StandardCharsets.UTF_8))) {
			tokens.put(token.name(), token);
		}
		return tokens;
	}

	private static String color(Map<String, CharterColors.Token> tokens, String name, boolean dark) {
		CharterColors.Token token = tokens.get(name);
		assertThat(token).as("token " + name + " in comptoir.css").isNotNull();
		return dark ? token.dark() : token.light();
	}

	/** WCAG 2.1 contrast ratio between two sRGB colours. */
	static double contrast(String first, String second) {
		double a = luminance(first);
		double b = luminance(second);
		return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	}

	private static double luminance(String hex) {
		double[] channels = new double[3];
		for (int i = 0; i < 3; i++) {
			double value = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
			channels[i] = (value <= 0.03928) ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
	}

}
