package fr.dwwm.comptoir.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.thymeleaf.ITemplateEngine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Gives the requests Tomcat refuses on its own, before any filter, controller or error
 * page of the shop runs, the shop's page in French (English under it) instead of Tomcat's
 * English report « HTTP Status 400 – Bad Request ».
 *
 * <p>
 * Which requests: a request line or headers over 8 KB (400), a body over the upload limit
 * of 21 MB (413), and whatever other status the server answers alone (an unknown HTTP
 * version...). Tomcat renders them with the {@link ErrorReportValve} of its host, which
 * Spring Boot installs without details ({@code server.error.include-stacktrace=never}).
 * That valve can send a static file for a status ({@code errorCode.400}) and a default
 * one ({@code errorCode.0}): this class renders {@code templates/error-server.html} from
 * the message bundles into such files when the server is created, in a folder of its own,
 * and points the valve at them.
 *
 * <p>
 * Ordered last, so that Spring Boot's own customizer has added its valve already.
 */
@Component
class ServerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	/** Status (0: any other) → prefix of its title and text in the message bundles. */
	private static final Map<String, String> PAGES = Map.of("400", "error.server.400", "413", "error.server.413", "0",
			"error.server.default");

	private final ObjectProvider<ITemplateEngine> templates;

	ServerErrorPages(ObjectProvider<ITemplateEngine> templates) {
		this.templates = templates;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(this::configure);
	}

	private void configure(Context context) {
		Container host = context.getParent();
		ErrorReportValve valve = null;
		for (Valve candidate : host.getPipeline().getValves()) {
			if (candidate instanceof ErrorReportValve found) {
				valve = found;
			}
		}
		if (valve == null) {
			valve = new ErrorReportValve();
			valve.setShowReport(false);
			valve.setShowServerInfo(false);
			host.getPipeline().addValve(valve);
		}
		Path folder = writePages();
		for (String status : PAGES.keySet()) {
			valve.setProperty("errorCode." + status, folder.resolve(status + ".html").toAbsolutePath().toString());
		}
	}

	/**
	 * Renders one page per status into a new temporary folder, deleted when the JVM
	 * stops.
	 * @return the folder
	 */
	Path writePages() {
		try {
			Path folder = Files.createTempDirectory("comptoir-server-errors-");
			folder.toFile().deleteOnExit();
			for (Map.Entry<String, String> page : PAGES.entrySet()) {
				Path file = folder.resolve(page.getKey() + ".html");
				Files.writeString(file, render(page.getKey(), page.getValue()), StandardCharsets.UTF_8);
				file.toFile().deleteOnExit();
			}
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the server's error pages", ex);
		}
	}

	private String render(String status, String key) {
		ITemplateEngine engine = this.templates.getObject();
		// Thymeleaf's context, not Tomcat's (same simple name).
		var english = new org.thymeleaf.context.Context(Locale.ENGLISH, Map.<String, Object>of("key", key));
		var french = new org.thymeleaf.context.Context(Locale.FRENCH);
		french.setVariable("key", key);
		french.setVariable("code", "0".equals(status) ? null : status);
		french.setVariable("english", engine.process("error-server", Set.of("text"), english));
		return engine.process("error-server", french);
	}

}
