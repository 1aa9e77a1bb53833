package fr.dwwm.comptoir.module;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.module.api.ModuleDescriptor;
import fr.dwwm.comptoir.module.api.ModuleSettings;
import fr.dwwm.comptoir.module.api.ShopModule;
import fr.dwwm.comptoir.module.api.ShopModules;
import fr.dwwm.comptoir.system.PublicUrl;

import org.springframework.stereotype.Service;

/**
 * The modules the shop knows: every {@link ShopModule} bean found at startup (built-in
 * ones and those of jars on the classpath), each with its state in the database
 * (installed or not, which version, enabled or not, where it is placed).
 */
@Service
public class ModuleRegistry implements ShopModules {

	private final Map<String, ShopModule> modules;

	private final ModuleStates states;

	private final PublicUrl publicUrl;

	ModuleRegistry(List<ShopModule> modules, ModuleStates states, PublicUrl publicUrl) {
		Map<String, ShopModule> byCode = new LinkedHashMap<>();
		modules.stream()
			.sorted(Comparator.comparing((ShopModule module) -> module.descriptor().code()))
			.forEach((module) -> {
				ShopModule twin = byCode.put(module.descriptor().code(), module);
				if (twin != null) {
					throw new IllegalStateException("Two modules have the code " + module.descriptor().code() + ": "
							+ twin.getClass().getName() + " and " + module.getClass().getName());
				}
			});
		this.modules = Map.copyOf(byCode);
		this.states = states;
		this.publicUrl = publicUrl;
	}

	/**
	 * Every module found, installed or not, sorted by code.
	 * @return each module with its state
	 */
	public List<ModuleStatus> all() {
		ModuleStates.Snapshot snapshot = this.states.load();
		return this.modules.values()
			.stream()
			.map((module) -> status(module, snapshot))
			.sorted(Comparator.comparing((ModuleStatus status) -> status.descriptor().code()))
			.toList();
	}

	/**
	 * One module.
	 * @param code its code
	 * @return the module with its state, if found
	 */
	public Optional<ModuleStatus> find(String code) {
		ShopModule module = this.modules.get(code);
		return (module != null) ? Optional.of(status(module, this.states.load())) : Optional.empty();
	}

	ShopModule module(String code) {
		ShopModule module = this.modules.get(code);
		if (module == null) {
			throw new ModuleRefusal("module.refused.unknown");
		}
		return module;
	}

	/**
	 * The installed modules placed in a display hook, enabled or not, in their order, for
	 * the back-office.
	 * @param hook the hook
	 * @return the modules with their state
	 */
	public List<ModuleStatus> placedIn(String hook) {
		ModuleStates.Snapshot snapshot = this.states.load();
		return snapshot.placedIn(hook)
			.stream()
			.filter(this.modules::containsKey)
			.map((code) -> status(this.modules.get(code), snapshot))
			.toList();
	}

	/**
	 * The enabled modules placed in a display hook, in their order.
	 * @param hook the hook
	 * @return the modules with their settings
	 */
	List<Placed> enabledIn(String hook) {
		ModuleStates.Snapshot snapshot = this.states.load();
		return snapshot.placedIn(hook).stream().map((code) -> {
			ShopModule module = this.modules.get(code);
			ModuleStates.Installed installed = snapshot.installed().get(code);
			if (module == null || installed == null || !installed.enabled()) {
				return null;
			}
			return new Placed(module, new ModuleSettings(module.descriptor(), installed.configuration()));
		}).filter(java.util.Objects::nonNull).toList();
	}

	/**
	 * The enabled modules, for action hooks.
	 * @return each enabled module with its settings
	 */
	List<Placed> enabled() {
		ModuleStates.Snapshot snapshot = this.states.load();
		return this.modules.values()
			.stream()
			.filter((module) -> isEnabled(snapshot, module.descriptor().code()))
			.map((module) -> new Placed(module,
					new ModuleSettings(module.descriptor(),
							snapshot.installed().get(module.descriptor().code()).configuration())))
			.toList();
	}

	@Override
	public boolean isEnabled(String code) {
		return isEnabled(this.states.load(), code);
	}

	@Override
	public ModuleSettings settings(String code) {
		ShopModule module = module(code);
		ModuleStates.Installed installed = this.states.load().installed().get(code);
		return new ModuleSettings(module.descriptor(), (installed != null) ? installed.configuration() : Map.of());
	}

	@Override
	public String publicUrl() {
		return this.publicUrl.toString();
	}

	private boolean isEnabled(ModuleStates.Snapshot snapshot, String code) {
		ModuleStates.Installed installed = snapshot.installed().get(code);
		return installed != null && installed.enabled() && this.modules.containsKey(code);
	}

	private static ModuleStatus status(ShopModule module, ModuleStates.Snapshot snapshot) {
		ModuleDescriptor descriptor = module.descriptor();
		ModuleStates.Installed installed = snapshot.installed().get(descriptor.code());
		List<String> hooks = snapshot.placements()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().contains(descriptor.code()))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		return new ModuleStatus(descriptor, (installed != null) ? installed.version() : null,
				installed != null && installed.enabled(), hooks,
				new ModuleSettings(descriptor, (installed != null) ? installed.configuration() : Map.of()));
	}

	/**
	 * A module and its settings, ready to render or to receive an event.
	 *
	 * @param module the module
	 * @param settings its settings
	 */
	record Placed(ShopModule module, ModuleSettings settings) {

	}

	/**
	 * A module as the back-office shows it.
	 *
	 * @param descriptor what the module says of itself
	 * @param installedVersion the installed version, or {@code null} if not installed
	 * @param enabled whether it is enabled
	 * @param hooks the display hooks it is placed in
	 * @param settings its settings
	 */
	public record ModuleStatus(ModuleDescriptor descriptor, String installedVersion, boolean enabled,
			List<String> hooks, ModuleSettings settings) {

		/**
		 * Whether the module is installed.
		 * @return whether it has a row in the database
		 */
		public boolean installed() {
			return this.installedVersion != null;
		}

		/**
		 * Whether the code found is newer than the installed version.
		 * @return whether an upgrade is waiting
		 */
		public boolean upgradeAvailable() {
			return installed() && Versions.compare(this.descriptor.version(), this.installedVersion) > 0;
		}

	}

}
