package fr.dwwm.comptoir.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API's contract: the OpenAPI document the code generates is the one committed
 * as {@code docs/api/openapi.json} (a changed endpoint changes the contract in the same
 * commit: {@code -Dapi.update=true} rewrites it), and every endpoint of {@code /api/v1}
 * is in it.
 */
@IntegrationTest
class ApiContractTests {

	private static final Path CONTRACT = Path.of("docs", "api", "openapi.json");

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Test
	void theCommittedContractIsTheOneTheCodeGenerates() throws IOException {
		String generated = json.writerWithDefaultPrettyPrinter()
			.writeValueAsString(withoutServers(json.readTree(new Http(this.port).get("/api/openapi.json").body())))
				+ "\n";
		if (Boolean.getBoolean("api.update")) {
			Files.writeString(CONTRACT, generated, StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(CONTRACT, StandardCharsets.UTF_8))
			.as("docs/api/openapi.json is stale: run ./mvnw test -Dtest=ApiContractTests -Dapi.update=true")
			.isEqualTo(generated);
		assertThat(generated).contains("\"openapi\" : \"3.1");
	}

	@Test
	void everyEndpointOfVersionOneIsInTheContract() throws IOException {
		JsonNode paths = json.readTree(Files.readString(CONTRACT, StandardCharsets.UTF_8)).get("paths");
		Set<String> documented = new TreeSet<>();
		paths.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((method) -> documented.add(method.getKey().toUpperCase() + " " + path.getKey())));
		Set<String> mapped = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/v1")) {
					info.getMethodsCondition()
						.getMethods()
						.forEach((verb) -> mapped
							.add(verb.name() + " " + pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}")));
				}
			}
		});
		assertThat(mapped).isNotEmpty();
		assertThat(documented).containsAll(mapped);
	}

	/**
	 * The server's address changes with the port of each run: not part of the contract.
	 */
	private static JsonNode withoutServers(JsonNode document) {
		((tools.jackson.databind.node.ObjectNode) document).remove("servers");
		return document;
	}

}
