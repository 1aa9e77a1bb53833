package fr.dwwm.comptoir.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a visitor reads comes from the message bundles, and every key exists in
 * French and in English: a template with a hard-coded sentence or a key missing in one
 * language fails the build.
 */
class MessageBundlesTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path TEMPLATES = RESOURCES.resolve("templates");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");

	/** Attributes a visitor reads or hears (screen readers). */
	private static final List<String> READABLE_ATTRIBUTES = List.of("alt", "title", "placeholder", "aria-label",
			"aria-description", "aria-placeholder", "aria-roledescription", "aria-valuetext", "label");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	@Test
	void frenchAndEnglishBundlesHaveTheSameKeys() throws IOException {
		for (String french : frenchBundles()) {
			assertThat(bundle(french + "_en").stringPropertyNames()).as(french)
				.containsExactlyInAnyOrderElementsOf(bundle(french).stringPropertyNames());
		}
	}

	@Test
	void eachModuleNamesAndDescribesItselfInItsOwnBundle() throws IOException {
		for (String french : frenchBundles()) {
			if (french.startsWith("modules/")) {
				String code = french.split("/")[1];
				assertThat(bundle(french).stringPropertyNames()).as(french)
					.contains("module." + code + ".name", "module." + code + ".description")
					.allSatisfy((key) -> assertThat(key).startsWith("module." + code + "."));
			}
		}
	}

	@Test
	void noMessageIsEmpty() throws IOException {
		for (String name : allBundles()) {
			Properties bundle = bundle(name);
			assertThat(bundle.stringPropertyNames()).as(name)
				.allSatisfy((key) -> assertThat(bundle.getProperty(key)).as(key).isNotBlank());
		}
	}

	@Test
	void everyKeyUsedInATemplateExists() throws IOException {
		Set<String> french = new java.util.HashSet<>();
		for (String name : frenchBundles()) {
			french.addAll(bundle(name).stringPropertyNames());
		}
		Set<String> missing = new TreeSet<>();
		List<Path> all = new ArrayList<>(templates());
		all.addAll(textTemplates());
		for (Path template : all) {
			Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!french.contains(matcher.group(1))) {
					missing.add(matcher.group(1) + " (" + TEMPLATES.relativize(template) + ")");
				}
			}
		}
		assertThat(missing).as("message keys used in templates but missing from the bundles").isEmpty();
	}

	@Test
	void everyHttpErrorTheShopShowsHasATitleAndAText() throws IOException {
		Set<String> keys = bundle("messages").stringPropertyNames();
		for (int status : List.of(400, 403, 404, 405, 500, 503)) {
			assertThat(keys).contains("error." + status + ".title", "error." + status + ".text");
		}
	}

	@Test
	void templatesHoldNoHardCodedText() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template));
			String name = TEMPLATES.relativize(template).toString();
			for (Element element : document.getAllElements()) {
				for (TextNode text : element.textNodes()) {
					if (LETTER.matcher(text.text()).find()) {
						found.add(name + ": text \"" + text.text().strip() + "\" in <" + element.tagName() + ">");
					}
				}
				for (String attribute : READABLE_ATTRIBUTES) {
					if (LETTER.matcher(element.attr(attribute)).find()) {
						found.add(name + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
					}
				}
				if (element.is("meta[name=description], meta[property^=og:], input[type=submit], input[type=button]")
						&& LETTER.matcher(element.attr(element.is("meta") ? "content" : "value")).find()) {
					found.add(name + ": " + element.outerHtml());
				}
			}
		}
		assertThat(found).as("hard-coded text in templates (use th:text=\"#{...}\")").isEmpty();
	}

	@Test
	void messagesWithArgumentsEscapeTheirApostrophes() throws IOException {
		// Messages with {0} go through java.text.MessageFormat, where a lone ' starts a
		// quoted section and swallows the rest of the text.
		Pattern loneQuote = Pattern.compile("(?<!')'(?!')");
		for (String name : allBundles()) {
			Properties bundle = bundle(name);
			for (String key : bundle.stringPropertyNames()) {
				String value = bundle.getProperty(key);
				if (value.matches("(?s).*\\{\\d.*")) {
					assertThat(loneQuote.matcher(value).find()).as(name + ": " + key + " needs '' for an apostrophe")
						.isFalse();
				}
			}
		}
	}

	@Test
	void messagesWithoutArgumentsDoNotDoubleTheirApostrophes() throws IOException {
		// Without arguments a message is shown as written: '' would show twice.
		for (String name : allBundles()) {
			Properties bundle = bundle(name);
			for (String key : bundle.stringPropertyNames()) {
				String value = bundle.getProperty(key);
				if (!value.matches("(?s).*\\{\\d.*")) {
					assertThat(value).as(name + ": " + key).doesNotContain("''");
				}
			}
		}
	}

	/**
	 * The shop's French bundle and each module's ({@code modules/<code>/messages}).
	 */
	private static List<String> frenchBundles() throws IOException {
		List<String> names = new ArrayList<>(List.of("messages"));
		try (Stream<Path> files = Files.list(RESOURCES.resolve("modules"))) {
			files.filter((directory) -> Files.exists(directory.resolve("messages.properties")))
				.sorted()
				.forEach((directory) -> names.add("modules/" + directory.getFileName() + "/messages"));
		}
		return names;
	}

	private static List<String> allBundles() throws IOException {
		List<String> names = new ArrayList<>();
		for (String french : frenchBundles()) {
			names.add(french);
			names.add(french + "_en");
		}
		return names;
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name + ".properties"), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static List<Path> textTemplates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((file) -> file.toString().endsWith(".txt")).sorted().toList();
		}
	}

}
