package fr.dwwm.comptoir.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a password is acceptable (ANSSI PG-078, CNIL
 * 2022-100, OWASP ASVS 6.2). Length is what makes a password strong, so there is no rule
 * about digits or symbols; instead:
 *
 * <ul>
 * <li>at least {@value #CUSTOMER_MIN_LENGTH} characters for customers and
 * {@value #STAFF_MIN_LENGTH} for staff, up to {@value #MAX_LENGTH} (pass phrases welcome,
 * never truncated);</li>
 * <li>not a common password (a bundled list of about 20,000), compared without case,
 * spaces nor trailing digits and symbols;</li>
 * <li>not built on the shop's name, the e-mail address or the person's names.</li>
 * </ul>
 * The strength meter of the forms (password-strength.js) mirrors these rules; the server
 * decides.
 */
@Component
public class PasswordPolicy {

	/** Minimum length for customers. */
	public static final int CUSTOMER_MIN_LENGTH = 12;

	/** Minimum length for staff, who also need a second factor. */
	public static final int STAFF_MIN_LENGTH = 16;

	/** Maximum length, against denial of service through hashing. */
	public static final int MAX_LENGTH = 128;

	private static final String SHOP_NAME = "comptoir";

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load("security/common-passwords.txt");
	}

	/**
	 * Checks a new password.
	 * @param password the candidate
	 * @param staff whether it is for a staff account
	 * @param context the e-mail address and names of the person, which it must not build
	 * on
	 * @return the rules it breaks, as message keys (empty when acceptable)
	 */
	public List<String> problems(String password, boolean staff, String... context) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			problems.add("password.required");
			return problems;
		}
		int length = password.codePointCount(0, password.length());
		int minimum = staff ? STAFF_MIN_LENGTH : CUSTOMER_MIN_LENGTH;
		if (length < minimum) {
			problems.add(staff ? "password.too-short.staff" : "password.too-short");
		}
		if (length > MAX_LENGTH) {
			problems.add("password.too-long");
		}
		String simple = simplify(password);
		if (this.common.contains(simple) || this.common.contains(stripEnds(simple)) || isRepetitive(simple)) {
			problems.add("password.common");
		}
		if (containsContext(simple, context)) {
			problems.add("password.personal");
		}
		return problems;
	}

	/**
	 * Tells whether a password breaks no rule.
	 * @param password the candidate
	 * @param staff whether it is for a staff account
	 * @param context e-mail address and names
	 * @return whether it is acceptable
	 */
	public boolean accepts(String password, boolean staff, String... context) {
		return problems(password, staff, context).isEmpty();
	}

	private boolean containsContext(String simple, String... context) {
		List<String> words = new ArrayList<>();
		words.add(SHOP_NAME);
		for (String value : context) {
			if (value == null) {
				continue;
			}
			String lower = simplify(value);
			words.add(lower);
			int at = lower.indexOf('@');
			if (at > 0) {
				words.add(lower.substring(0, at));
			}
			for (String part : simplifyKeepingSeparators(value).split("[^a-z0-9]+")) {
				words.add(part);
			}
		}
		return words.stream().filter((word) -> word.length() >= 4).anyMatch(simple::contains);
	}

	/** "aaaaaaaaaaaa", "abcabcabcabc", "121212121212": one short pattern repeated. */
	private static boolean isRepetitive(String simple) {
		for (int period = 1; period <= 3 && period < simple.length(); period++) {
			String pattern = simple.substring(0, period);
			if (pattern.repeat(simple.length() / period + 1).startsWith(simple)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Lower case, no accents, no spaces nor separators: "Mot de passe!" → "motdepasse!".
	 */
	static String simplify(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[\\s._-]+", "");
	}

	private static String simplifyKeepingSeparators(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	/** "motdepasse2026!" → "motdepasse". */
	private static String stripEnds(String simple) {
		return simple.replaceAll("[^a-z]+$", "").replaceAll("^[^a-z]+", "");
	}

	private static Set<String> load(String resource) {
		Set<String> words = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					String word = simplify(line.strip());
					words.add(word);
					words.add(stripEnds(word));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		words.remove("");
		return Set.copyOf(words);
	}

}
