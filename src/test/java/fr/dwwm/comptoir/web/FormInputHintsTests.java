package fr.dwwm.comptoir.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every form field tells a phone and a browser: the keyboard to open ({@code type},
 * {@code inputmode}), what the Enter key does ({@code enterkeyhint}) and what the browser
 * or the password manager may fill in ({@code autocomplete}, with the autofill tokens of
 * the HTML standard). The templates are read as written, not rendered: a field written in
 * a fragment with parameters ({@code fragments/forms :: input}) is checked once for each
 * call of the fragment, with the arguments of the call. All the templates are read,
 * {@code fragments/layout.html} and {@code catalog/product.html} included.
 */
class FormInputHintsTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/**
	 * What an expression the test cannot work out (a model variable, a message) gives.
	 */
	private static final String UNKNOWN = "(unknown)";

	/** The attributes the rules look at, besides the name and the type. */
	private static final List<String> HINTS = List.of("autocomplete", "inputmode", "enterkeyhint", "autocapitalize",
			"spellcheck");

	/** Input types that open a keyboard. */
	private static final Set<String> TYPED = Set.of("text", "email", "password", "search", "tel", "url", "number");

	/** Input types that are not fields a visitor fills in. */
	private static final Set<String> NOT_FIELDS = Set.of("hidden", "submit", "button", "reset", "image");

	/**
	 * The autofill field names of the HTML standard (WHATWG, "Autofilling form controls:
	 * the autocomplete attribute"), but for the contact ones below.
	 */
	private static final Set<String> AUTOFILL_FIELD_NAMES = Set.of("name", "honorific-prefix", "given-name",
			"additional-name", "family-name", "honorific-suffix", "nickname", "username", "new-password",
			"current-password", "one-time-code", "organization-title", "organization", "street-address",
			"address-line1", "address-line2", "address-line3", "address-level4", "address-level3", "address-level2",
			"address-level1", "country", "country-name", "postal-code", "cc-name", "cc-given-name",
			"cc-additional-name", "cc-family-name", "cc-number", "cc-exp", "cc-exp-month", "cc-exp-year", "cc-csc",
			"cc-type", "transaction-currency", "transaction-amount", "language", "bday", "bday-day", "bday-month",
			"bday-year", "sex", "url", "photo");

	/** The contact field names, which a modifier (home, work…) may precede. */
	private static final Set<String> AUTOFILL_CONTACT_NAMES = Set.of("tel", "tel-country-code", "tel-national",
			"tel-area-code", "tel-local", "tel-local-prefix", "tel-local-suffix", "tel-extension", "email", "impp");

	private static final Set<String> AUTOFILL_CONTACT_MODIFIERS = Set.of("home", "work", "mobile", "fax", "pager");

	/** The keywords of the {@code inputmode} attribute. */
	private static final Set<String> INPUT_MODES = Set.of("none", "text", "tel", "url", "email", "numeric", "decimal",
			"search");

	/** The keywords of the {@code enterkeyhint} attribute. */
	private static final Set<String> ENTER_KEY_HINTS = Set.of("enter", "done", "go", "next", "previous", "search",
			"send");

	/**
	 * What the Enter key of a form's only field may say: the form is sent when it is
	 * pressed, so neither a new line ({@code enter}) nor a move to another field.
	 */
	private static final Set<String> SUBMITTING_HINTS = Set.of("done", "go", "search", "send");

	/**
	 * The pages whose code field takes only the six digits of the authenticator app; the
	 * others also take a recovery code, letters included ({@code ABCD-EFGH-JK}, see
	 * {@code SecondFactor}).
	 */
	private static final Set<String> DIGITS_ONLY_CODE_PAGES = Set.of("account/second-factor-setup.html");

	/**
	 * Forms about another person than the one typing (an administrator inviting a member
	 * of staff): the browser must not fill them with the typist's own name and address,
	 * so their fields say {@code autocomplete="off"}.
	 */
	private static final Set<String> ANOTHER_PERSONS_PAGES = Set.of("admin/staff.html");

	/** The fields of a postal address ({@code fragments/address-fields.html}). */
	private static final Set<String> ADDRESS_FIELDS = Set.of("firstName", "lastName", "line1", "line2", "postalCode",
			"city", "country", "phone");

	/** The keyboards without letters, or without a slash. */
	private static final Set<String> DIGIT_KEYBOARDS = Set.of("numeric", "decimal", "tel");

	private static final Pattern FRAGMENT_SIGNATURE = Pattern.compile("\\s*([\\w-]+)\\s*\\(([^)]*)\\)\\s*");

	private static final Pattern FRAGMENT_CALL = Pattern
		.compile("\\s*~\\{\\s*([\\w/.-]+)\\s*::\\s*([\\w-]+)\\s*\\((.*)\\)\\s*}\\s*", Pattern.DOTALL);

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*(\\w+)\\s*}");

	private static final Pattern VARIABLE_PLUS_TEXT = Pattern.compile("\\$\\{\\s*(\\w+)\\s*\\+\\s*'([^']*)'\\s*}");

	private static final Pattern PREPROCESSED_VARIABLE = Pattern.compile("__\\$\\{\\s*(\\w+)\\s*}__");

	private static List<Field> fields;

	@BeforeAll
	static void readTemplates() throws IOException {
		fields = new Templates().fields();
	}

	@Test
	void everyAutocompleteValueIsATokenListOfTheHtmlStandard() {
		assertThat(
				problems((field) -> field.knows("autocomplete"),
						(field) -> isAutofillDetail(field.hint("autocomplete")) ? null
								: "autocomplete '" + field.hint("autocomplete") + "' is not an autofill token list"))
			.isEmpty();
	}

	@Test
	void theAutofillGrammarAcceptsTheStandardsExamplesAndRefusesTheRest() {
		assertThat(List.of("off", "email", "username", "shipping postal-code", "section-blue shipping street-address",
				"billing work email", "mobile tel", "current-password webauthn", "one-time-code"))
			.allMatch(FormInputHintsTests::isAutofillDetail);
		assertThat(List.of("", "zip", "postal-code shipping", "shipping", "work given-name", "email email", "nope"))
			.noneMatch(FormInputHintsTests::isAutofillDetail);
	}

	@Test
	void everyInputmodeAndEnterkeyhintValueIsAKeywordOfTheHtmlStandard() {
		assertThat(
				problems((field) -> field.knows("inputmode"), (field) -> INPUT_MODES.contains(field.hint("inputmode"))
						? null : "inputmode '" + field.hint("inputmode") + "' is not a keyword"))
			.isEmpty();
		assertThat(problems((field) -> field.knows("enterkeyhint"),
				(field) -> ENTER_KEY_HINTS.contains(field.hint("enterkeyhint")) ? null
						: "enterkeyhint '" + field.hint("enterkeyhint") + "' is not a keyword"))
			.isEmpty();
	}

	@Test
	void everyEmailFieldIsFilledByTheBrowserWithTheCustomersAddress() {
		assertThat(problems((field) -> field.type.equals("email") && !aboutAnotherPerson(field),
				(field) -> expectToken(field, "email", "username")))
			.isEmpty();
		assertThat(problems((field) -> aboutAnotherPerson(field),
				(field) -> "off".equals(field.hint("autocomplete")) ? null
						: "autocomplete '" + field.hint("autocomplete") + "' on a form about another person"))
			.isEmpty();
	}

	@Test
	void everyPasswordFieldTellsThePasswordManagerWhetherItWantsTheCurrentOrANewPassword() {
		assertThat(problems((field) -> field.type.equals("password"),
				(field) -> expectToken(field, "current-password", "new-password")))
			.isEmpty();
	}

	@Test
	void everyPostalCodeFieldOpensTheDigitKeyboardAndIsFilledByTheBrowser() {
		assertThat(problems((field) -> field.name.equals("postalCode"), (field) -> {
			if (!field.type.equals("text")) {
				// A number field would drop the leading zero of 01000 and show arrows.
				return "type " + field.type + " instead of text";
			}
			String token = expectToken(field, "postal-code");
			return (token != null) ? token : expectHint(field, "inputmode", "numeric");
		})).isEmpty();
		assertThat(pagesWith("postalCode")).contains("account/address-form.html", "order/checkout.html");
	}

	@Test
	void everyNameAddressAndPhoneFieldIsFilledByTheBrowser() {
		Map<String, String> tokens = Map.of("firstName", "given-name", "lastName", "family-name", "line1",
				"address-line1", "line2", "address-line2", "city", "address-level2", "country", "country", "phone",
				"tel", "cardHolder", "cc-name");
		assertThat(problems((field) -> tokens.containsKey(field.name) && !aboutAnotherPerson(field), (field) -> {
			if (field.name.equals("phone") && !field.type.equals("tel")) {
				return "type " + field.type + " instead of tel";
			}
			return expectToken(field, tokens.get(field.name));
		})).isEmpty();
		assertThat(pagesWith("city")).contains("account/address-form.html", "order/checkout.html");
	}

	@Test
	void theCheckoutAddressIsFilledWithTheShippingAddress() {
		Predicate<Field> checkoutAddress = (field) -> "order/checkout.html".equals(field.page)
				&& ADDRESS_FIELDS.contains(field.name);
		assertThat(fields.stream().filter(checkoutAddress).map(Field::name)).containsAll(ADDRESS_FIELDS);
		assertThat(
				problems(checkoutAddress,
						(field) -> String.valueOf(field.hint("autocomplete")).startsWith("shipping ") ? null
								: "autocomplete '" + field.hint("autocomplete") + "' without the shipping section"))
			.isEmpty();
	}

	@Test
	void everyQuantityFieldOpensTheDigitKeyboard() {
		assertThat(problems((field) -> field.name.equals("quantity"),
				(field) -> expectHint(field, "inputmode", "numeric")))
			.isEmpty();
		assertThat(pagesWith("quantity")).contains("cart/cart.html", "catalog/product.html");
	}

	@Test
	void everyAuthenticatorCodeFieldIsFilledAsAOneTimeCodeAndLeftUncorrected() {
		assertThat(problems((field) -> field.name.equals("code"), (field) -> {
			String token = expectToken(field, "one-time-code");
			if (token == null) {
				token = expectHint(field, "autocapitalize", "off");
			}
			return (token != null) ? token : expectHint(field, "spellcheck", "false");
		})).isEmpty();
		assertThat(pagesWith("code")).contains("account/second-factor.html", "account/second-factor-setup.html",
				"account/security.html");
	}

	@Test
	void aCodeFieldOpensTheDigitKeyboardOnlyWhereARecoveryCodeIsNotAccepted() {
		assertThat(problems((field) -> field.name.equals("code"), (field) -> {
			if (DIGITS_ONLY_CODE_PAGES.contains(field.template)) {
				return expectHint(field, "inputmode", "numeric");
			}
			return DIGIT_KEYBOARDS.contains(String.valueOf(field.hint("inputmode")))
					? "inputmode '" + field.hint("inputmode") + "' hides the letters of a recovery code" : null;
		})).isEmpty();
	}

	@Test
	void theCardFieldsOpenTheKeyboardTheirFormatNeeds() {
		Map<String, String> tokens = Map.of("cardNumber", "cc-number", "cardExpiry", "cc-exp", "cardCode", "cc-csc");
		assertThat(problems((field) -> tokens.containsKey(field.name) && !aboutAnotherPerson(field), (field) -> {
			String token = expectToken(field, tokens.get(field.name));
			if (token != null) {
				return token;
			}
			if (field.name.equals("cardExpiry")) {
				// MM/AA: the digit keyboard of a phone has no slash.
				return DIGIT_KEYBOARDS.contains(String.valueOf(field.hint("inputmode")))
						? "inputmode '" + field.hint("inputmode") + "' has no slash for MM/AA" : null;
			}
			return expectHint(field, "inputmode", "numeric");
		})).isEmpty();
		assertThat(pagesWith("cardExpiry")).contains("order/checkout.html");
	}

	@Test
	void everySearchFieldShowsSearchOnTheEnterKey() {
		assertThat(problems((field) -> field.type.equals("search"),
				(field) -> expectHint(field, "enterkeyhint", "search")))
			.isEmpty();
	}

	@Test
	void theOnlyFieldOfAFormSaysWhatTheEnterKeyDoes() {
		Map<Element, List<Field>> forms = new IdentityHashMap<>();
		for (Field field : fields) {
			if (field.form != null) {
				forms.computeIfAbsent(field.form, (form) -> new ArrayList<>()).add(field);
			}
		}
		Set<String> problems = new TreeSet<>();
		for (List<Field> inForm : forms.values()) {
			Field only = inForm.get(0);
			if (inForm.size() == 1 && TYPED.contains(only.type)
					&& !SUBMITTING_HINTS.contains(String.valueOf(only.hint("enterkeyhint")))) {
				problems.add(only + ": the form's only field, whose Enter key sends the form, has enterkeyhint '"
						+ only.hint("enterkeyhint") + "' (expected one of " + new TreeSet<>(SUBMITTING_HINTS) + ")");
			}
		}
		assertThat(problems).isEmpty();
	}

	private static Set<String> problems(Predicate<Field> concerned, Function<Field, String> rule) {
		Set<String> problems = new TreeSet<>();
		for (Field field : fields) {
			if (concerned.test(field)) {
				String problem = rule.apply(field);
				if (problem != null) {
					problems.add(field + ": " + problem);
				}
			}
		}
		return problems;
	}

	private static Set<String> pagesWith(String name) {
		Set<String> pages = new TreeSet<>();
		for (Field field : fields) {
			if (field.name.equals(name)) {
				pages.add((field.page != null) ? field.page : field.template);
			}
		}
		return pages;
	}

	/**
	 * Checks the field name of an autocomplete value, the last token but an optional
	 * {@code webauthn}: a section and {@code shipping} or {@code billing} may come first.
	 */
	private static String expectToken(Field field, String... expected) {
		String value = field.hint("autocomplete");
		if (value == null) {
			return "no autocomplete (expected " + String.join(" or ", expected) + ")";
		}
		List<String> tokens = new ArrayList<>(List.of(value.trim().split("\\s+")));
		if (tokens.get(tokens.size() - 1).equals("webauthn")) {
			tokens.remove(tokens.size() - 1);
		}
		return List.of(expected).contains(tokens.get(tokens.size() - 1)) ? null
				: "autocomplete '" + value + "' (expected " + String.join(" or ", expected) + ")";
	}

	private static String expectHint(Field field, String attribute, String expected) {
		return expected.equals(field.hint(attribute)) ? null
				: attribute + " '" + field.hint(attribute) + "' (expected " + expected + ")";
	}

	/**
	 * Whether a value follows the grammar of the autocomplete attribute of the HTML
	 * standard: {@code on}, {@code off}, or an optional {@code section-*} token, an
	 * optional {@code shipping} or {@code billing}, a field name (or a contact field
	 * name, after an optional modifier), an optional {@code webauthn}.
	 * @param value the attribute's value
	 * @return whether it is an autofill detail token list
	 */
	static boolean isAutofillDetail(String value) {
		List<String> tokens = List.of(value.trim().toLowerCase(Locale.ROOT).split("\\s+"));
		if (tokens.equals(List.of("on")) || tokens.equals(List.of("off"))) {
			return true;
		}
		int i = 0;
		if (i < tokens.size() && tokens.get(i).startsWith("section-")) {
			i++;
		}
		if (i < tokens.size() && (tokens.get(i).equals("shipping") || tokens.get(i).equals("billing"))) {
			i++;
		}
		if (i < tokens.size() && AUTOFILL_FIELD_NAMES.contains(tokens.get(i))) {
			i++;
		}
		else {
			if (i < tokens.size() && AUTOFILL_CONTACT_MODIFIERS.contains(tokens.get(i))) {
				i++;
			}
			if (i < tokens.size() && AUTOFILL_CONTACT_NAMES.contains(tokens.get(i))) {
				i++;
			}
			else {
				return false;
			}
		}
		if (i < tokens.size() && tokens.get(i).equals("webauthn")) {
			i++;
		}
		return i == tokens.size();
	}

	/**
	 * A form field as a browser gets it.
	 * @param template where it is written, under {@code templates/}
	 * @param page the page it is on when a fragment's arguments decide its attributes, or
	 * null
	 * @param form the form it belongs to, or null
	 * @param type its input type, {@code select} or {@code textarea}
	 * @param name its name
	 * @param id its id, if written as is, or an empty string
	 * @param hints the values of {@link #HINTS} it has
	 */
	private static boolean aboutAnotherPerson(Field field) {
		return field.page() != null && ANOTHER_PERSONS_PAGES.contains(field.page());
	}

	record Field(String template, String page, Element form, String type, String name, String id,
			Map<String, String> hints) {

		boolean has(String attribute) {
			return this.hints.containsKey(attribute);
		}

		/** Whether the field has the attribute, with a value the test could work out. */
		boolean knows(String attribute) {
			return has(attribute) && !hint(attribute).equals(UNKNOWN);
		}

		String hint(String attribute) {
			return this.hints.get(attribute);
		}

		@Override
		public String toString() {
			return this.template + ((this.page != null) ? " (on " + this.page + ")" : "") + ", " + this.type + " '"
					+ this.name + "'" + (this.id.isEmpty() ? "" : " #" + this.id);
		}

	}

	/** The values of a fragment's parameters, the page that shows it, its form. */
	private record Scope(Map<String, String> variables, String page, Element form) {
	}

	/** A call of a fragment with parameters: the element that calls it, its arguments. */
	private record Call(String template, Element element, List<String> arguments) {
	}

	/** A fragment with parameters. */
	private record Fragment(String template, Element root, List<String> parameters) {
	}

	/**
	 * The templates, their fragments with parameters and the calls of these fragments.
	 */
	private static final class Templates {

		private final Map<String, Document> documents = new LinkedHashMap<>();

		/** By "template :: name". */
		private final Map<String, Fragment> fragments = new LinkedHashMap<>();

		private final Map<Element, Fragment> fragmentsByRoot = new IdentityHashMap<>();

		private final Map<Fragment, List<Call>> calls = new IdentityHashMap<>();

		Templates() throws IOException {
			try (Stream<Path> files = Files.walk(TEMPLATES)) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".html")).sorted().toList()) {
					String name = TEMPLATES.relativize(file).toString().replace('\\', '/');
					this.documents.put(name, Jsoup.parse(Files.readString(file)));
				}
			}
			this.documents.forEach((template, document) -> {
				for (Element root : document.select("[th:fragment]")) {
					Matcher signature = FRAGMENT_SIGNATURE.matcher(root.attr("th:fragment"));
					if (signature.matches()) {
						List<String> parameters = List.of(signature.group(2).split(","))
							.stream()
							.map(String::trim)
							.toList();
						Fragment fragment = new Fragment(template, root, parameters);
						this.fragments.put(template.replaceFirst("\\.html$", "") + " :: " + signature.group(1),
								fragment);
						this.fragmentsByRoot.put(root, fragment);
						this.calls.put(fragment, new ArrayList<>());
					}
				}
			});
			this.documents.forEach((template, document) -> {
				for (Element element : document.select("[th:replace], [th:insert]")) {
					String call = element.hasAttr("th:replace") ? element.attr("th:replace")
							: element.attr("th:insert");
					Matcher matcher = FRAGMENT_CALL.matcher(call);
					Fragment fragment = matcher.matches()
							? this.fragments.get(matcher.group(1) + " :: " + matcher.group(2)) : null;
					if (fragment != null) {
						List<String> arguments = splitTopLevel(matcher.group(3));
						assertThat(arguments).as(template + ": " + call).hasSameSizeAs(fragment.parameters());
						this.calls.get(fragment).add(new Call(template, element, arguments));
					}
				}
			});
		}

		List<Field> fields() {
			Set<Field> fields = new LinkedHashSet<>();
			this.documents.forEach((template, document) -> {
				for (Element element : document.select("input, select, textarea")) {
					for (Scope scope : scopes(template, element)) {
						Field field = field(template, element, scope);
						if (field != null) {
							fields.add(field);
						}
					}
				}
			});
			return List.copyOf(fields);
		}

		private Field field(String template, Element element, Scope scope) {
			Evaluation evaluation = new Evaluation(scope.variables());
			String type = String.valueOf(switch (element.tagName()) {
				case "select", "textarea" -> element.tagName();
				default -> element.hasAttr("type") ? element.attr("type").toLowerCase(Locale.ROOT)
						: element.hasAttr("th:type") ? evaluation.of(element.attr("th:type")) : "text";
			});
			if (NOT_FIELDS.contains(type)) {
				return null;
			}
			Map<String, String> hints = new LinkedHashMap<>();
			Map<String, String> attributes = attributeExpressions(element);
			for (String hint : HINTS) {
				if (element.hasAttr(hint)) {
					hints.put(hint, element.attr(hint));
				}
				else if (attributes.containsKey(hint)) {
					String value = evaluation.of(attributes.get(hint));
					if (value != null) {
						hints.put(hint, value);
					}
				}
			}
			String name = name(element, evaluation);
			return new Field(template, evaluation.usedVariables ? scope.page() : null, scope.form(), type, name,
					element.id(), hints);
		}

		private static String name(Element element, Evaluation evaluation) {
			if (element.hasAttr("name")) {
				return element.attr("name");
			}
			if (element.hasAttr("th:name")) {
				return String.valueOf(evaluation.of(element.attr("th:name")));
			}
			if (element.hasAttr("th:field")) {
				Matcher variable = PREPROCESSED_VARIABLE.matcher(element.attr("th:field"));
				StringBuilder field = new StringBuilder();
				while (variable.find()) {
					variable.appendReplacement(field,
							Matcher.quoteReplacement(String.valueOf(evaluation.variable(variable.group(1)))));
				}
				variable.appendTail(field);
				return field.toString().replaceAll("^\\*\\{|}$", "");
			}
			return element.id();
		}

		/** The th:* attributes and the entries of th:attr, by attribute name. */
		private static Map<String, String> attributeExpressions(Element element) {
			Map<String, String> expressions = new LinkedHashMap<>();
			for (String entry : splitTopLevel(element.attr("th:attr"))) {
				int equals = entry.indexOf('=');
				if (equals > 0) {
					expressions.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
				}
			}
			for (String hint : HINTS) {
				if (element.hasAttr("th:" + hint)) {
					expressions.put(hint, element.attr("th:" + hint));
				}
			}
			return expressions;
		}

		/**
		 * The ways an element is shown: once as written, or once for each call of the
		 * fragment with parameters it belongs to (and each way that call is shown).
		 */
		private List<Scope> scopes(String template, Element element) {
			Fragment fragment = null;
			for (Element ancestor = element; ancestor != null && fragment == null; ancestor = ancestor.parent()) {
				fragment = this.fragmentsByRoot.get(ancestor);
			}
			Element form = element.closest("form");
			if (fragment == null) {
				return List.of(new Scope(Map.of(), template, form));
			}
			boolean formInFragment = form != null
					&& (form == fragment.root() || form.parents().contains(fragment.root()));
			List<Scope> scopes = new ArrayList<>();
			for (Call call : this.calls.get(fragment)) {
				for (Scope caller : scopes(call.template(), call.element())) {
					Evaluation evaluation = new Evaluation(caller.variables());
					Map<String, String> variables = new LinkedHashMap<>();
					for (int i = 0; i < fragment.parameters().size(); i++) {
						variables.put(fragment.parameters().get(i), evaluation.of(call.arguments().get(i)));
					}
					scopes.add(new Scope(variables, caller.page(), formInFragment ? form : caller.form()));
				}
			}
			if (scopes.isEmpty()) {
				Map<String, String> unknown = new LinkedHashMap<>();
				fragment.parameters().forEach((parameter) -> unknown.put(parameter, UNKNOWN));
				scopes.add(new Scope(unknown, template, formInFragment ? form : null));
			}
			return scopes;
		}

	}

	/**
	 * Works out the few Thymeleaf expressions the fields' hints use: a text literal,
	 * {@code null}, a fragment parameter, a parameter followed by a text literal.
	 * Anything else gives {@link #UNKNOWN}.
	 */
	private static final class Evaluation {

		private final Map<String, String> variables;

		private boolean usedVariables;

		Evaluation(Map<String, String> variables) {
			this.variables = variables;
		}

		String variable(String name) {
			if (!this.variables.containsKey(name)) {
				return UNKNOWN;
			}
			this.usedVariables = true;
			return this.variables.get(name);
		}

		String of(String expression) {
			String trimmed = expression.trim();
			if (trimmed.equals("null")) {
				return null;
			}
			if (trimmed.matches("'[^']*'")) {
				return trimmed.substring(1, trimmed.length() - 1);
			}
			Matcher variable = VARIABLE.matcher(trimmed);
			if (variable.matches()) {
				return variable(variable.group(1));
			}
			Matcher variablePlusText = VARIABLE_PLUS_TEXT.matcher(trimmed);
			if (variablePlusText.matches()) {
				String value = variable(variablePlusText.group(1));
				return (value == null || value.equals(UNKNOWN)) ? UNKNOWN : value + variablePlusText.group(2);
			}
			return UNKNOWN;
		}

	}

	/** Splits a list on its commas, but those between quotes, parentheses or braces. */
	private static List<String> splitTopLevel(String list) {
		List<String> parts = new ArrayList<>();
		if (list.isBlank()) {
			return parts;
		}
		int depth = 0;
		boolean quoted = false;
		StringBuilder part = new StringBuilder();
		for (char c : list.toCharArray()) {
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '(' || c == '{' || c == '[')) {
				depth++;
			}
			else if (!quoted && (c == ')' || c == '}' || c == ']')) {
				depth--;
			}
			if (c == ',' && depth == 0 && !quoted) {
				parts.add(part.toString().trim());
				part.setLength(0);
			}
			else {
				part.append(c);
			}
		}
		parts.add(part.toString().trim());
		return parts;
	}

}
