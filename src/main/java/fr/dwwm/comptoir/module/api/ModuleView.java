package fr.dwwm.comptoir.module.api;

import java.util.Map;

/**
 * What a module renders in a display hook: one of its templates and that template's
 * variables. The shop adds {@code settings} (the module's {@link ModuleSettings}) and
 * {@code hook} (the hook's name) to the model.
 *
 * @param template the template, e.g. {@code modules/reviews/product}
 * @param model the template's variables
 */
public record ModuleView(String template, Map<String, Object> model) {

	public ModuleView {
		if (!template.startsWith("modules/")) {
			throw new IllegalArgumentException("A module's templates live under modules/: " + template);
		}
		model = Map.copyOf(model);
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
