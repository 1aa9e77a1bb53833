package fr.dwwm.comptoir.cms;

import fr.dwwm.comptoir.module.api.DisplayHook;

import java.util.List;

import fr.dwwm.comptoir.security.RichTextSanitizer;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The editors' HTML blocks shown in a display hook of the templates (the home page, the
 * top banner, a product page...), read by the hook renderer: the active blocks of a hook,
 * in their order, with their HTML sanitised again, from a cache emptied whenever a block
 * changes ({@link BlockAdministration}).
 */
@Service
public class CmsBlocks {

	/**
	 * The display hooks a block can be placed in: the same slots as modules.
	 */
	public static final List<String> HOOKS = DisplayHook.ALL;

	static final String CACHE = "cms-blocks";

	private final JdbcClient jdbc;

	private final RichTextSanitizer sanitizer;

	CmsBlocks(JdbcClient jdbc, RichTextSanitizer sanitizer) {
		this.jdbc = jdbc;
		this.sanitizer = sanitizer;
	}

	/**
	 * Returns the active blocks of a hook, in order.
	 * @param hook a display hook, e.g. {@code displayHome}
	 * @return each block's title and its HTML, sanitised (safe to insert into a page)
	 */
	@Cacheable(CACHE)
	public List<Block> active(String hook) {
		return this.jdbc.sql("""
				SELECT title, content_html FROM cms_block
				WHERE hook = :hook AND active
				ORDER BY position, id""")
			.param("hook", hook)
			// Stored HTML is never trusted: it was sanitised when saved, and is again
			// here.
			.query((row, number) -> new Block(row.getString("title"),
					this.sanitizer.sanitize(row.getString("content_html"))))
			.list();
	}

	/**
	 * Forgets the cached blocks of every hook, so that the next page reads them again.
	 */
	@CacheEvict(cacheNames = CACHE, allEntries = true)
	public void forget() {
		// The annotation does the work.
	}

	/**
	 * A block as a page shows it.
	 *
	 * @param title its title, plain text (escape it)
	 * @param html its content, sanitised
	 */
	public record Block(String title, String html) {

	}

}
