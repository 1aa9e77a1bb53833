package fr.dwwm.comptoir.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;

/**
 * The colour tokens of the graphic charter, read from the stylesheet itself
 * ({@code static/css/comptoir.css}) so that the style guide can never show other values
 * than the ones the shop uses.
 */
public final class CharterColors {

	private static final Pattern BLOCK = Pattern
		.compile("(:root,\\s*\\[data-bs-theme=\"light\"\\]|\\[data-bs-theme=\"dark\"\\])\\s*\\{([^}]*)\\}");

	private static final Pattern TOKEN = Pattern.compile("--cpt-color-([a-z-]+):\\s*(#[0-9a-fA-F]{6})");

	private CharterColors() {
	}

	/**
	 * Reads the tokens of the stylesheet on the classpath.
	 * @return tokens in the order of the stylesheet
	 */
	public static List<Token> fromClasspath() {
		try (InputStream css = new ClassPathResource("static/css/comptoir.css").getInputStream()) {
			return parse(new String(css.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads the tokens of a stylesheet: every {@code --cpt-color-*} with a hexadecimal
	 * value in the light block ({@code :root, [data-bs-theme="light"]}) and in the dark
	 * one.
	 * @param css the stylesheet's text
	 * @return tokens in the order of the light block
	 */
	public static List<Token> parse(String css) {
		Map<String, String> light = new LinkedHashMap<>();
		Map<String, String> dark = new LinkedHashMap<>();
		Matcher block = BLOCK.matcher(css);
		while (block.find()) {
			Map<String, String> target = block.group(1).contains("dark") ? dark : light;
			Matcher token = TOKEN.matcher(block.group(2));
			while (token.find()) {
				target.put(token.group(1), token.group(2).toLowerCase());
			}
		}
		List<Token> tokens = new ArrayList<>();
		light.forEach((name, value) -> tokens.add(new Token(name, value, dark.get(name))));
		return tokens;
	}

	/**
	 * One colour of the charter.
	 *
	 * @param name token name, e.g. {@code brand} for {@code --cpt-color-brand}
	 * @param light value in the light scheme, e.g. {@code #8a3a16}
	 * @param dark value in the dark scheme
	 */
	public record Token(String name, String light, String dark) {

	}

}
