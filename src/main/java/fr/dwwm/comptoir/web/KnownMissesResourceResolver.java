package fr.dwwm.comptoir.web;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Remembers the links under a static prefix that lead to no file, so that writing them
 * into a page stops searching the jar for them.
 *
 * <p>
 * Every link a page writes with {@code @{...}} goes through the resource URL encoder. A
 * link under a static prefix that is not a file — the newsletter form's
 * {@code /modules/newsletter/subscribe}, in the footer of every page — was looked for in
 * the jar on each page: Spring's {@code CachingResourceResolver} keeps the files it
 * finds, never the ones it does not. Measured under load, that search was 6 % of the
 * processor time of a page (docs/performance.md). The files of a running jar do not
 * change, so a miss stays a miss. Only links written by the shop's own templates come
 * here (requests for files are not remembered), and the memory is bounded anyway.
 */
final class KnownMissesResourceResolver extends AbstractResourceResolver {

	/** Far more than the links the templates write under a static prefix. */
	static final int CAPACITY = 1_000;

	private final Set<String> misses = ConcurrentHashMap.newKeySet();

	@Override
	protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		return chain.resolveResource(request, requestPath, locations);
	}

	@Override
	protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		if (this.misses.contains(resourceUrlPath)) {
			return null;
		}
		String resolved = chain.resolveUrlPath(resourceUrlPath, locations);
		if (resolved == null && this.misses.size() < CAPACITY) {
			this.misses.add(resourceUrlPath);
		}
		return resolved;
	}

}
