package fr.dwwm.comptoir.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.mock.web.MockServletContext;

/**
 * A template renderer for unit tests: writes down what it is asked to render instead of
 * running Thymeleaf, and answers with that description (plus {@link #extra}).
 */
public final class CountingTemplateRenderer extends TemplateRenderer {

	/** Each call: template, fragments, variables sorted by name, language. */
	public final List<String> rendered = new ArrayList<>();

	/** Text added to each answer, e.g. a CSRF field. */
	public String extra = "";

	public CountingTemplateRenderer() {
		super(null, new MockServletContext());
	}

	@Override
	public String render(String template, Set<String> fragments, Map<String, ?> variables, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		String call = template + " " + fragments + " " + new TreeMap<>(variables) + " " + locale.getLanguage();
		this.rendered.add(call);
		return call + this.extra;
	}

}
