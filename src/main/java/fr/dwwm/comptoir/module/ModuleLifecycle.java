package fr.dwwm.comptoir.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import fr.dwwm.comptoir.module.api.ModuleDescriptor;
import fr.dwwm.comptoir.module.api.Setting;
import fr.dwwm.comptoir.module.api.ShopModule;
import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.AuditLog.Outcome;
import fr.dwwm.comptoir.system.AfterCommit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators and editors do with modules: install, enable, disable, upgrade,
 * uninstall, configure, and place in display hooks. Every change is written to the
 * database, audited, and takes effect on the next page (the state cache is emptied), with
 * no restart.
 */
@Service
public class ModuleLifecycle {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ModuleRegistry registry;

	private final ModuleSchemas schemas;

	private final ModuleStates states;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	ModuleLifecycle(ModuleRegistry registry, ModuleSchemas schemas, ModuleStates states, JdbcClient jdbc,
			AuditLog audit) {
		this.registry = registry;
		this.schemas = schemas;
		this.states = states;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Installs a module: its migrations in its own schema, its row (disabled, default
	 * settings) and its default places in the hooks.
	 * @param code the module's code
	 * @param actor the account acting, or {@code null} for the shop itself
	 */
	@Transactional
	public void install(String code, Long actor) {
		ShopModule module = this.registry.module(code);
		if (this.registry.find(code).orElseThrow().installed()) {
			throw new ModuleRefusal("module.refused.installed");
		}
		ModuleDescriptor descriptor = module.descriptor();
		int migrations = descriptor.storesData() ? this.schemas.migrate(module) : 0;
		Map<String, String> defaults = new LinkedHashMap<>();
		descriptor.settings().forEach((setting) -> defaults.put(setting.key(), setting.defaultValue()));
		this.jdbc.sql("""
				INSERT INTO module (code, installed_version, enabled, configuration)
				VALUES (:code, :version, false, CAST(:configuration AS jsonb))""")
			.param("code", code)
			.param("version", descriptor.version())
			.param("configuration", json.writeValueAsString(defaults))
			.update();
		for (String hook : descriptor.hooks().subList(0, descriptor.defaultHooks())) {
			placeAtEnd(code, hook);
		}
		changed("MODULE_INSTALL", code, actor, Map.of("version", descriptor.version(), "migrations", migrations));
	}

	/**
	 * Enables an installed module: its blocks show and it receives events.
	 * @param code the module's code
	 * @param actor the account acting, or {@code null} for the shop itself
	 */
	@Transactional
	public void enable(String code, Long actor) {
		setEnabled(code, true);
		changed("MODULE_ENABLE", code, actor, Map.of());
	}

	/**
	 * Disables a module: its blocks and pages disappear, its data stays.
	 * @param code the module's code
	 * @param actor the account acting, or {@code null} for the shop itself
	 */
	@Transactional
	public void disable(String code, Long actor) {
		setEnabled(code, false);
		changed("MODULE_DISABLE", code, actor, Map.of());
	}

	/**
	 * Applies the migrations of a newer version of the module's code and records that
	 * version.
	 * @param code the module's code
	 * @param actor the account acting, or {@code null} for the shop itself
	 */
	@Transactional
	public void upgrade(String code, Long actor) {
		ModuleRegistry.ModuleStatus status = installedStatus(code);
		if (!status.upgradeAvailable()) {
			throw new ModuleRefusal("module.refused.up-to-date");
		}
		ShopModule module = this.registry.module(code);
		int migrations = module.descriptor().storesData() ? this.schemas.migrate(module) : 0;
		this.jdbc.sql("UPDATE module SET installed_version = :version WHERE code = :code")
			.param("version", module.descriptor().version())
			.param("code", code)
			.update();
		changed("MODULE_UPGRADE", code, actor, Map.of("from", status.installedVersion(), "to",
				module.descriptor().version(), "migrations", migrations));
	}

	/**
	 * Uninstalls a module: its row, its places and its schema (tables and data) are
	 * deleted. Asked twice: the administrator types the module's code to confirm.
	 * @param code the module's code
	 * @param confirmation what the administrator typed
	 * @param actor the account acting, or {@code null} for the shop itself
	 */
	@Transactional
	public void uninstall(String code, String confirmation, Long actor) {
		installedStatus(code);
		if (!code.equals((confirmation != null) ? confirmation.strip() : null)) {
			throw new ModuleRefusal("module.refused.confirmation");
		}
		ShopModule module = this.registry.module(code);
		this.jdbc.sql("DELETE FROM module WHERE code = :code").param("code", code).update();
		if (module.descriptor().storesData()) {
			this.schemas.drop(module);
		}
		changed("MODULE_UNINSTALL", code, actor, Map.of("dataDropped", module.descriptor().storesData()));
	}

	/**
	 * Checks and saves a module's settings, all or nothing.
	 * @param code the module's code
	 * @param values the values typed in the generated form, by key
	 * @param actor the account acting, or {@code null} for the shop itself
	 * @return the message key of each refused value by setting key; empty when saved
	 */
	@Transactional
	public Map<String, String> configure(String code, Map<String, String> values, Long actor) {
		installedStatus(code);
		ModuleDescriptor descriptor = this.registry.module(code).descriptor();
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, String> normalised = new LinkedHashMap<>();
		for (Setting setting : descriptor.settings()) {
			String raw = values.get(setting.key());
			setting.check(raw).ifPresent((error) -> errors.put(setting.key(), error));
			normalised.put(setting.key(), setting.normalise(raw));
		}
		if (!errors.isEmpty()) {
			return errors;
		}
		String before = this.jdbc.sql("SELECT configuration::text FROM module WHERE code = :code FOR UPDATE")
			.param("code", code)
			.query(String.class)
			.single();
		this.jdbc.sql("UPDATE module SET configuration = CAST(:configuration AS jsonb) WHERE code = :code")
			.param("configuration", json.writeValueAsString(normalised))
			.param("code", code)
			.update();
		@SuppressWarnings("unchecked")
		Map<String, Object> previous = json.readValue(before, Map.class);
		changed("MODULE_CONFIGURE", code, actor, AuditLog.changes(previous, normalised));
		return Map.of();
	}

	/**
	 * Places a module at the end of a display hook it can render in.
	 * @param code the module's code
	 * @param hook the hook
	 * @param actor the account acting, or {@code null} for the shop itself
	 */
	@Transactional
	public void place(String code, String hook, Long actor) {
		installedStatus(code);
		if (!this.registry.module(code).descriptor().hooks().contains(hook)) {
			throw new ModuleRefusal("module.refused.hook");
		}
		placeAtEnd(code, hook);
		changed("MODULE_PLACE", code, actor, Map.of("hook", hook));
	}

	/**
	 * Takes a module out of a display hook.
	 * @param code the module's code
	 * @param hook the hook
	 * @param actor the account acting, or {@code null} for the shop itself
	 */
	@Transactional
	public void unplace(String code, String hook, Long actor) {
		this.jdbc.sql("DELETE FROM module_hook WHERE module_code = :code AND hook = :hook")
			.param("code", code)
			.param("hook", hook)
			.update();
		renumber(hook);
		changed("MODULE_UNPLACE", code, actor, Map.of("hook", hook));
	}

	/**
	 * Moves a module one place up or down within a display hook.
	 * @param code the module's code
	 * @param hook the hook
	 * @param up {@code true} to show it earlier, {@code false} later
	 * @param actor the account acting, or {@code null} for the shop itself
	 */
	@Transactional
	public void move(String code, String hook, boolean up, Long actor) {
		List<String> order = new java.util.ArrayList<>(this.jdbc
			.sql("SELECT module_code FROM module_hook WHERE hook = :hook ORDER BY position, module_code FOR UPDATE")
			.param("hook", hook)
			.query(String.class)
			.list());
		int index = order.indexOf(code);
		int other = up ? index - 1 : index + 1;
		if (index < 0 || other < 0 || other >= order.size()) {
			return;
		}
		java.util.Collections.swap(order, index, other);
		write(hook, order);
		changed("MODULE_MOVE", code, actor, Map.of("hook", hook, "direction", up ? "up" : "down"));
	}

	private ModuleRegistry.ModuleStatus installedStatus(String code) {
		ModuleRegistry.ModuleStatus status = this.registry.find(code)
			.orElseThrow(() -> new ModuleRefusal("module.refused.unknown"));
		if (!status.installed()) {
			throw new ModuleRefusal("module.refused.not-installed");
		}
		return status;
	}

	private void setEnabled(String code, boolean enabled) {
		installedStatus(code);
		this.jdbc.sql("UPDATE module SET enabled = :enabled WHERE code = :code")
			.param("enabled", enabled)
			.param("code", code)
			.update();
	}

	private void placeAtEnd(String code, String hook) {
		this.jdbc.sql("""
				INSERT INTO module_hook (module_code, hook, position)
				SELECT :code, :hook, coalesce(max(position) + 1, 0) FROM module_hook WHERE hook = :hook
				ON CONFLICT (module_code, hook) DO NOTHING""").param("code", code).param("hook", hook).update();
	}

	private void renumber(String hook) {
		write(hook,
				this.jdbc.sql("SELECT module_code FROM module_hook WHERE hook = :hook ORDER BY position, module_code")
					.param("hook", hook)
					.query(String.class)
					.list());
	}

	private void write(String hook, List<String> order) {
		for (int position = 0; position < order.size(); position++) {
			this.jdbc.sql("UPDATE module_hook SET position = :position WHERE hook = :hook AND module_code = :code")
				.param("position", position)
				.param("hook", hook)
				.param("code", order.get(position))
				.update();
		}
	}

	private void changed(String action, String code, Long actor, Map<String, ?> details) {
		// Emptied now for this request and again after the commit, so that no page
		// rendered in between caches the state from before the change.
		this.states.evict();
		AfterCommit.run(this.states::evict);
		this.audit.record(action, Outcome.SUCCESS, actor, "module:" + code, details);
	}

}
