package fr.dwwm.comptoir.catalog;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the category tree to pages, from a cache: the tree is read from the database
 * once, then again only after a change in the back-office or when the cache entry expires
 * (so that every instance of the shop sees a change within a minute).
 */
@Service
public class Categories {

	static final String CACHE = "category-tree";

	private final CategoryRepository repository;

	Categories(CategoryRepository repository) {
		this.repository = repository;
	}

	/**
	 * Returns the tree of active categories.
	 * @return the tree, possibly from the cache
	 */
	@Cacheable(CACHE)
	@Transactional(readOnly = true)
	public CategoryTree tree() {
		return CategoryTree.of(this.repository.findByActiveTrueOrderByPositionAscNameAsc());
	}

	/**
	 * Forgets the cached tree; the next page reads it again. Called once a change is
	 * committed ({@link fr.dwwm.comptoir.system.AfterCommit}), never inside its
	 * transaction.
	 */
	@CacheEvict(cacheNames = CACHE, allEntries = true)
	public void forget() {
		// The annotation does the work.
	}

}
