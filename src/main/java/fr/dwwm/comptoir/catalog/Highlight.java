package fr.dwwm.comptoir.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into plain and matched parts, so that templates can wrap the matched ones in
 * {@code <mark>} with {@code th:text}: search terms are highlighted without ever writing
 * unescaped HTML.
 *
 * @param text the part's text
 * @param matched whether it matched the search
 */
public record Highlight(String text, boolean matched) {

	/**
	 * Cuts a headline produced by PostgreSQL's {@code ts_headline} at its markers.
	 * @param headline text with {@link ProductQueries#MATCH_START} and
	 * {@link ProductQueries#MATCH_END} around matches, or {@code null}
	 * @param plain the text to use when there is no headline
	 * @return the parts, in order
	 */
	static List<Highlight> segments(String headline, String plain) {
		if (headline == null || headline.indexOf(ProductQueries.MATCH_START) < 0) {
			return List.of(new Highlight(plain, false));
		}
		List<Highlight> parts = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean matched = false;
		for (char c : headline.toCharArray()) {
			if (c == ProductQueries.MATCH_START || c == ProductQueries.MATCH_END) {
				if (current.length() > 0) {
					parts.add(new Highlight(current.toString(), matched));
					current.setLength(0);
				}
				matched = (c == ProductQueries.MATCH_START);
			}
			else {
				current.append(c);
			}
		}
		if (current.length() > 0) {
			parts.add(new Highlight(current.toString(), matched));
		}
		return parts;
	}

}
