package fr.dwwm.comptoir.cms;

import java.util.List;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The footer's links, as editors arranged them (menu {@code FOOTER}), from a cache.
 */
@Service
public class FooterMenu {

	static final String CACHE = "footer-menu";

	private final JdbcClient jdbc;

	FooterMenu(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns the links of the footer menu, in order; links to unpublished pages are left
	 * out.
	 * @return label and site-relative URL of each link
	 */
	@Cacheable(CACHE)
	public List<Link> links() {
		return this.jdbc.sql("""
				SELECT i.label,
				       coalesce('/pages/' || p.slug, '/products?category=' || c.slug, i.path) AS url
				FROM menu_item i
				LEFT JOIN cms_page p ON p.id = i.page_id
				LEFT JOIN category c ON c.id = i.category_id
				WHERE i.menu_code = 'FOOTER'
				  AND (i.page_id IS NULL OR p.status = 'PUBLISHED')
				  AND (i.category_id IS NULL OR c.active)
				ORDER BY i.position, i.id""")
			.query((row, number) -> new Link(row.getString("label"), row.getString("url")))
			.list();
	}

	/**
	 * A link of a menu.
	 *
	 * @param label what the visitor reads
	 * @param url site-relative URL
	 */
	public record Link(String label, String url) {

	}

}
