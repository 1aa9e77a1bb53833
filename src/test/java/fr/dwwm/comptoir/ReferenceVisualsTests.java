package fr.dwwm.comptoir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.dwwm.comptoir.module.api.DisplayHook;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference visuals stay true: the table of {@code mockups/README.md} names real
 * routes and never calls a screen « not built » when its route exists; every screenshot a
 * document shows exists (they are made on a fresh demo database by
 * {@code ReferenceScreenshots}); and every module hook a wireframe draws exists or is
 * listed among the deliberate differences.
 */
@IntegrationTest
class ReferenceVisualsTests {

	private static final Path MOCKUPS = Path.of("mockups", "README.md");

	private static final Pattern TABLE_ROW = Pattern.compile("^\\| ([^|]+) \\| `(/[^`]*)` \\|(.*)$", Pattern.MULTILINE);

	private static final Pattern SCREENSHOT = Pattern.compile("screenshots/([\\w-]+\\.(?:png|webp))");

	private static final Pattern HOOK = Pattern.compile("\\bdisplay[A-Z][A-Za-z]+");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Test
	void everyRouteOfTheMockupTableExistsAndNoneIsCalledNotBuilt() throws IOException {
		Set<String> routes = getRoutes();
		List<String> wrong = new ArrayList<>();
		Matcher rows = TABLE_ROW.matcher(Files.readString(MOCKUPS));
		int count = 0;
		while (rows.find()) {
			count++;
			String route = normalized(rows.group(2));
			boolean built = routes.contains(route);
			if (!built) {
				wrong.add(rows.group(1) + ": no GET route " + rows.group(2));
			}
			if (built && rows.group(3).contains("pas encore réalisé")) {
				wrong.add(rows.group(1) + ": called not built, but " + rows.group(2) + " is served");
			}
		}
		assertThat(count).as("rows of the mockup tables").isGreaterThanOrEqualTo(40);
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyScreenshotADocumentShowsExists() throws IOException {
		List<String> missing = new ArrayList<>();
		for (Path document : documents()) {
			Matcher shots = SCREENSHOT.matcher(Files.readString(document));
			while (shots.find()) {
				if (!Files.exists(Path.of("docs", "screenshots", shots.group(1)))) {
					missing.add(document + " → " + shots.group(1));
				}
			}
		}
		assertThat(missing).as("run ./mvnw test -Dtest=ReferenceScreenshots -Dscreenshots=true").isEmpty();
	}

	@Test
	void everyHookTheWireframesDrawExistsOrIsListedAsDropped() throws IOException {
		Set<String> drawn = new TreeSet<>();
		try (Stream<Path> wireframes = Files.list(Path.of("mockups", "wireframes"))) {
			for (Path wireframe : wireframes.filter((file) -> file.toString().endsWith(".puml")).toList()) {
				Matcher hooks = HOOK.matcher(Files.readString(wireframe));
				while (hooks.find()) {
					drawn.add(hooks.group());
				}
			}
		}
		String readme = Files.readString(MOCKUPS);
		String dropped = readme.substring(readme.indexOf("**Emplacements dessinés et non réalisés**"));
		assertThat(drawn).isNotEmpty()
			.allSatisfy((hook) -> assertThat(DisplayHook.ALL.contains(hook) || dropped.contains("`" + hook + "`"))
				.as(hook + " is drawn: it exists, or mockups/README.md says why not")
				.isTrue());
	}

	/** The GET routes of the shop, path variables written {@code {}}. */
	private Set<String> getRoutes() {
		Set<String> routes = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
				info.getPatternValues().forEach((pattern) -> routes.add(normalized(pattern)));
			}
		});
		return routes;
	}

	private static String normalized(String route) {
		return route.replaceFirst("\\?.*$", "").replaceAll("\\{[^}]*\\}", "{}");
	}

	private static List<Path> documents() throws IOException {
		List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
		for (String folder : List.of("docs", "mockups", "database")) {
			try (Stream<Path> files = Files.walk(Path.of(folder))) {
				files.filter((file) -> file.toString().endsWith(".md")).forEach(documents::add);
			}
		}
		return documents;
	}

}
