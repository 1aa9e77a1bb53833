package fr.dwwm.comptoir.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import fr.dwwm.comptoir.web.ApiMoney;
import fr.dwwm.comptoir.web.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The catalogue in the REST API, version 1: categories, products found with the same
 * search, filters and order as the pages ({@link ProductQueries}, the same French
 * full-text search), one product with its variants. Public, cacheable by anyone for five
 * minutes, with an {@code ETag} (a repeated read with {@code If-None-Match} gets 304).
 * Money is in cents with its currency; names follow the pages' data, never the tables.
 */
@RestController
@JsonApi
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Catalogue", description = "Rayons et produits publiés. / Published categories and products.")
class ApiCatalogController {

	/** How long any cache may keep a catalogue answer. */
	static final Duration MAX_AGE = Duration.ofMinutes(5);

	/** Products per page when the client does not say. */
	static final int DEFAULT_SIZE = 24;

	private final ProductQueries queries;

	private final Categories categories;

	private final ProductRepository products;

	private final Variants variants;

	ApiCatalogController(ProductQueries queries, Categories categories, ProductRepository products, Variants variants) {
		this.queries = queries;
		this.categories = categories;
		this.products = products;
		this.variants = variants;
	}

	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@GetMapping("/categories")
	@Operation(summary = "Liste les rayons / Lists the categories",
			description = "Tous les rayons publiés, chacun avec le slug de son parent (null pour un rayon racine). "
					+ "/ Every published category with its parent's slug (null for a root).")
	ResponseEntity<List<ApiCategory>> categories() {
		List<ApiCategory> all = new ArrayList<>();
		for (CategoryTree.Node root : this.categories.tree().roots()) {
			add(root, all);
		}
		return ResponseEntity.ok().cacheControl(publicCache()).body(all);
	}

	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@GetMapping("/products")
	@Operation(summary = "Cherche des produits / Searches products",
			description = "Recherche plein texte française (mêmes résultats que la page /search), rayon et "
					+ "sous-rayons, tri, pages numérotées à partir de 1. / French full-text search (the same "
					+ "results as the /search page), category and its subcategories, order, pages from 1.")
	@ApiResponse(responseCode = "404", description = "Rayon inconnu / Unknown category")
	ResponseEntity<ApiProductPage> products(
			@Parameter(description = "Texte cherché / Search text") @RequestParam(required = false) String q,
			@Parameter(description = "Slug du rayon / Category slug") @RequestParam(required = false) String category,
			@Parameter(description = "relevance, price-asc, price-desc, name, newest") @RequestParam(
					required = false) String sort,
			@Parameter(description = "Page, à partir de 1 / Page, from 1") @RequestParam(defaultValue = "1") int page,
			@Parameter(description = "Produits par page, 1 à 48 / Products per page, 1 to 48") @RequestParam(
					defaultValue = "24") int size) {
		Long categoryId = null;
		if (category != null && !category.isBlank()) {
			categoryId = this.categories.tree()
				.bySlug(category)
				.orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "Unknown category"))
				.id();
		}
		String text = (q != null && q.length() > ProductFilter.MAX_TEXT_LENGTH)
				? q.substring(0, ProductFilter.MAX_TEXT_LENGTH) : q;
		ProductFilter filter = new ProductFilter(text, categoryId, null, null, false, false, java.util.Map.of(),
				ProductSort.fromParameter(sort), Math.max(0, page - 1), Math.max(1, size));
		ProductPage found = this.queries.find(filter);
		List<ApiProductSummary> items = found.items()
			.stream()
			.map((card) -> new ApiProductSummary(card.slug(), card.name(), card.summary(),
					new ApiMoney(card.priceCents()), card.priceFrom(), card.stock() > 0,
					(card.image() != null) ? "/images/products/" + card.image().fileName() : null))
			.toList();
		return ResponseEntity.ok()
			.cacheControl(publicCache())
			.body(new ApiProductPage(items, found.page() + 1, found.size(), found.total(), found.pageCount(),
					found.correctedText()));
	}

	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@GetMapping("/products/{slug}")
	@Operation(summary = "Lit un produit / Reads a product",
			description = "Un produit publié avec ses déclinaisons en vente. / A published product with its "
					+ "variants for sale.")
	@ApiResponse(responseCode = "404", description = "Produit inconnu ou retiré / Unknown or withdrawn product")
	ResponseEntity<ApiProduct> product(@PathVariable String slug) {
		Product product = this.products.findBySlugAndActiveTrue(slug)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "Unknown product"));
		List<ApiVariant> variants = this.variants.forSale(product.getId())
			.stream()
			.map((variant) -> new ApiVariant(variant.sku(), variant.label(), new ApiMoney(variant.priceCents()),
					variant.inStock()))
			.toList();
		List<String> images = product.getImages()
			.stream()
			.map((image) -> "/images/products/" + image.getFileName())
			.toList();
		return ResponseEntity.ok()
			.cacheControl(publicCache())
			.body(new ApiProduct(product.getSlug(), product.getName(), product.getSummary(), product.getDescription(),
					product.getCategory().getSlug(), product.getVatRate().toPlainString(), variants, images));
	}

	private static void add(CategoryTree.Node node, List<ApiCategory> all) {
		all.add(new ApiCategory(node.slug(), node.name(), (node.parent() != null) ? node.parent().slug() : null));
		for (CategoryTree.Node child : node.children()) {
			add(child, all);
		}
	}

	private static CacheControl publicCache() {
		return CacheControl.maxAge(MAX_AGE).cachePublic();
	}

	/**
	 * A category.
	 *
	 * @param slug its identifier in addresses
	 * @param name its name
	 * @param parent its parent's slug, or {@code null}
	 */
	record ApiCategory(@Schema(example = "confitures-et-miels") String slug,
			@Schema(example = "Confitures et miels") String name, @Schema(example = "epicerie-fine") String parent) {
	}

	/**
	 * A product in a list.
	 *
	 * @param slug its identifier
	 * @param name its name
	 * @param summary one sentence
	 * @param price its lowest price
	 * @param priceFrom whether its variants have other prices (« à partir de »)
	 * @param inStock whether it can be ordered now
	 * @param image the path of its first picture, or {@code null}
	 */
	record ApiProductSummary(@Schema(example = "confiture-de-figues") String slug,
			@Schema(example = "Confiture de figues") String name,
			@Schema(example = "Confiture de figues violettes de Provence, cuite au chaudron.") String summary,
			ApiMoney price, boolean priceFrom, boolean inStock, String image) {
	}

	/**
	 * One page of products.
	 *
	 * @param items the products
	 * @param page this page, from 1
	 * @param size products per page
	 * @param total products found
	 * @param pages number of pages
	 * @param correctedText the spelling actually searched when the text typed found
	 * nothing, or {@code null}
	 */
	record ApiProductPage(List<ApiProductSummary> items, int page, int size, long total, int pages,
			String correctedText) {
	}

	/**
	 * A product.
	 *
	 * @param slug its identifier
	 * @param name its name
	 * @param summary one sentence
	 * @param description its description (HTML of the shop's allow-list)
	 * @param category its category's slug
	 * @param vatRate its VAT rate in per cent, e.g. {@code 5.50}
	 * @param variants what can be bought
	 * @param images the paths of its pictures
	 */
	record ApiProduct(String slug, String name, String summary, String description, String category, String vatRate,
			List<ApiVariant> variants, List<String> images) {
	}

	/**
	 * A variant for sale.
	 *
	 * @param sku its reference
	 * @param label its options (« 450 g »), or {@code null} for a product without options
	 * @param price its price
	 * @param inStock whether it can be ordered now
	 */
	record ApiVariant(@Schema(example = "EPI-CONF-001") String sku, @Schema(example = "250 g") String label,
			ApiMoney price, boolean inStock) {
	}

}
