package fr.dwwm.comptoir.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The shop's JavaScript modules ({@code static/js/*.js}) and their versioned URLs.
 *
 * <p>
 * Static files are served with a year of caching under a URL that contains a hash of
 * their content ({@code /js/api-5d41….js}), so a new version is a new URL. Templates get
 * those URLs from {@code th:src}, but a module that imports another writes a plain path
 * ({@code import … from './api.js'}): the layout's import map tells the browser the
 * versioned URL of each, so an import never reaches a stale copy after a deployment.
 */
@Component
public class JavaScriptModules {

	private static final String LOCATION = "classpath:/static/js/*.js";

	private final ResourceUrlProvider urls;

	private final List<String> paths;

	private volatile Map<String, String> versioned;

	JavaScriptModules(ResourceUrlProvider urls) {
		this.urls = urls;
		try {
			this.paths = Arrays.stream(new PathMatchingResourcePatternResolver().getResources(LOCATION))
				.map(Resource::getFilename)
				.filter(Objects::nonNull)
				.sorted()
				.map((name) -> "/js/" + name)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the versioned URL of every module, computed once.
	 * @return versioned URL by plain path
	 */
	public Map<String, String> versionedUrls() {
		Map<String, String> result = this.versioned;
		if (result == null) {
			result = new LinkedHashMap<>();
			for (String path : this.paths) {
				String url = this.urls.getForLookupPath(path);
				result.put(path, (url != null) ? url : path);
			}
			// In file name order, so that a page is the same from one start to the next.
			result = Collections.unmodifiableMap(result);
			this.versioned = result;
		}
		return result;
	}

}
