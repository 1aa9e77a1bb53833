package fr.dwwm.comptoir.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list's page links show every page number or an ellipsis for those left out: never « 1
 * 2 3 5 Suivante », where page 4 silently disappeared; and an ellipsis never hides a
 * single page.
 */
class PageLinksTests {

	@Test
	void fivePagesShowEveryNumberWhicheverIsCurrent() {
		for (int page = 0; page < 5; page++) {
			assertThat(shown(page, 5).replace("[", "").replace("]", "")).isEqualTo("1 2 3 4 5");
		}
	}

	@Test
	void manyPagesShowTheFirstTheLastTheCurrentsNeighboursAndEllipses() {
		assertThat(shown(0, 20)).isEqualTo("[1] 2 3 … 20");
		assertThat(shown(9, 20)).isEqualTo("1 … 8 9 [10] 11 12 … 20");
		assertThat(shown(19, 20)).isEqualTo("1 … 18 19 [20]");
		assertThat(shown(4, 20)).as("1 … 3: the gap would hide page 2 only").isEqualTo("1 2 3 4 [5] 6 7 … 20");
	}

	@Test
	void noPageIsEverLeftOutWithoutAnEllipsis() {
		for (int count = 1; count <= 30; count++) {
			for (int page = 0; page < count; page++) {
				List<PageLinks.Link> links = PageLinks.of(page, count, (number) -> "/p?page=" + number).links();
				int previous = 0;
				boolean gap = false;
				for (PageLinks.Link link : links) {
					if (link.gap()) {
						gap = true;
						continue;
					}
					assertThat(link.number() == previous + 1 || (gap && link.number() > previous + 2))
						.as("page %d of %d: %s", page + 1, count, describe(links))
						.isTrue();
					previous = link.number();
					gap = false;
				}
				assertThat(previous).isEqualTo(count);
			}
		}
	}

	@Test
	void theBackOfficesLinksKeepTheirFilters() {
		PageLinks links = PageLinks.of("/admin/customers", Map.of("q", "dupont"), 1, 3);
		assertThat(links.previousUrl()).isEqualTo("/admin/customers?q=dupont");
		assertThat(links.nextUrl()).isEqualTo("/admin/customers?q=dupont&page=3");
	}

	private static String shown(int page, int count) {
		return describe(PageLinks.of(page, count, (number) -> "/p?page=" + number).links());
	}

	private static String describe(List<PageLinks.Link> links) {
		return links.stream()
			.map((link) -> link.gap() ? "…" : (link.current() ? "[" + link.number() + "]" : "" + link.number()))
			.collect(Collectors.joining(" "));
	}

}
