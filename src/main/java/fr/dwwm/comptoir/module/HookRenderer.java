package fr.dwwm.comptoir.module;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.dwwm.comptoir.module.api.HookContext;
import fr.dwwm.comptoir.module.api.ModuleCustomer;
import fr.dwwm.comptoir.module.api.ModuleView;
import fr.dwwm.comptoir.module.api.ShopCustomers;
import fr.dwwm.comptoir.web.FragmentCache;
import fr.dwwm.comptoir.web.TemplateRenderer;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Renders the modules placed in a display hook, one after the other, each in isolation: a
 * module whose code or template throws is logged and left out, and the page renders
 * without it.
 *
 * <p>
 * Each module's template is rendered on its own, with the request's Spring context (so
 * that {@code th:action} adds the CSRF token and {@code #{...}} finds the module's
 * messages), into a string the page then inserts. That is what makes the isolation
 * possible: a failure half-way through a module's template cannot leave half a block in
 * the page. A block its module declares the same for everyone
 * ({@link ModuleView#shareable()}) is rendered once per model, settings and language and
 * then shared, unless it shows a message left for this page.
 */
@Component
class HookRenderer {

	private static final Logger logger = LoggerFactory.getLogger(HookRenderer.class);

	/**
	 * Request attribute: the signed-in customer as the modules see them (an Optional).
	 */
	private static final String CUSTOMER_ATTRIBUTE = HookRenderer.class.getName() + ".customer";

	private final ModuleRegistry registry;

	private final TemplateRenderer templates;

	private final ShopCustomers customers;

	private final FragmentCache shared;

	HookRenderer(ModuleRegistry registry, TemplateRenderer templates, ShopCustomers customers, FragmentCache shared) {
		this.registry = registry;
		this.templates = templates;
		this.customers = customers;
		this.shared = shared;
	}

	/**
	 * Renders a hook.
	 * @param hook the hook's name
	 * @param subjectId what the page is about, or {@code null}
	 * @param locale the visitor's language
	 * @param request the current request
	 * @param response the current response
	 * @return the HTML of the enabled modules placed in the hook, in order
	 */
	String render(String hook, Long subjectId, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		StringBuilder html = new StringBuilder();
		List<ModuleRegistry.Placed> placed;
		try {
			placed = this.registry.enabledIn(hook);
		}
		catch (DataAccessException ex) {
			logger.warn("Hook {} shown without its modules: {}", hook, ex.getMessage());
			return "";
		}
		for (ModuleRegistry.Placed module : placed) {
			String code = module.module().descriptor().code();
			try {
				HookContext context = new HookContext(hook, locale, module.settings(), subjectId, customer(request));
				Optional<ModuleView> view = module.module().render(context);
				if (view.isPresent()) {
					html.append(renderView(code, hook, view.get(), module, locale, request, response));
				}
			}
			catch (RuntimeException ex) {
				logger.error("Module {} failed to render in {}: its block is left out", code, hook, ex);
			}
		}
		return html.toString();
	}

	/**
	 * The signed-in customer, read once per request whatever the number of hooks and
	 * modules on the page, and only if a module is placed: kept in the request, where it
	 * ends with it.
	 */
	private ModuleCustomer customer(HttpServletRequest request) {
		if (request.getAttribute(CUSTOMER_ATTRIBUTE) instanceof Optional<?> known) {
			return (ModuleCustomer) known.orElse(null);
		}
		Optional<ModuleCustomer> customer = this.customers.current();
		request.setAttribute(CUSTOMER_ATTRIBUTE, customer);
		return customer.orElse(null);
	}

	private String renderView(String code, String hook, ModuleView view, ModuleRegistry.Placed placed, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		Map<String, Object> variables = new HashMap<>(view.model());
		variables.put("settings", placed.settings());
		variables.put("hook", hook);
		variables.put("moduleCode", code);
		// What the module's own controller left for the next page (a message, the values
		// of a refused form), since its block is rendered outside the controller's model.
		Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
		variables.put("flash", (flash != null) ? flash : Map.of());
		// A block the same for everyone: rendered once per model, settings and
		// language. One showing a message left for this page is this visitor's.
		String body = (view.shareable() && (flash == null || flash.isEmpty()))
				? this.shared.template(view.template(), variables)
				: this.templates.render(view.template(), Set.of(), variables, locale, request, response);
		return "<div class=\"module-block module-block--" + code + "\" data-module=\"" + code + "\">" + body + "</div>";
	}

}
