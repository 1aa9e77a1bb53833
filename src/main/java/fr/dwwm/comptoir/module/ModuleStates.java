package fr.dwwm.comptoir.module;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The modules' rows of the database (tables {@code module} and {@code module_hook}) read
 * in two queries and kept in the cache, so that rendering a page's hooks costs no query.
 * Every change made through {@link ModuleLifecycle} empties the cache; another instance
 * of the shop sees it when its cache entry expires (one minute).
 */
@Component
class ModuleStates {

	static final String CACHE = "module-states";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	ModuleStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Cacheable(CACHE)
	public Snapshot load() {
		Map<String, Installed> installed = new HashMap<>();
		this.jdbc.sql("SELECT code, installed_version, enabled, configuration::text AS configuration FROM module")
			.query((row) -> {
				Map<String, String> configuration = json.readValue(row.getString("configuration"),
						new TypeReference<Map<String, String>>() {
						});
				installed.put(row.getString("code"), new Installed(row.getString("code"),
						row.getString("installed_version"), row.getBoolean("enabled"), configuration));
			});
		Map<String, List<String>> placements = new HashMap<>();
		this.jdbc.sql("SELECT hook, module_code FROM module_hook ORDER BY hook, position, module_code").query((row) -> {
			placements.computeIfAbsent(row.getString("hook"), (hook) -> new ArrayList<>())
				.add(row.getString("module_code"));
		});
		return new Snapshot(Map.copyOf(installed), Map.copyOf(placements));
	}

	@CacheEvict(cacheNames = CACHE, allEntries = true)
	public void evict() {
		// The annotation does the work.
	}

	/**
	 * An installed module as the database knows it.
	 *
	 * @param code its code
	 * @param version the installed version
	 * @param enabled whether it is enabled
	 * @param configuration its saved settings
	 */
	record Installed(String code, String version, boolean enabled, Map<String, String> configuration) {

	}

	/**
	 * Every installed module and every hook's modules in order.
	 *
	 * @param installed installed modules by code
	 * @param placements codes of the modules placed in each hook, in order
	 */
	record Snapshot(Map<String, Installed> installed, Map<String, List<String>> placements) {

		List<String> placedIn(String hook) {
			return this.placements.getOrDefault(hook, List.of());
		}

	}

}
