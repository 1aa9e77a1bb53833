package fr.dwwm.comptoir.module.api;

/**
 * The state of modules, for a module's own controllers: a disabled module's pages answer
 * 404, and its forms read its settings.
 */
public interface ShopModules {

	/**
	 * Whether a module is installed and enabled.
	 * @param code the module's code
	 * @return whether it is enabled
	 */
	boolean isEnabled(String code);

	/**
	 * The settings of an installed module.
	 * @param code the module's code
	 * @return its settings
	 */
	ModuleSettings settings(String code);

	/**
	 * The public address of the shop, to build links sent by e-mail (never taken from the
	 * request).
	 * @return e.g. {@code https://boutique.example}
	 */
	String publicUrl();

}
