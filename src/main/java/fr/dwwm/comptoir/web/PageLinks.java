package fr.dwwm.comptoir.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.IntFunction;

/**
 * The page links of a list (the catalogue, the back office's lists), built here rather
 * than in the template so that every filter is kept and encoded once:
 * {@code /admin/customers?q=dupont&page=3}. Pages start at 1 in URLs; the first, the last
 * and the two on each side of the current one are shown. Every page left out is stood for
 * by a gap (an ellipsis), and a gap never stands for a single page: that page is shown
 * instead, « 1 2 3 4 5 » rather than « 1 … 3 4 5 ».
 *
 * @param links the page numbers shown, in order, with gaps
 * @param previousUrl the previous page, or {@code null} on the first
 * @param nextUrl the next page, or {@code null} on the last
 */
public record PageLinks(List<Link> links, String previousUrl, String nextUrl) {

	/**
	 * Builds the links of a list.
	 * @param path the list's path, e.g. {@code /admin/customers}
	 * @param parameters the filters to keep, blank values left out
	 * @param page the current page, from 0
	 * @param pageCount how many pages there are
	 * @return the links
	 */
	public static PageLinks of(String path, Map<String, ?> parameters, int page, int pageCount) {
		return of(page, pageCount, (number) -> url(path, parameters, number));
	}

	/**
	 * Builds the links of a list whose page addresses are made elsewhere (the catalogue's
	 * search keeps its own parameters).
	 * @param page the current page, from 0
	 * @param pageCount how many pages there are
	 * @param url the address of a page, numbered from 1
	 * @return the links
	 */
	public static PageLinks of(int page, int pageCount, IntFunction<String> url) {
		int current = page + 1;
		List<Link> links = new ArrayList<>();
		int last = 0;
		for (int number = 1; number <= pageCount; number++) {
			if (shown(number, current, pageCount)) {
				if (number == last + 2) {
					// A gap would hide this one page only: show it.
					links.add(new Link(last + 1, url.apply(last + 1), false));
				}
				else if (number > last + 2) {
					links.add(new Link(0, null, false));
				}
				links.add(new Link(number, url.apply(number), number == current));
				last = number;
			}
		}
		return new PageLinks(links, (current > 1) ? url.apply(Math.min(current - 1, pageCount)) : null,
				(current < pageCount) ? url.apply(current + 1) : null);
	}

	private static boolean shown(int number, int current, int pageCount) {
		return number == 1 || number == pageCount || Math.abs(number - current) <= 2;
	}

	/**
	 * Tells whether there is more than one page, and so links to show.
	 * @return whether the list has several pages
	 */
	public boolean needed() {
		return this.links.size() > 1 || this.previousUrl != null;
	}

	private static String url(String path, Map<String, ?> parameters, int number) {
		StringJoiner query = new StringJoiner("&");
		parameters.forEach((name, value) -> {
			if (value != null && !value.toString().isBlank()) {
				query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
			}
		});
		if (number > 1) {
			query.add("page=" + number);
		}
		return (query.length() > 0) ? path + "?" + query : path;
	}

	/**
	 * A link to a page, or a gap between two.
	 *
	 * @param number the page, from 1 (0 for a gap)
	 * @param url its URL, {@code null} for a gap
	 * @param current whether it is the page shown
	 */
	public record Link(int number, String url, boolean current) {

		/**
		 * Tells whether this stands for pages left out.
		 * @return whether it is a gap
		 */
		public boolean gap() {
			return this.url == null;
		}

	}

}
