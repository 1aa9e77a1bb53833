package fr.dwwm.comptoir.pwa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The service worker's script as this release of the shop serves it: its source
 * ({@code pwa/service-worker.js}) with the release filled in, that is the files it keeps
 * at install and a version naming them.
 *
 * <p>
 * <strong>What is kept at install.</strong> Every static file of the shop ({@code css},
 * {@code js}, {@code img}, the modules' files) and Bootstrap's stylesheet and script,
 * under their versioned URLs ({@code /css/comptoir-<md5>.css}), plus the offline page.
 * Not the screenshots of the install dialog, which no page shows, nor the scripts only
 * the back office's templates load (charts, rich text editor, product import): they have
 * no business on a customer's phone.
 *
 * <p>
 * <strong>The version.</strong> A hash of the worker's source, of those URLs (which hold
 * a hash of each file) and of the templates and message bundles the offline page is
 * rendered from. Any change of the shop's files gives a new worker, which browsers
 * install beside the old one and pwa.js offers to the visitor; the same build gives the
 * same worker on every instance of a cluster, so a visitor sent to another instance is
 * not offered a release that is none.
 */
@Component
class ServiceWorkerScript {

	/** The offline page, kept at install and shown for a page the network cannot give. */
	static final String OFFLINE_PAGE = "/offline";

	/** What {@code service-worker.js} declares, replaced with the release. */
	private static final String RELEASE_MARK = "/*release*/ { version: 'dev', precache: [], offline: '/offline' }";

	private static final String SOURCE = "pwa/service-worker.js";

	private static final List<String> LIBRARIES = List.of("/webjars/bootstrap/css/bootstrap.min.css",
			"/webjars/bootstrap/js/bootstrap.min.js");

	private static final List<String> FOLDERS = List.of("css", "js", "img", "modules");

	/** Shown by the install dialog only (ManifestController), never by a page. */
	private static final String NOT_KEPT = "/img/app/screenshot-";

	/**
	 * The back office's templates: a script only they load (charts, the rich text editor)
	 * is not kept on every visitor's phone.
	 */
	private static final String BACK_OFFICE_TEMPLATES = "templates/admin/";

	private static final String TEMPLATES = "templates/";

	private final ResourceUrlProvider urls;

	private final JsonMapper json;

	private volatile Release release;

	ServiceWorkerScript(ResourceUrlProvider urls, JsonMapper json) {
		this.urls = urls;
		this.json = json;
	}

	/**
	 * Returns the script, computed on first use (the versioned URLs need the resource
	 * handlers, which exist once the application has started).
	 * @return the JavaScript source of {@code /service-worker.js}
	 */
	String script() {
		return release().script();
	}

	/**
	 * Returns the release: its version and the URLs kept at install.
	 * @return the release of this build
	 */
	Release release() {
		Release result = this.release;
		if (result == null) {
			result = build();
			this.release = result;
		}
		return result;
	}

	private Release build() {
		String source = read(new ClassPathResource(SOURCE));
		if (!source.contains(RELEASE_MARK)) {
			throw new IllegalStateException(SOURCE + " no longer declares its release as " + RELEASE_MARK);
		}
		// The templates and bundles, read once: searched for the back office's scripts,
		// then hashed into the version.
		List<Map.Entry<String, String>> pages = new ArrayList<>();
		for (Resource page : resources("classpath*:/templates/**/*.html", "classpath*:/messages*.properties")) {
			pages.add(Map.entry(path(page), read(page)));
		}
		String shopPages = templatesText(pages, false);
		String backOfficePages = templatesText(pages, true);
		List<String> precache = new ArrayList<>();
		for (String folder : FOLDERS) {
			for (String path : staticFiles(folder)) {
				boolean backOfficeOnly = backOfficePages.contains(path) && !shopPages.contains(path);
				if (!path.startsWith(NOT_KEPT) && !backOfficeOnly) {
					precache.add(versioned(path));
				}
			}
		}
		LIBRARIES.forEach((path) -> precache.add(versioned(path)));
		MessageDigest digest = sha256();
		digest.update(source.getBytes(StandardCharsets.UTF_8));
		precache.forEach((url) -> digest.update(url.getBytes(StandardCharsets.UTF_8)));
		pages.forEach((page) -> digest.update(page.getValue().getBytes(StandardCharsets.UTF_8)));
		String version = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		Map<String, Object> release = Map.of("version", version, "precache", precache, "offline", OFFLINE_PAGE);
		return new Release(version, List.copyOf(precache),
				source.replace(RELEASE_MARK, this.json.writeValueAsString(release)));
	}

	/** The templates of the back office, or all the others, as one text to search. */
	private static String templatesText(List<Map.Entry<String, String>> pages, boolean backOffice) {
		StringBuilder text = new StringBuilder();
		for (Map.Entry<String, String> page : pages) {
			String path = page.getKey();
			if (path.startsWith(TEMPLATES) && path.startsWith(BACK_OFFICE_TEMPLATES) == backOffice) {
				text.append(page.getValue()).append('\n');
			}
		}
		return text.toString();
	}

	private List<String> staticFiles(String folder) {
		String root = "/static/" + folder + "/";
		List<String> paths = new ArrayList<>();
		for (Resource file : resources("classpath*:" + root + "**/*.*")) {
			try {
				String url = file.getURL().toString();
				paths.add("/" + folder + "/" + url.substring(url.lastIndexOf(root) + root.length()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return paths.stream().sorted().toList();
	}

	private String versioned(String path) {
		String url = this.urls.getForLookupPath(path);
		if (url == null) {
			throw new IllegalStateException("No static file at " + path);
		}
		return url;
	}

	private static List<Resource> resources(String... patterns) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		List<Resource> found = new ArrayList<>();
		try {
			for (String pattern : patterns) {
				found.addAll(Arrays.stream(resolver.getResources(pattern)).filter(Resource::isReadable).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// In the same order on every machine, so that a build has one version.
		found.sort(Comparator.comparing(ServiceWorkerScript::path));
		return found;
	}

	/** A resource's path on the classpath, the same from a folder or from the jar. */
	private static String path(Resource resource) {
		try {
			String url = resource.getURL().toString();
			int start = Math.max(url.lastIndexOf("!/") + 2, url.lastIndexOf("/classes/") + "/classes/".length());
			return url.substring(Math.max(start, 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One release of the worker.
	 *
	 * @param version names the release (and its caches)
	 * @param precache the versioned URLs kept at install, the offline page aside
	 * @param script the worker's source with the release filled in
	 */
	record Release(String version, List<String> precache, String script) {

	}

}
