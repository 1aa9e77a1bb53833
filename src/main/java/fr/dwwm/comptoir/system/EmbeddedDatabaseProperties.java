package fr.dwwm.comptoir.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL used when no external database is configured.
 *
 * @param dataDir where the cluster keeps its files; relative paths start from the working
 * directory. The default, {@code .data/postgres}, is ignored by git and survives
 * {@code mvn clean}.
 * @param port TCP port on localhost; {@code 0} picks a free one
 * @param clean whether to start from an empty cluster (tests) instead of the kept data
 */
@ConfigurationProperties("app.embedded-db")
public record EmbeddedDatabaseProperties(@DefaultValue(".data/postgres") Path dataDir, @DefaultValue("54320") int port,
		@DefaultValue("false") boolean clean) {

}
