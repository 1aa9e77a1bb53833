package fr.dwwm.comptoir.cms;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * The editors' blocks as a page's display hooks read them
 * ({@code ${cmsBlocks.active('displayHome')}}): when the database cannot be reached, the
 * hook shows no block and the page (an error page, maybe) still renders.
 */
public final class PageBlocks {

	private static final Logger logger = LoggerFactory.getLogger(PageBlocks.class);

	private final CmsBlocks blocks;

	PageBlocks(CmsBlocks blocks) {
		this.blocks = blocks;
	}

	/**
	 * The active blocks of a hook.
	 * @param hook the hook's name
	 * @return its blocks, sanitised, or none if they cannot be read
	 */
	public List<CmsBlocks.Block> active(String hook) {
		try {
			return this.blocks.active(hook);
		}
		catch (DataAccessException ex) {
			logger.warn("Hook {} shown without its blocks: {}", hook, ex.getMessage());
			return List.of();
		}
	}

}
