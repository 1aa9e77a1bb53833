package fr.dwwm.comptoir.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where the tests run, so the production files are checked for what
 * can go wrong without one: a secret without a documented variable, an image running as
 * root, secrets tracked by git.
 */
class DeploymentFilesTests {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)");

	@Test
	void composeDefinesTheDatabaseAndTheShop() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
		@SuppressWarnings("unchecked")
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		assertThat(services).containsOnlyKeys("database", "app");
		assertThat(Files.readString(Path.of("docker-compose.yml"))).contains("image: postgres:17")
			.contains("SPRING_DATASOURCE_USERNAME: comptoir_app")
			.contains("SPRING_FLYWAY_USER: comptoir_owner");
	}

	@Test
	void everySecretComposeNeedsIsDocumentedInEnvExample() throws IOException {
		Set<String> needed = new TreeSet<>();
		Matcher matcher = VARIABLE.matcher(Files.readString(Path.of("docker-compose.yml")));
		while (matcher.find()) {
			needed.add(matcher.group(1));
		}
		String example = Files.readString(Path.of(".env.example"));
		assertThat(needed).isNotEmpty().allSatisfy((name) -> assertThat(example).contains(name + "="));
	}

	@Test
	void secretsAndLocalDataAreIgnoredByGit() throws IOException {
		assertThat(Files.readAllLines(Path.of(".gitignore"))).contains(".env", ".data/", "target/");
	}

	@Test
	void theImageRunsAsAnUnprivilegedUserWithoutTheEmbeddedDatabase() throws IOException {
		String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile"));
		assertThat(dockerfile).contains("USER 10001").contains("-Dproduction").doesNotContain("USER root");
	}

}
