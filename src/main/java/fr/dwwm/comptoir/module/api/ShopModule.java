package fr.dwwm.comptoir.module.api;

import java.util.Optional;

/**
 * A module: a piece of the shop that can be installed, enabled, configured, disabled and
 * uninstalled from the back-office without touching the core, like a PrestaShop module.
 *
 * <p>
 * A module is a Spring bean implementing this interface. Built-in modules live in
 * {@code fr.dwwm.comptoir.module.builtin}; a module in its own jar declares its
 * configuration class in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports},
 * so that putting the jar on the classpath is enough for the shop to find it.
 *
 * <p>
 * What a module brings besides its code, by convention on its {@link #descriptor() code}:
 * <ul>
 * <li>templates in {@code templates/modules/<code>/};</li>
 * <li>messages in {@code modules/<code>/messages.properties} and
 * {@code messages_en.properties}, with the keys {@code module.<code>.name} and
 * {@code module.<code>.description};</li>
 * <li>static files in {@code static/modules/<code>/};</li>
 * <li>if it stores data, Flyway migrations in {@code modules/<code>/migration}, applied
 * in its own schema {@code module_<code>} with its own history table.</li>
 * </ul>
 */
public interface ShopModule {

	/**
	 * Says who the module is and what it offers.
	 * @return the module's descriptor
	 */
	ModuleDescriptor descriptor();

	/**
	 * Renders the module's block in a display hook. Called only when the module is
	 * enabled and placed in that hook. An exception thrown here (or in the template) is
	 * logged and the block is left out: it never breaks the page.
	 * @param context the hook, the visitor's language, the module's settings and what the
	 * page is about
	 * @return the template and model to render, or empty to show nothing
	 */
	default Optional<ModuleView> render(HookContext context) {
		return Optional.empty();
	}

	/**
	 * Receives an action hook: something happened in the shop. Called only while the
	 * module is enabled, after the transaction that caused the event committed. An
	 * exception thrown here is logged and does not undo what happened.
	 * @param event what happened
	 * @param settings the module's current settings
	 */
	default void onEvent(ShopEvent event, ModuleSettings settings) {
	}

}
