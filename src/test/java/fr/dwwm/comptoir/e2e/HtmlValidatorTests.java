package fr.dwwm.comptoir.e2e;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Nu HTML checker as the browser tests use it, set up once for the whole run, finds
 * on every document what the checker's own embedding class finds set up for that document
 * alone, whatever it checked before.
 */
class HtmlValidatorTests {

	private static final String VALID = page("<h1>Confitures</h1><img src=\"/pot.png\" alt=\"Un pot de confiture\">");

	private static final List<String> DOCUMENTS = List.of(VALID, page("<img src=\"/pot.png\">"),
			page("<p id=\"prix\">4 €</p><p id=\"prix\">5 €</p>"), page("<p>Miel</span></p>"),
			page("<div couleur=\"rouge\">Savon</div>"), page("<a href=\"/a\"><button>Acheter</button></a>"),
			page("<ul><div>Thé</div></ul><label for=\"nulle-part\">Quantité</label>"), VALID,
			"<html><body><p>Sans doctype, sans titre ni langue</p></body></html>", VALID);

	@Test
	void everyDocumentGetsTheErrorsTheCheckerFindsWhenSetUpForItAloneAndAValidOneNone() throws Exception {
		for (int round = 0; round < 2; round++) {
			for (String document : DOCUMENTS) {
				List<String> reused = HtmlValidator.errors(document);
				// The same errors on the same lines (the embedding class words a few of
				// the
				// schema's messages its own way).
				assertThat(lines(reused)).as(document).isEqualTo(lines(oneOff(document)));
				if (document.equals(VALID)) {
					assertThat(reused).as("a valid document after invalid ones").isEmpty();
				}
				else {
					assertThat(reused).as(document).isNotEmpty();
				}
			}
		}
	}

	/**
	 * The errors of the checker's embedding class, which builds a checker per document.
	 */
	private static List<String> oneOff(String html) throws Exception {
		EmbeddedValidator validator = new EmbeddedValidator();
		validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
		String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
		List<String> errors = new ArrayList<>();
		for (JsonNode message : JsonMapper.builder().build().readTree(report).path("messages")) {
			String type = message.path("type").asString();
			if ("error".equals(type) || "non-document-error".equals(type)) {
				errors.add("line " + message.path("lastLine").asInt() + ": " + message.path("message").asString());
			}
		}
		return errors;
	}

	private static List<String> lines(List<String> errors) {
		return errors.stream().map((error) -> error.replaceFirst(":.*$", "")).toList();
	}

	private static String page(String body) {
		return """
				<!DOCTYPE html>
				<html lang="fr">
				<head><meta charset="utf-8"><title>Comptoir</title></head>
				<body><main>
				%s
				</main></body>
				</html>""".formatted(body);
	}

}
