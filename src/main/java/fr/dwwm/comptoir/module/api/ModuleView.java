package fr.dwwm.comptoir.module.api;

import java.util.Map;

/**
 * What a module renders in a display hook: one of its templates and that template's
 * variables. The shop adds {@code settings} (the module's {@link ModuleSettings}) and
 * {@code hook} (the hook's name) to the model.
 *
 * <p>
 * A block that is the same for every visitor (a banner, the shop's promises) can say so
 * ({@link #shareable}): the shop then renders it once per model, settings and language
 * and gives every page that HTML, as PrestaShop's modules do with their template cache.
 * Its template must read nothing but its model, {@code settings}, {@code hook}, messages
 * and links: not the request's parameters, the session nor the signed-in customer (put
 * what the block needs of them in the model: the model is part of the key). It may hold a
 * form: the shop takes the CSRF token out of the shared HTML and puts each visitor's own
 * in it.
 *
 * @param template the template, e.g. {@code modules/reviews/product}
 * @param model the template's variables
 * @param shareable whether the HTML may be rendered once and shared by every visitor for
 * the same model, settings and language
 */
public record ModuleView(String template, Map<String, Object> model, boolean shareable) {

	public ModuleView {
		if (!template.startsWith("modules/")) {
			throw new IllegalArgumentException("A module's templates live under modules/: " + template);
		}
		model = Map.copyOf(model);
	}

	/**
	 * A view rendered for each page.
	 * @param template the template
	 * @param model the template's variables
	 */
	public ModuleView(String template, Map<String, Object> model) {
		this(template, model, false);
	}

	/**
	 * A view that is the same for every visitor given its model, settings and language.
	 * @param template the template
	 * @param model the template's variables (values compared by content: strings,
	 * numbers, records)
	 * @return the view
	 */
	public static ModuleView shareable(String template, Map<String, Object> model) {
		return new ModuleView(template, model, true);
	}

	/**
	 * A view with no variables of its own.
	 * @param template the template
	 * @return the view
	 */
	public static ModuleView of(String template) {
		return new ModuleView(template, Map.of());
	}

}
