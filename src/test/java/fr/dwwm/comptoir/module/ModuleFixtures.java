package fr.dwwm.comptoir.module;

/**
 * Puts a module in the state a test needs, whatever an earlier test of the run did to it.
 */
public final class ModuleFixtures {

	private ModuleFixtures() {
	}

	/**
	 * Installs and enables a module if it is not yet.
	 * @param registry the registry
	 * @param lifecycle the lifecycle
	 * @param code the module's code
	 */
	public static void enabled(ModuleRegistry registry, ModuleLifecycle lifecycle, String code) {
		ModuleRegistry.ModuleStatus status = registry.find(code).orElseThrow();
		if (!status.installed()) {
			lifecycle.install(code, null);
		}
		if (!registry.find(code).orElseThrow().enabled()) {
			lifecycle.enable(code, null);
		}
	}

}
