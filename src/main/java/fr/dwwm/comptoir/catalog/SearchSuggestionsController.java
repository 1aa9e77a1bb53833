package fr.dwwm.comptoir.catalog;

import java.util.List;
import java.util.Locale;

import fr.dwwm.comptoir.web.JsonApi;
import fr.dwwm.comptoir.web.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Suggestions for the search field of the header ({@code search-suggestions.js}): the
 * first products the full-text search finds, with what the list shows for each. The same
 * query as the search page, so a suggestion is never something the results would not
 * show.
 */
@RestController
@JsonApi
@Tag(name = "Catalogue")
class SearchSuggestionsController {

	/** Fewest characters before suggesting anything. */
	static final int MIN_LENGTH = 2;

	static final int MAX_SUGGESTIONS = 6;

	private final ProductQueries queries;

	private final MessageSource messages;

	private final Money money;

	SearchSuggestionsController(ProductQueries queries, MessageSource messages, Money money) {
		this.queries = queries;
		this.messages = messages;
		this.money = money;
	}

	@GetMapping(path = "/api/v1/search", produces = "application/json")
	@Operation(summary = "Suggère des produits / Suggests products",
			description = "Les 6 premiers produits que la page de recherche listerait, prix mis en forme pour la "
					+ "langue du visiteur. / The first 6 products the search page would list, prices formatted for "
					+ "the visitor's language.")
	Suggestions suggest(@RequestParam(defaultValue = "") String q, Locale locale) {
		String text = q.strip();
		String allUrl = UriComponentsBuilder.fromPath("/search").queryParam("q", text).encode().build().toUriString();
		if (text.length() < MIN_LENGTH) {
			return new Suggestions(text, 0, List.of(), allUrl, null);
		}
		ProductPage page = this.queries.find(ProductFilter.search(text, 0, MAX_SUGGESTIONS));
		List<Suggestion> items = page.items()
			.stream()
			.map((card) -> new Suggestion(card.name(), "/products/" + card.slug(),
					card.priceText(this.money, this.messages, locale),
					(card.image() != null) ? "/images/products/" + card.image().fileName() + "?w=320" : null))
			.toList();
		String allLabel = this.messages.getMessage("search.suggestions.all", new Object[] { page.total() }, locale);
		return new Suggestions(text, page.total(), items, allUrl, allLabel);
	}

	/**
	 * What the field proposes.
	 *
	 * @param query the text searched
	 * @param total how many products the search page would list
	 * @param items the first of them
	 * @param allUrl the search page
	 * @param allLabel text of the link to it, or {@code null} when nothing was searched
	 */
	record Suggestions(String query, long total, List<Suggestion> items, String allUrl, String allLabel) {
	}

	/**
	 * One product proposed.
	 *
	 * @param name its name
	 * @param url its page
	 * @param price its price, formatted
	 * @param image a small picture, or {@code null}
	 */
	record Suggestion(String name, String url, String price, String image) {
	}

}
