package fr.dwwm.comptoir.test;

import org.springframework.cache.CacheManager;

/**
 * Empties the shop's caches (categories, menus, editors' blocks, modules' states) before
 * a test counts the statements of a page. They expire an entry a minute after it was
 * written ({@code CacheConfiguration}), and a read does not renew it: an entry an earlier
 * test wrote almost a minute before could expire between the warm-up and the counted
 * visit, and be read again. Emptied, the warm-up fills them all afresh.
 */
public final class ShopCaches {

	private ShopCaches() {
	}

	/**
	 * Empties every cache of the shop.
	 * @param caches the application's cache manager
	 */
	public static void empty(CacheManager caches) {
		caches.getCacheNames().forEach((name) -> caches.getCache(name).clear());
	}

}
