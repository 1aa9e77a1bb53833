package fr.dwwm.comptoir.e2e;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import nu.validator.client.EmbeddedValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The W3C's Nu HTML Checker, run in-process (offline).
 */
public final class HtmlValidator {

	private static final ObjectMapper json = JsonMapper.builder().build();

	/** Loading the checker's schemas takes seconds: one instance serves the whole run. */
	private static EmbeddedValidator validator;

	/**
	 * One thread checks pages in the background while the browser loads the next one; it
	 * is a daemon so that it never keeps the test JVM alive.
	 */
	private static final ExecutorService background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "nu-html-checker");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * What the checker found on one page.
	 *
	 * @param url the page's address
	 * @param errors one line per error
	 * @param millis how long the check took
	 */
	public record Report(String url, List<String> errors, long millis) {
	}

	private HtmlValidator() {
	}

	/**
	 * Starts checking a document in the background.
	 * @param url the page's address, for the report
	 * @param html the document, doctype included
	 * @return the report to come
	 */
	public static Future<Report> check(String url, String html) {
		return background.submit(() -> {
			long start = System.nanoTime();
			List<String> errors = errors(html);
			return new Report(url, errors, (System.nanoTime() - start) / 1_000_000);
		});
	}

	/**
	 * Waits for a report started by {@link #check(String, String)}.
	 * @param report the report to come
	 * @return the report
	 */
	public static Report await(Future<Report> report) {
		try {
			return report.get(2, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the HTML checker", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The HTML checker failed", ex);
		}
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
