package fr.dwwm.comptoir;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The competency map stays true: every file, test class and picture that
 * {@code docs/competences.md} links to exists, and each of the eight competencies has at
 * least three pieces of evidence.
 */
class CompetencyMapTests {

	private static final Path MAP = Path.of("docs", "competences.md");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern COMPETENCY = Pattern.compile("^### (CP\\d) ", Pattern.MULTILINE);

	@Test
	void everyLinkedFileTestAndPictureExists() throws IOException {
		List<String> missing = new ArrayList<>();
		Matcher links = LINK.matcher(Files.readString(MAP));
		while (links.find()) {
			String target = links.group(1);
			if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("#")) {
				continue;
			}
			String file = URLDecoder.decode(target.replaceFirst("#.*$", ""), StandardCharsets.UTF_8);
			if (!Files.exists(MAP.getParent().resolve(file).normalize())) {
				missing.add(target);
			}
		}
		assertThat(missing).as("links of docs/competences.md to nothing").isEmpty();
	}

	@Test
	void eachOfTheEightCompetenciesHasAtLeastThreePiecesOfEvidence() throws IOException {
		String map = Files.readString(MAP);
		Map<String, Integer> evidence = new LinkedHashMap<>();
		Matcher headings = COMPETENCY.matcher(map);
		List<int[]> bounds = new ArrayList<>();
		List<String> names = new ArrayList<>();
		while (headings.find()) {
			names.add(headings.group(1));
			bounds.add(new int[] { headings.start() });
		}
		for (int i = 0; i < names.size(); i++) {
			int end = (i + 1 < names.size()) ? bounds.get(i + 1)[0] : map.length();
			String section = map.substring(bounds.get(i)[0], end);
			int links = 0;
			Matcher matcher = LINK.matcher(section);
			while (matcher.find()) {
				links++;
			}
			evidence.put(names.get(i), links);
		}
		assertThat(evidence).containsOnlyKeys("CP1", "CP2", "CP3", "CP4", "CP5", "CP6", "CP7", "CP8");
		assertThat(evidence)
			.allSatisfy((competency, links) -> assertThat(links).as(competency).isGreaterThanOrEqualTo(3));
	}

}
