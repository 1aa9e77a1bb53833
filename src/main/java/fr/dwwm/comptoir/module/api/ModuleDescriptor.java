package fr.dwwm.comptoir.module.api;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Who a module is and what it offers. Its name and description come from its messages
 * ({@code module.<code>.name}, {@code module.<code>.description}).
 *
 * @param code unique code, lowercase letters, digits and hyphens ({@code reviews}); names
 * its templates, messages, static files and database schema
 * @param version the module's version, {@code major.minor.patch}; when it is higher than
 * the installed one, the back-office offers the upgrade
 * @param hooks the display hooks the module can render in; the first ones are where it is
 * placed at installation
 * @param defaultHooks how many of {@code hooks}, from the first, it is placed in at
 * installation
 * @param settings its settings, for which the back-office generates a form
 * @param storesData whether it brings Flyway migrations in
 * {@code modules/<code>/migration}
 */
public record ModuleDescriptor(String code, String version, List<String> hooks, int defaultHooks,
		List<Setting> settings, boolean storesData) {

	private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

	private static final Pattern VERSION = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+");

	public ModuleDescriptor {
		if (!CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("Module code must match " + CODE + ": " + code);
		}
		if (!VERSION.matcher(version).matches()) {
			throw new IllegalArgumentException("Module version must be major.minor.patch: " + version);
		}
		hooks = List.copyOf(hooks);
		settings = List.copyOf(settings);
		for (String hook : hooks) {
			if (!DisplayHook.ALL.contains(hook)) {
				throw new IllegalArgumentException("Unknown display hook " + hook + " in module " + code);
			}
		}
		if (defaultHooks < 0 || defaultHooks > hooks.size()) {
			throw new IllegalArgumentException("defaultHooks out of range in module " + code);
		}
	}

	/**
	 * Starts a descriptor.
	 * @param code the module's code
	 * @param version its version
	 * @return a descriptor without hooks, settings or data, to complete
	 */
	public static ModuleDescriptor of(String code, String version) {
		return new ModuleDescriptor(code, version, List.of(), 0, List.of(), false);
	}

	/**
	 * The hooks the module can render in.
	 * @param placedAtInstall the hooks it is placed in when installed
	 * @param alsoPossible other hooks an editor may move it to
	 * @return a copy with these hooks
	 */
	public ModuleDescriptor hooks(List<String> placedAtInstall, List<String> alsoPossible) {
		List<String> all = new java.util.ArrayList<>(placedAtInstall);
		all.addAll(alsoPossible);
		return new ModuleDescriptor(this.code, this.version, all, placedAtInstall.size(), this.settings,
				this.storesData);
	}

	/**
	 * The module's settings.
	 * @param settings its settings, in the order of the form
	 * @return a copy with these settings
	 */
	public ModuleDescriptor settings(Setting... settings) {
		return new ModuleDescriptor(this.code, this.version, this.hooks, this.defaultHooks, List.of(settings),
				this.storesData);
	}

	/**
	 * Declares that the module keeps data in its own schema.
	 * @return a copy that stores data
	 */
	public ModuleDescriptor storingData() {
		return new ModuleDescriptor(this.code, this.version, this.hooks, this.defaultHooks, this.settings, true);
	}

	/**
	 * The database schema of the module's tables.
	 * @return {@code module_} and the code, hyphens as underscores
	 */
	public String schema() {
		return "module_" + this.code.replace('-', '_');
	}

	/**
	 * Where the module's migrations are.
	 * @return a Flyway location
	 */
	public String migrationLocation() {
		return "classpath:modules/" + this.code + "/migration";
	}

	/**
	 * The setting of that key.
	 * @param key the key
	 * @return the setting, if declared
	 */
	public java.util.Optional<Setting> setting(String key) {
		return this.settings.stream().filter((setting) -> setting.key().equals(key)).findFirst();
	}

}
