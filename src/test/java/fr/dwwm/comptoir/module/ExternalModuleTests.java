package fr.dwwm.comptoir.module;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.Consumer;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.dwwm.comptoir.ComptoirApplication;
import fr.dwwm.comptoir.module.api.DisplayHook;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module shipped as its own jar: the test compiles {@code examples/most-viewed-module}
 * into a jar, starts the shop with that jar on its classpath and nothing else changed,
 * and drives the module's whole lifecycle — discovered, installed (its migration in its
 * own schema), enabled (its block on the home page, its action hook counting views),
 * then, with the jar of its next version, upgraded (the new migration only) and
 * uninstalled (its schema dropped).
 */
class ExternalModuleTests {

	private static final String CODE = "most-viewed";

	private static final String PRODUCT = "confiture-de-figues";

	@TempDir
	Path work;

	@Test
	void aModuleJarOnTheClasspathIsFoundInstalledShownUpgradedAndUninstalledWithoutChangingTheShop() throws Exception {
		Path version1 = ModuleJar.ofExample()
			.source("org/example/mostviewed/BrokenModule.java", BROKEN_MODULE)
			.resource("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports",
					"org.example.mostviewed.MostViewedConfiguration\norg.example.mostviewed.BrokenModule\n")
			.build(this.work, "most-viewed-1.0.0");

		runShopWith(version1, (shop) -> {
			ModuleRegistry registry = shop.getBean(ModuleRegistry.class);
			ModuleLifecycle lifecycle = shop.getBean(ModuleLifecycle.class);
			JdbcClient owner = ownerOf(shop);
			assertThat(registry.find(CODE)).as("discovered from the classpath").isPresent();
			if (registry.find(CODE).orElseThrow().installed()) {
				lifecycle.uninstall(CODE, CODE, null);
			}

			lifecycle.install(CODE, null);
			lifecycle.enable(CODE, null);
			lifecycle.install("broken", null);
			lifecycle.enable("broken", null);
			assertThat(registry.find(CODE).orElseThrow().hooks()).containsExactly(DisplayHook.HOME);
			assertThat(tableExists(owner, "module_most_viewed", "view_count")).isTrue();
			assertThat(migrations(owner)).as("its own Flyway history, in its schema").isEqualTo(1);

			int port = port(shop);
			assertThat(get(port, "/products/" + PRODUCT)).contains("<h1");
			String home = get(port, "/");
			assertThat(home).as("the module's template and messages, from its jar")
				.contains("data-module=\"most-viewed\"")
				.contains("Les plus consultés");
			assertThat(home).as("a module that fails is left out, the page still renders")
				.doesNotContain("data-module=\"broken\"")
				.contains("</footer>");

			lifecycle.disable(CODE, null);
			assertThat(get(port, "/")).as("a disabled module shows nothing, at once")
				.doesNotContain("data-module=\"most-viewed\"");
			lifecycle.uninstall("broken", "broken", null);
		});

		Path version2 = ModuleJar.ofExample()
			.replaceInSource("org/example/mostviewed/MostViewedModule.java", "\"1.0.0\"", "\"1.1.0\"")
			.resource("modules/most-viewed/migration/V2__last_viewed.sql",
					"ALTER TABLE view_count ADD COLUMN last_viewed_at timestamptz;\n")
			.build(this.work, "most-viewed-1.1.0");

		runShopWith(version2, (shop) -> {
			ModuleRegistry registry = shop.getBean(ModuleRegistry.class);
			ModuleLifecycle lifecycle = shop.getBean(ModuleLifecycle.class);
			JdbcClient owner = ownerOf(shop);
			ModuleRegistry.ModuleStatus found = registry.find(CODE).orElseThrow();
			assertThat(found.installedVersion()).isEqualTo("1.0.0");
			assertThat(found.upgradeAvailable()).isTrue();
			long viewsBefore = owner.sql("SELECT coalesce(sum(views), 0) FROM module_most_viewed.view_count")
				.query(Long.class)
				.single();
			assertThat(viewsBefore).as("the product page view counted through the action hook").isPositive();

			lifecycle.upgrade(CODE, null);
			assertThat(registry.find(CODE).orElseThrow().installedVersion()).isEqualTo("1.1.0");
			assertThat(migrations(owner)).isEqualTo(2);
			assertThat(columnExists(owner, "module_most_viewed", "view_count", "last_viewed_at")).isTrue();
			assertThat(owner.sql("SELECT coalesce(sum(views), 0) FROM module_most_viewed.view_count")
				.query(Long.class)
				.single()).as("data kept by the upgrade").isEqualTo(viewsBefore);

			lifecycle.uninstall(CODE, CODE, null);
			assertThat(registry.find(CODE).orElseThrow().installed()).isFalse();
			assertThat(schemaExists(owner, "module_most_viewed")).as("its tables dropped with its schema").isFalse();
		});
	}

