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
import nu.validator.validation.SimpleDocumentValidator;
import nu.validator.xml.SystemErrErrorHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The W3C's Nu HTML Checker, run in-process (offline).
 */
public final class HtmlValidator {

	/**
	 * Setting the checker up takes seconds, and its schema again a few milliseconds for
	 * each document with the checker's embedding class (which builds a new one per
	 * document): one checker, set up once, serves the whole run.
	 */
	private static SimpleDocumentValidator validator;

	private static final Collector collector = new Collector();

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
				validator = new SimpleDocumentValidator(true, false, true);
				validator.setUpMainSchema(EmbeddedValidator.SCHEMA_URL, new SystemErrErrorHandler());
				validator.setUpValidatorAndParsers(collector, false, false);
			}
			collector.start(html);
			try {
				validator.checkHtmlInputSource(
						new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
			}
			catch (SAXParseException ex) {
				collector.fatalError(ex);
			}
			return collector.errors();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The HTML checker failed", ex);
		}
	}

	/**
	 * Gathers the errors of the document being checked: what the checker's own report
	 * gives the types {@code error} and {@code non-document-error}; its warnings and
	 * notes are left out.
	 */
	private static final class Collector implements ErrorHandler {

		private final List<String> errors = new ArrayList<>();

		private String[] lines = new String[0];

		void start(String html) {
			this.errors.clear();
			this.lines = html.split("\n", -1);
		}

		List<String> errors() {
			return List.copyOf(this.errors);
		}

		@Override
		public void warning(SAXParseException exception) {
		}

		@Override
		public void error(SAXParseException exception) {
			int line = exception.getLineNumber();
			String extract = (line >= 1 && line <= this.lines.length) ? this.lines[line - 1].strip() : "";
			if (extract.length() > 160) {
				int column = Math.max(0, Math.min(exception.getColumnNumber() - 1, extract.length()));
				extract = extract.substring(Math.max(0, column - 80), Math.min(extract.length(), column + 80));
			}
			this.errors.add("line " + line + ": " + exception.getMessage() + " [" + extract + "]");
		}

		@Override
		public void fatalError(SAXParseException exception) {
			error(exception);
		}

	}

}
