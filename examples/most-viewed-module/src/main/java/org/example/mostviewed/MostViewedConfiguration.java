package org.example.mostviewed;

import fr.dwwm.comptoir.module.api.ShopCatalog;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What Spring Boot reads when the jar is on the classpath (listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}):
 * the module's beans. The shop finds the module among the {@code ShopModule} beans.
 */
@AutoConfiguration
public class MostViewedConfiguration {

	@Bean
	ViewCounts mostViewedCounts(JdbcClient jdbc) {
		return new ViewCounts(jdbc);
	}

	@Bean
	MostViewedModule mostViewedModule(ViewCounts counts, ShopCatalog catalog) {
		return new MostViewedModule(counts, catalog);
	}

}
