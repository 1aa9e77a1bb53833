package fr.dwwm.comptoir.cms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The accessibility statement says what the audit found: the rate computed from the
 * published grid ({@code docs/accessibilite/grille-rgaa-4.1.2.csv}) the way the RGAA
 * defines it, the status that rate gives, and the same status in every page's footer and
 * in the audit's summary. A grid changed without the statement, or the reverse, fails.
 */
@IntegrationTest
class AccessibilityStatementTests {

	private static final Path GRID = Path.of("docs", "accessibilite", "grille-rgaa-4.1.2.csv");

	@Autowired
	private MockMvc mvc;

	@Test
	void theStatementTheFooterAndTheSummaryGiveTheRateAndStatusOfThePublishedGrid() throws Exception {
		List<String> rows = Files.readAllLines(GRID, StandardCharsets.UTF_8);
		assertThat(rows).as("the header and the 106 criteria").hasSize(107);
		int conform = 0;
		int notConform = 0;
		for (String row : rows.subList(1, rows.size())) {
			List<String> pages = List.of(row.split(";", -1)).subList(3, 16);
			assertThat(pages).as(row.substring(0, Math.min(row.length(), 20)))
				.allMatch(List.of("C", "NC", "NA")::contains);
			if (pages.contains("NC")) {
				notConform++;
			}
			else if (pages.contains("C")) {
				conform++;
			}
		}
		double rate = 100.0 * conform / (conform + notConform);
		String percent = String.format(Locale.FRANCE, "%.2f %%", rate);
		String status = (rate == 100) ? "totalement conforme"
				: (rate >= 50) ? "partiellement conforme" : "non conforme";

		Document statement = Jsoup.parse(this.mvc.perform(get("/pages/accessibilite"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(spaced(statement.select("main").text())).contains(status, percent)
			.contains(conform + " critères conformes", notConform + " critère");
		assertThat(statement.select("footer a").eachText()).contains("Accessibilité : " + status);
		assertThat(spaced(Files.readString(Path.of("docs", "accessibilite", "README.md")))).contains(percent);
	}

	/** Non-breaking spaces as plain ones: « 98,63 % » however it was typed. */
	private static String spaced(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ');
	}

}
