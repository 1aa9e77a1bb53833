package fr.dwwm.comptoir.e2e;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import nu.validator.client.EmbeddedValidator;

/**
 * The W3C's Nu HTML Checker, run in-process (offline).
 */
public final class HtmlValidator {

	private static final ObjectMapper json = JsonMapper.builder().build();

	/** Loading the checker's schemas takes seconds: one instance serves the whole run. */
	private static EmbeddedValidator validator;

	private HtmlValidator() {
	}

	/**
	 * Validates an HTML document.
	 * @param html the document, doctype included
	 * @return one line per error (empty when the document is valid)
	 */
	public static synchronized List<String> errors(String html) {
		try {
			if (validator == null) {
				validator = new EmbeddedValidator();
				validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
			}
			String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
			List<String> errors = new ArrayList<>();
			for (JsonNode message : json.readTree(report).path("messages")) {
				String type = message.path("type").asString();
				if ("error".equals(type) || "non-document-error".equals(type)) {
					errors.add("line " + message.path("lastLine").asInt() + ": " + message.path("message").asString()
							+ " [" + message.path("extract").asString().strip() + "]");
				}
			}
			return errors;
		}
		catch (Exception ex) {
			throw new IllegalStateException("The HTML checker failed", ex);
		}
	}

}
