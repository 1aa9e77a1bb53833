package fr.dwwm.comptoir.module;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In demo mode, the first start of a database installs and enables the built-in modules,
 * so that a trainer sees reviews, the banner, the carousel... at once. Later starts leave
 * the modules as the administrator set them (one uninstalled stays uninstalled). A
 * production shop starts with no module installed.
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class DemoModules implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoModules.class);

	static final String BUILT_IN = "fr.dwwm.comptoir.module.builtin.";

	private final ModuleRegistry registry;

	private final ModuleLifecycle lifecycle;

	private final JdbcClient jdbc;

	DemoModules(ModuleRegistry registry, ModuleLifecycle lifecycle, JdbcClient jdbc) {
		this.registry = registry;
		this.lifecycle = lifecycle;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		boolean firstStart = this.jdbc.sql(
				"SELECT NOT EXISTS (SELECT 1 FROM module) AND NOT EXISTS (SELECT 1 FROM audit_log WHERE action LIKE 'MODULE_%')")
			.query(Boolean.class)
			.single();
		if (!firstStart) {
			return;
		}
		for (ModuleRegistry.ModuleStatus module : this.registry.all()) {
			String code = module.descriptor().code();
			if (this.registry.module(code).getClass().getName().startsWith(BUILT_IN)) {
				this.lifecycle.install(code, null);
				this.lifecycle.enable(code, null);
				logger.info("Demo: module {} installed and enabled", code);
			}
		}
	}

}