	@Test
	void theExampleModuleUsesNothingOfTheShopButTheModuleApi() {
		ModuleJar.ofExample().build(this.work, "most-viewed-api-check");
		JavaClasses classes = new ClassFileImporter().importPath(ModuleJar.classes(this.work, "most-viewed-api-check"));
		noClasses().should()
			.dependOnClassesThat(resideInAPackage("fr.dwwm.comptoir..")
				.and(not(resideInAnyPackage("fr.dwwm.comptoir.module.api.."))))
			.check(classes);
		assertThat(classes.contain("org.example.mostviewed.MostViewedModule")).isTrue();
	}

	private static void runShopWith(Path jar, Consumer<ConfigurableApplicationContext> test) throws IOException {
		ClassLoader testLoader = ExternalModuleTests.class.getClassLoader();
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, testLoader)) {
			thread.setContextClassLoader(loader);
			try (ConfigurableApplicationContext shop = new SpringApplicationBuilder(ComptoirApplication.class)
				.resourceLoader(new DefaultResourceLoader(loader))
				.profiles("test")
				.properties("server.port=0", "spring.main.banner-mode=off")
				.run()) {
				test.accept(shop);
			}
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static JdbcClient ownerOf(ConfigurableApplicationContext shop) {
		return JdbcClient.create(shop.getBean(org.flywaydb.core.Flyway.class).getConfiguration().getDataSource());
	}

	private static int port(ConfigurableApplicationContext shop) {
		return Integer.parseInt(shop.getEnvironment().getProperty("local.server.port"));
	}

	private static String get(int port, String path) {
		HttpResponse<String> response;
		try {
			response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
						HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private static int migrations(JdbcClient owner) {
		return owner.sql("SELECT count(*) FROM module_most_viewed.flyway_schema_history WHERE success AND type = 'SQL'")
			.query(Integer.class)
			.single();
	}

	private static boolean schemaExists(JdbcClient owner, String schema) {
		return owner.sql("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = :schema)")
			.param("schema", schema)
			.query(Boolean.class)
			.single();
	}

	private static boolean tableExists(JdbcClient owner, String schema, String table) {
		return owner.sql("SELECT to_regclass(:name) IS NOT NULL")
			.param("name", schema + "." + table)
			.query(Boolean.class)
			.single();
	}

	private static boolean columnExists(JdbcClient owner, String schema, String table, String column) {
		return owner.sql("""
				SELECT EXISTS (SELECT 1 FROM information_schema.columns
				               WHERE table_schema = :schema AND table_name = :table AND column_name = :column)""")
			.param("schema", schema)
			.param("table", table)
			.param("column", column)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A module whose block always fails, placed beside the example in the home page: the
	 * page must render without it.
	 */
	private static final String BROKEN_MODULE = """
			package org.example.mostviewed;

			import java.util.List;
			import java.util.Optional;

			import fr.dwwm.comptoir.module.api.DisplayHook;
			import fr.dwwm.comptoir.module.api.HookContext;
			import fr.dwwm.comptoir.module.api.ModuleDescriptor;
			import fr.dwwm.comptoir.module.api.ModuleView;
			import fr.dwwm.comptoir.module.api.ShopModule;

			@org.springframework.boot.autoconfigure.AutoConfiguration
			public class BrokenModule implements ShopModule {

				@Override
				public ModuleDescriptor descriptor() {
					return ModuleDescriptor.of("broken", "1.0.0").hooks(List.of(DisplayHook.HOME), List.of());
				}

				@Override
				public Optional<ModuleView> render(HookContext context) {
					throw new IllegalStateException("This module always fails");
				}

			}
			""";

}
