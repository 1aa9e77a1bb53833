package fr.dwwm.comptoir.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.context.webmvc.SpringWebMvcThymeleafRequestContext;
import org.thymeleaf.spring6.naming.SpringContextVariableNames;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContext;

/**
 * Renders a template, or one fragment of it, into a string from Java code, within the
 * current request: links get the shop's context path, {@code #{...}} the visitor's
 * language and {@code th:action} the CSRF token, exactly as in the page itself. Used
 * where HTML is produced apart from the page and then inserted into it: the modules'
 * blocks and the cached fragments ({@link FragmentCache}).
 */
@Component
public class TemplateRenderer {

	private final ITemplateEngine templates;

	private final JakartaServletWebApplication application;

	TemplateRenderer(ITemplateEngine templates, ServletContext servletContext) {
		this.templates = templates;
		this.application = JakartaServletWebApplication.buildApplication(servletContext);
	}

	/**
	 * Renders a template or some of its fragments.
	 * @param template the template's name ({@code catalog/fragments})
	 * @param fragments the names of the fragments to render, or an empty set for the
	 * whole template
	 * @param variables what the template reads, by name
	 * @param locale the language of the page
	 * @param request the current request
	 * @param response the current response
	 * @return the HTML
	 */
	public String render(String template, Set<String> fragments, Map<String, ?> variables, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		Map<String, Object> all = new HashMap<>(variables);
		RequestContext requestContext = new RequestContext(request, response, request.getServletContext(), all);
		all.put(SpringContextVariableNames.SPRING_REQUEST_CONTEXT, requestContext);
		all.put(SpringContextVariableNames.THYMELEAF_REQUEST_CONTEXT,
				new SpringWebMvcThymeleafRequestContext(requestContext, request));
		// A web context keeps its variables as request attributes: the page's own (its
		// request context, its form objects) are put back once this is rendered.
		Map<String, Object> pageAttributes = new HashMap<>();
		for (String name : all.keySet()) {
			pageAttributes.put(name, request.getAttribute(name));
		}
		try {
			WebContext context = new WebContext(this.application.buildExchange(request, response), locale, all);
			return this.templates.process(template, fragments, context);
		}
		finally {
			pageAttributes.forEach(request::setAttribute);
		}
	}

}
