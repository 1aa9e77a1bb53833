package fr.dwwm.comptoir.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import fr.dwwm.comptoir.module.api.ShopEvent;
import fr.dwwm.comptoir.security.AccountPrincipal;
import fr.dwwm.comptoir.system.PublicUrl;
import fr.dwwm.comptoir.web.EveryViewEvents;
import fr.dwwm.comptoir.web.MovedPermanently;
import fr.dwwm.comptoir.web.PageLinks;
import fr.dwwm.comptoir.web.SharedPage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The storefront's product pages: the listing with its filters, the search and the page
 * of one product.
 */
@Controller
class CatalogController {

	static final int PAGE_SIZE = 12;

	private static final int RELATED = 4;

	private final ProductQueries queries;

	private final ProductRepository products;

	private final Categories categories;

	private final ProductPageData pageData;

	private final List<String> facetNames;

	private final EveryViewEvents everyView;

	private final Variants variants;

	/**
	 * The shop's configured address: never the request's Host header, which anybody may
	 * forge.
	 */
	private final PublicUrl publicUrl;

	CatalogController(ProductQueries queries, ProductRepository products, Categories categories,
			ProductPageData pageData, @Value("${app.catalog.facets}") List<String> facetNames,
			EveryViewEvents everyView, Variants variants, PublicUrl publicUrl) {
		this.publicUrl = publicUrl;
		this.queries = queries;
		this.products = products;
		this.variants = variants;
		this.categories = categories;
		this.pageData = pageData;
		this.facetNames = facetNames;
		this.everyView = everyView;
	}

	@GetMapping("/products")
	@SharedPage
	String list(@Valid @ModelAttribute("search") CatalogSearch search, BindingResult errors, Model model) {
		return listing("/products", search, errors, model);
	}

	@GetMapping("/search")
	@SharedPage
	String search(@Valid @ModelAttribute("search") CatalogSearch search, BindingResult errors, Model model) {
		return listing("/search", search, errors, model);
	}

	private String listing(String path, CatalogSearch search, BindingResult errors, Model model) {
		ignoreInvalidFields(search, errors);
		CategoryTree tree = this.categories.tree();
		CategoryTree.Node category = null;
		if (search.getCategory() != null && !search.getCategory().isBlank()) {
			category = tree.bySlug(search.getCategory())
				.orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "Unknown category"));
		}
		ProductFilter filter = search.toFilter((category != null) ? category.id() : null, PAGE_SIZE);
		ProductPage page = this.queries.find(filter);
		model.addAttribute("path", path);
		model.addAttribute("category", category);
		model.addAttribute("tree", tree);
		model.addAttribute("page", page);
		model.addAttribute("pages",
				PageLinks.of(page.page(), page.pageCount(), (number) -> search.pageUrl(path, number)));
		model.addAttribute("facets", this.queries.facets(filter, this.facetNames));
		model.addAttribute("sorts", ProductSort.values());
		if ("/search".equals(path)) {
			// Result pages of a search are for visitors, not for search engines.
			model.addAttribute("noindex", true);
		}
		else {
			UriComponentsBuilder canonical = UriComponentsBuilder.fromUriString(this.publicUrl.link(path));
			if (category != null) {
				canonical.queryParam("category", category.slug());
			}
			if (filter.page() > 0) {
				canonical.queryParam("page", filter.page() + 1);
			}
			model.addAttribute("canonicalUrl", canonical.build().encode().toUriString());
		}
		return "catalog/listing";
	}

	/**
	 * A value that failed validation (a negative price, a page number of ten thousand...)
	 * is dropped, and the page says so, rather than failing.
	 */
	private static void ignoreInvalidFields(CatalogSearch search, BindingResult errors) {
		if (errors.hasFieldErrors("min")) {
			search.setMin(null);
		}
		if (errors.hasFieldErrors("max")) {
			search.setMax(null);
		}
		if (errors.hasFieldErrors("page")) {
			search.setPage(null);
		}
		if (errors.hasFieldErrors("q")) {
			search.setQ(search.getQ().substring(0, ProductFilter.MAX_TEXT_LENGTH));
		}
		if (errors.hasFieldErrors("attr")
				|| errors.getFieldErrors().stream().anyMatch((e) -> e.getField().startsWith("attr"))) {
			search.setAttr(List.of());
		}
		if (errors.hasFieldErrors("sort") || errors.hasFieldErrors("category")) {
			search.setSort(null);
		}
	}

	@GetMapping("/products/{slug}")
	@SharedPage
	String product(@PathVariable String slug, @RequestParam(name = "variant", required = false) String variant,
			Model model, @AuthenticationPrincipal AccountPrincipal visitor, HttpServletRequest request) {
		Product product = this.products.findBySlugAndActiveTrue(slug).orElse(null);
		if (product == null) {
			String moved = this.queries.movedTo(slug)
				.orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "Unknown product"));
			return MovedPermanently.to(request,
					UriComponentsBuilder.fromPath("/products/")
						.path(moved)
						.queryParamIfPresent("variant", Optional.ofNullable(variant)));
		}
		List<ProductVariant> variants = this.variants.forSale(product.getId());
		// Any other value (another product's variant, a word) shows the default choice.
		ProductVariant selected = ProductVariant.choose(variants, variant);
		CategoryTree.Node category = this.categories.tree().byId(product.getCategory().getId()).orElse(null);
		List<ProductCard> related = this.queries
			.find(ProductFilter.inCategory(product.getCategory().getId(), ProductSort.RELEVANCE, RELATED + 1))
			.items()
			.stream()
			.filter((card) -> card.id() != product.getId())
			.limit(RELATED)
			.toList();
		// A variant's own pictures come before those of every variant; each page shows
		// the
		// chosen variant's and hides the others (js/variant-choice.js shows them in
		// turn).
		List<ProductImage> gallery = product.getImages()
			.stream()
			.sorted(Comparator.comparing((ProductImage image) -> image.getVariantId() == null))
			.toList();
		model.addAttribute("gallery", gallery);
		model.addAttribute("firstShown",
				gallery.stream().filter((image) -> image.shows(selected)).findFirst().orElse(null));
		model.addAttribute("product", product);
		model.addAttribute("variants", variants);
		model.addAttribute("selected", selected);
		model.addAttribute("category", category);
		model.addAttribute("related", related);
		model.addAttribute("structuredData", this.pageData.structuredData(product, variants, category));
		model.addAttribute("ogType", "product");
		model.addAttribute("ogImage", this.pageData.imageUrl(product));
		// Counted by modules on every visit, served from the page cache or not.
		this.everyView
			.publish(new ShopEvent.ProductViewed(product.getId(), (visitor != null) ? visitor.getAccountId() : null));
		return "catalog/product";
	}

}
