package fr.dwwm.comptoir.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The output-encoding rule (C09) checked on the sources, so that a new page or script
 * cannot forget it: the templates write text escaped ({@code th:text}) except in the few
 * places listed here, each writing HTML the shop made or cleaned itself; no script of the
 * shop hands a string to the browser as HTML.
 */
class OutputEncodingRulesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path STATIC = Path.of("src/main/resources/static");

	/** Thymeleaf's unescaped output: the attribute, and the inlined expression. */
	private static final Pattern UNESCAPED = Pattern.compile("(?:th:|data-th-)utext\\s*=\\s*\"[^\"]*\"|\\[\\(.*?\\)\\]",
			Pattern.DOTALL);

	/** The DOM's ways to parse a string as HTML. */
	private static final Pattern HTML_SINKS = Pattern.compile(
			"\\.(?:innerHTML|outerHTML)\\s*\\+?=(?!=)|insertAdjacentHTML|document\\.write(?:ln)?\\s*\\(|createContextualFragment|\\.srcdoc\\s*=|parseFromString|setHTMLUnsafe|\\beval\\s*\\(|new\\s+Function\\s*\\(");

	/**
	 * The places allowed to write HTML unescaped (template, then what it writes), with
	 * the reason, as {@code docs/securite.md} (C09) gives it.
	 */
	private static final Map<String, String> ALLOWED = Map.of(
			// Rich text cleaned by RichTextSanitizer when saved and again when shown
			// (C10).
			"cms/page.html th:utext=\"${safeContent}\"", "page content, cleaned (C10)",
			"admin/page-preview.html th:utext=\"${safeContent}\"", "page preview, cleaned (C10)",
			"admin/page-revision.html th:utext=\"${safeContent}\"", "page revision, cleaned (C10)",
			"admin/block-form.html th:utext=\"${safeContent}\"", "block preview, cleaned (C10)",
			"fragments/hook.html th:utext=\"${block.html}\"", "editors' blocks in a hook, cleaned (C10)",
			// HTML rendered by the shop's own templates, which escape what they write.
			"fragments/hook.html th:utext=\"${modules}\"", "modules' blocks, rendered by their templates",
			"catalog/fragments.html th:utext=\"${card}\"", "a product card rendered once then kept (FragmentCache)",
			"fragments/layout.html th:utext=\"${uiMessages}\"",
			"the scripts' texts, rendered once then kept (FragmentCache)", "error-server.html th:utext=\"${english}\"",
			"the English half of the server error page, rendered by the same template (ServerErrorPages)");

	/**
	 * The scripts allowed to parse a string as HTML (script, then the call), with the
	 * reason: none of them parses a string a visitor typed.
	 */
	private static final Map<String, String> ALLOWED_IN_SCRIPTS = Map.of("js/catalog-filters.js parseFromString",
			"the shop's own listing page, fetched from this site, replaces the results: HTML the server escaped",
			"js/offline.js parseFromString", "only the title of a kept page of this site is read, as text",
			"js/rich-text-editor.js parseFromString",
			"an inert document, rewritten element by element from an allow-list; the server cleans again (C10)");

	@Test
	void onlyTheListedPlacesOfTheTemplatesWriteHtmlUnescaped() {
		List<String> found = occurrences(TEMPLATES, ".html", UNESCAPED);
		assertThat(found).as("unescaped output outside the list: write it with th:text, or clean it and list it here")
			.allSatisfy((place) -> assertThat(ALLOWED).containsKey(place));
		assertThat(found).as("a listed place no template has any more: take it off the list")
			.containsAll(ALLOWED.keySet());
	}

	@Test
	void noScriptOfTheShopParsesAStringAsHtmlOutsideTheListedPlaces() {
		assertThat(files(STATIC, ".js")).as("the shop's scripts").hasSizeGreaterThan(20);
		List<String> found = new ArrayList<>(occurrences(STATIC, ".js", HTML_SINKS));
		found.addAll(occurrences(TEMPLATES, ".html", HTML_SINKS));
		assertThat(found)
			.as("build elements with createElement and textContent, or list the place here with its reason")
			.allSatisfy((place) -> assertThat(ALLOWED_IN_SCRIPTS).containsKey(place));
		assertThat(found).as("a listed place no script has any more: take it off the list")
			.containsAll(ALLOWED_IN_SCRIPTS.keySet());
	}

	@Test
	void theRulesRecogniseWhatTheyForbid() {
		assertThat(UNESCAPED.matcher("<p th:utext=\"${name}\">").find()).isTrue();
		assertThat(UNESCAPED.matcher("<p data-th-utext=\"${name}\">").find()).isTrue();
		assertThat(UNESCAPED.matcher("<p>[(${name})]</p>").find()).isTrue();
		assertThat(UNESCAPED.matcher("<p th:text=\"${name}\">[[${name}]]</p>").find()).isFalse();
		for (String sink : List.of("element.innerHTML = text;", "list.innerHTML += item;", "el.outerHTML=x",
				"el.insertAdjacentHTML('beforeend', x)", "document.write(x)", "range.createContextualFragment(x)",
				"frame.srcdoc = x", "new DOMParser().parseFromString(x, 'text/html')", "eval(code)",
				"new Function(code)")) {
			assertThat(HTML_SINKS.matcher(sink).find()).as(sink).isTrue();
		}
		assertThat(HTML_SINKS.matcher("if (element.innerHTML === '') { element.textContent = text; }").find())
			.isFalse();
	}

	/**
	 * Where a pattern occurs in the files of a folder.
	 * @return each occurrence as the file's path in the folder, a space, and what matched
	 */
	private static List<String> occurrences(Path root, String extension, Pattern pattern) {
		List<String> found = new ArrayList<>();
		for (Path file : files(root, extension)) {
			Matcher matcher = pattern.matcher(read(file));
			while (matcher.find()) {
				found.add(root.relativize(file).toString().replace('\\', '/') + " " + matcher.group().strip());
			}
		}
		return found;
	}

	private static List<Path> files(Path root, String extension) {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter((path) -> path.toString().endsWith(extension))
				.filter((path) -> !path.toString().contains("webjars"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
