package fr.dwwm.comptoir.cms;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

import fr.dwwm.comptoir.catalog.Categories;
import fr.dwwm.comptoir.catalog.CategoryTree;
import fr.dwwm.comptoir.catalog.ProductQueries;
import fr.dwwm.comptoir.system.PublicUrl;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Tells search engines what to index: {@code /sitemap.xml} lists every published product,
 * category and page; {@code /robots.txt} keeps them out of private areas. And tells
 * people: {@code /sitemap}, the site map page.
 */
@Controller
class SitemapController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private final ProductQueries products;

	private final Categories categories;

	private final CmsPageRepository pages;

	/**
	 * The shop's configured address: never the request's Host header, which anybody may
	 * forge.
	 */
	private final PublicUrl publicUrl;

	SitemapController(ProductQueries products, Categories categories, CmsPageRepository pages, PublicUrl publicUrl) {
		this.publicUrl = publicUrl;
		this.products = products;
		this.categories = categories;
		this.pages = pages;
	}

	@GetMapping(path = "/sitemap.xml")
	ResponseEntity<String> sitemap() {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
				""");
		url(xml, this.publicUrl.link("/"), null);
		url(xml, this.publicUrl.link("/products"), null);
		for (CategoryTree.Node root : this.categories.tree().roots()) {
			categories(xml, this.publicUrl, root);
		}
		for (ProductQueries.PublishedProduct product : this.products.published()) {
			url(xml, this.publicUrl.link("/products/" + product.slug()), DAY.format(product.updatedAt()));
		}
		for (CmsPage page : this.pages.findByStatusOrderBySlug(CmsPage.Status.PUBLISHED)) {
			url(xml, this.publicUrl.link("/pages/" + page.getSlug()),
					(page.getUpdatedAt() != null) ? DAY.format(page.getUpdatedAt()) : null);
		}
		xml.append("</urlset>\n");
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
	}

	/**
	 * The site map for people: the shop's sections and shelves, its published pages, the
	 * account's pages, and for staff the back office's sections. A second way to reach
	 * every page besides the menus and the search (RGAA 12.1).
	 */
	@GetMapping("/sitemap")
	String page(Model model) {
		model.addAttribute("roots", this.categories.tree().roots());
		model.addAttribute("pages", this.pages.findByStatusOrderBySlug(CmsPage.Status.PUBLISHED));
		return "cms/sitemap";
	}

	@GetMapping(path = "/robots.txt")
	ResponseEntity<String> robots() {
		String robots = """
				User-agent: *
				Disallow: /account
				Disallow: /admin
				Disallow: /cart
				Disallow: /checkout
				Disallow: /api/
				Disallow: /login
				Disallow: /register
				Allow: /

				Sitemap: %s
				""".formatted(this.publicUrl.link("/sitemap.xml"));
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(robots);
	}

	private static void categories(StringBuilder xml, PublicUrl base, CategoryTree.Node node) {
		url(xml, base.link("/products?category=" + node.slug()), null);
		for (CategoryTree.Node child : node.children()) {
			categories(xml, base, child);
		}
	}

	private static void url(StringBuilder xml, String location, String lastModified) {
		xml.append("  <url><loc>").append(escape(location)).append("</loc>");
		if (lastModified != null) {
			xml.append("<lastmod>").append(lastModified).append("</lastmod>");
		}
		xml.append("</url>\n");
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
