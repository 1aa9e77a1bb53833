package fr.dwwm.comptoir.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
 * root, secrets tracked by git, a proxy that forgets a replica or a header.
 */
class DeploymentFilesTests {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)");

	@Test
	void composeDefinesTheDatabaseAndTheShop() throws IOException {
		// What "docker compose up" starts: the services outside any profile.
		Map<String, Map<String, Object>> services = services();
		services.values().removeIf((service) -> service.containsKey("profiles"));
		assertThat(services).containsOnlyKeys("database", "app");
		assertThat(services.get("app")).containsKey("ports");
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
	@SuppressWarnings("unchecked")
	void theScaleProfileRunsTwoReplicasBehindNginx() throws IOException {
		Map<String, Map<String, Object>> services = services();
		assertThat(services).containsKeys("app-1", "app-2", "nginx");
		for (String name : List.of("app-1", "app-2")) {
			Map<String, Object> replica = services.get(name);
			assertThat((List<String>) replica.get("profiles")).as(name).containsExactly("scale");
			assertThat(replica).as("%s is reached through nginx only", name).doesNotContainKey("ports");
			Map<String, Object> environment = (Map<String, Object>) replica.get("environment");
			assertThat(environment).as(name)
				.containsEntry("SPRING_DATASOURCE_URL",
						((Map<String, Object>) services.get("app").get("environment")).get("SPRING_DATASOURCE_URL"))
				.containsEntry("SPRING_DATASOURCE_USERNAME", "comptoir_app")
				.containsEntry("SPRING_PROFILES_ACTIVE", "production")
				.containsEntry("APP_PUBLIC_URL", "https://localhost")
				.doesNotContainKey("SERVER_FORWARD_HEADERS_STRATEGY");
		}
		Map<String, Object> nginx = services.get("nginx");
		Map<String, Map<String, Object>> networks = (Map<String, Map<String, Object>>) nginx.get("networks");
		Object nginxAddress = networks.get("default").get("ipv4_address");
		for (String name : List.of("app-1", "app-2")) {
			assertThat(((Map<String, Object>) services.get(name).get("environment")).get("APP_SECURITY_TRUSTEDPROXIES"))
				.as("%s believes X-Forwarded-For from nginx's address only", name)
				.isEqualTo(nginxAddress);
		}
		assertThat((List<String>) nginx.get("profiles")).containsExactly("scale");
		assertThat((String) nginx.get("image")).startsWith("nginx:");
		assertThat((List<String>) nginx.get("ports")).contains("443:443");
		assertThat((List<String>) nginx.get("volumes"))
			.anySatisfy((volume) -> assertThat(volume).startsWith("./deploy/nginx/comptoir.conf:/etc/nginx/conf.d/"));

		// The directives only: a commented-out line does not count.
		String proxy = Files.readString(Path.of("deploy/nginx/comptoir.conf")).replaceAll("#[^\n]*", "");
		assertThat(proxy).as("both replicas, no stickiness")
			.contains("least_conn;", "server app-1:8080", "server app-2:8080", "proxy_pass http://comptoir;")
			.doesNotContain("ip_hash", "sticky");
		assertThat(proxy).as("the headers Tomcat's RemoteIpValve reads")
			.contains("proxy_set_header Host ", "proxy_set_header X-Forwarded-For ",
					"proxy_set_header X-Forwarded-Proto ", "proxy_set_header X-Forwarded-Host ",
					"proxy_set_header X-Forwarded-Port ");
		assertThat(proxy).as("TLS only, HTTP redirected, uploads of 21 MB let through")
			.contains("ssl_protocols TLSv1.2 TLSv1.3;", "return 301 https://", "client_max_body_size 21m;");
	}

	@Test
	void theSelfSignedCertificateIsMadeLocallyAndNeverCommitted() throws IOException {
		Path script = Path.of("deploy/nginx/make-self-signed-cert.sh");
		assertThat(Files.readString(script)).contains("openssl req -x509").contains("DNS:localhost");
		assertThat(Files.isExecutable(script)).as("the documented command runs the script directly").isTrue();
		assertThat(Files.readAllLines(Path.of(".gitignore"))).contains("deploy/nginx/certs/");
	}

	@Test
	void theImageRunsAsAnUnprivilegedUserWithoutTheEmbeddedDatabase() throws IOException {
		String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile"));
		assertThat(dockerfile).contains("USER 10001").contains("-Dproduction").doesNotContain("USER root");
	}

	/**
	 * The services of docker-compose.yml, with the YAML anchors ({@code <<: *app})
	 * resolved as Compose resolves them.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
		return new LinkedHashMap<>((Map<String, Map<String, Object>>) compose.get("services"));
	}

}
