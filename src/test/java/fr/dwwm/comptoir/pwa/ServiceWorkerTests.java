package fr.dwwm.comptoir.pwa;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.web.SharedPage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The service worker as the server serves it: at the root, never kept without asking,
 * with a release that names files which exist, and a list of private paths that covers
 * every part of the shop holding one person's pages.
 */
@IntegrationTest
class ServiceWorkerTests {

	private static final Pattern PRIVATE = Pattern.compile("const PRIVATE = new Set\\(\\[([^\\]]*)\\]\\)");

	/**
	 * Roots of the paths that hold no one's pages but are not shared pages either (a
	 * form, a file): the server sends them with {@code no-store}, so the worker asks the
	 * network for them and keeps none, without listing them as private.
	 */
	private static final Set<String> PUBLIC_ROOTS = Set.of("", "contact", "error", "images", "manifest.webmanifest",
			"offline", "pages", "products", "robots.txt", "search", "service-worker.js", "sitemap.xml", "styleguide");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ServiceWorkerScript worker;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Test
	void theWorkerIsServedAtTheRootAndAlwaysCheckedForANewRelease() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/service-worker.js"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).isEqualTo("text/javascript;charset=UTF-8");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");
		assertThat(response.getHeader("ETag")).contains(this.worker.release().version());
		assertThat(response.getContentAsString()).contains("\"version\":\"" + this.worker.release().version() + "\"")
			.doesNotContain("/*release*/");
		this.mvc.perform(get("/service-worker.js").header("If-None-Match", response.getHeader("ETag")))
			.andExpect(status().isNotModified());
	}

	@Test
	void everyFileTheWorkerKeepsAtInstallExistsUnderItsVersionedUrl() throws Exception {
		List<String> precache = this.worker.release().precache();
		assertThat(precache)
			.contains(versioned("/css/comptoir.css"), versioned("/js/pwa.js"), versioned("/js/offline.js"),
					versioned("/img/app/icon-192.png"), versioned("/webjars/bootstrap/css/bootstrap.min.css"))
			.noneMatch((url) -> url.contains("screenshot"));
		for (String url : precache) {
			assertThat(url).as("a versioned URL").matches(".*-[0-9a-f]{32}\\.[a-z]+");
			assertThat(this.mvc.perform(get(url)).andReturn().getResponse().getStatus()).as(url).isEqualTo(200);
		}
		this.mvc.perform(get(ServiceWorkerScript.OFFLINE_PAGE)).andExpect(status().isOk());
	}

	@Test
	void scriptsOnlyTheBackOfficeLoadsAreNeverKeptOnACustomersPhone() throws Exception {
		List<String> precache = this.worker.release().precache();
		for (String script : List.of("admin-charts", "rich-text-editor", "product-import")) {
			this.mvc.perform(get("/js/" + script + ".js")).andExpect(status().isOk());
			assertThat(precache).as(script).noneMatch((url) -> url.startsWith("/js/" + script + "-"));
		}
		assertThat(precache).as("loaded by the shop's pages, or by its scripts")
			.contains(versioned("/js/cart.js"), versioned("/js/api.js"), versioned("/js/toast.js"),
					versioned("/modules/featured/carousel.js"));
	}

	@Test
	void theOfflinePageIsTheSameForEveryoneAndSetsNoCookie() throws Exception {
		MockHttpServletResponse page = this.mvc.perform(get("/offline")).andReturn().getResponse();
		assertThat(page.getHeaders("Set-Cookie")).isEmpty();
		assertThat(page.getContentAsString()).contains("Vous êtes hors connexion")
			.doesNotContain("_csrf")
			.contains("<meta name=\"robots\" content=\"noindex\">");
	}

	@Test
	void everyPartOfTheShopThatIsNeitherSharedNorPublicIsPrivateForTheWorker() {
		Set<String> privateRoots = privateRootsOfTheWorker();
		Set<String> sharedRoots = new TreeSet<>();
		Set<String> otherRoots = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			boolean testEndpoint = handler.getBeanType().getPackageName().equals("fr.dwwm.comptoir.test");
			if (testEndpoint || (!methods.isEmpty() && !methods.contains(RequestMethod.GET))) {
				return;
			}
			// A page kept once per cart (the cart page) shows a cart: private for the
			// worker like any other page of a visitor's own.
			SharedPage shared = handler.getMethodAnnotation(SharedPage.class);
			for (String root : roots(info)) {
				((shared != null && !shared.perCart()) ? sharedRoots : otherRoots).add(root);
			}
		});
		otherRoots.removeAll(sharedRoots);
		otherRoots.removeAll(PUBLIC_ROOTS);
		assertThat(privateRoots).as("roots the worker never keeps").containsAll(otherRoots);
		assertThat(privateRoots).doesNotContainAnyElementsOf(sharedRoots);
	}

	@Test
	void theBannerTheWorkerShowsIsInTheLayoutAsItLooksForIt() throws Exception {
		String banner = "<section class=\"offline-copy\" data-offline-copy hidden aria-labelledby=\"offline-copy-title\">";
		assertThat(this.worker.script()).contains("const BANNER = '" + banner + "';");
		assertThat(
				this.mvc.perform(get("/products/confiture-de-figues")).andReturn().getResponse().getContentAsString())
			.contains(banner);
	}

	@Test
	void theSameBuildGivesTheSameRelease() {
		ServiceWorkerScript.Release release = this.worker.release();
		assertThat(release.version()).matches("[0-9a-f]{16}");
		assertThat(this.worker.release()).isSameAs(release);
	}

	private Set<String> privateRootsOfTheWorker() {
		Matcher list = PRIVATE.matcher(this.worker.script());
		assertThat(list.find()).isTrue();
		Set<String> roots = new LinkedHashSet<>();
		for (String quoted : list.group(1).split(",")) {
			roots.add(quoted.strip().replace("'", ""));
		}
		return roots;
	}

	private static Set<String> roots(RequestMappingInfo info) {
		Set<String> roots = new TreeSet<>();
		for (String pattern : info.getPatternValues()) {
			roots.add(pattern.replaceFirst("^/", "").replaceFirst("[/{].*$", ""));
		}
		return roots;
	}

	/**
	 * The precached URL of a file: its name with the content hash, in any version folder.
	 */
	private String versioned(String path) {
		String name = path.substring(path.lastIndexOf('/') + 1);
		String pattern = Pattern.quote(path.substring(0, path.indexOf('/', 1))) + "/.*"
				+ Pattern.quote(name.replaceFirst("\\.[a-z]+$", "")) + "-[0-9a-f]{32}"
				+ Pattern.quote(name.substring(name.lastIndexOf('.')));
		return this.worker.release()
			.precache()
			.stream()
			.filter((url) -> url.matches(pattern))
			.findFirst()
			.orElse("missing " + path);
	}

}
