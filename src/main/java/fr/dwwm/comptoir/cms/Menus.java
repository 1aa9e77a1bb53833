package fr.dwwm.comptoir.cms;

import java.util.List;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The links of the header and footer menus, as editors arranged them in the back-office
 * ({@link MenuAdministration}), from a cache: every page shows them, staff rarely change
 * them.
 *
 * <p>
 * The cache is emptied whenever a menu changes, and whenever a page changes its address
 * or its publication, since menus link to pages.
 */
@Service
public class Menus {

	/** The menu of the header, under the shop's name. */
	public static final String HEADER = "HEADER";

	/** The menu of the footer, on every page. */
	public static final String FOOTER = "FOOTER";

	/** Every menu, in the order the back-office shows them. */
	public static final List<String> CODES = List.of(HEADER, FOOTER);

	static final String CACHE = "menus";

	private final JdbcClient jdbc;

	Menus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns the links of a menu, in order. A link to an unpublished page or a hidden
	 * category is left out: a visitor would only find a "page not found".
	 * @param menuCode {@link #HEADER} or {@link #FOOTER}
	 * @return label and site-relative URL of each link
	 */
	@Cacheable(CACHE)
	public List<Link> links(String menuCode) {
		return this.jdbc.sql("""
				SELECT i.label,
				       coalesce('/pages/' || p.slug, '/products?category=' || c.slug, i.path) AS url
				FROM menu_item i
				LEFT JOIN cms_page p ON p.id = i.page_id
				LEFT JOIN category c ON c.id = i.category_id
				WHERE i.menu_code = :code
				  AND (i.page_id IS NULL OR p.status = 'PUBLISHED')
				  AND (i.category_id IS NULL OR c.active)
				ORDER BY i.position, i.id""")
			.param("code", menuCode)
			.query((row, number) -> new Link(row.getString("label"), row.getString("url")))
			.list();
	}

	/**
	 * Forgets the cached links of every menu, so that the next page reads them again.
	 */
	@CacheEvict(cacheNames = CACHE, allEntries = true)
	public void forget() {
		// The annotation does the work.
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
