package fr.dwwm.comptoir.web;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public port answers only the health check, at {@code /health}: every actuator
 * endpoint would reveal configuration, environment, internals or business figures (OWASP
 * ASVS 13.4.5). They answer 404 there, like a page that does not exist, so they do not
 * even reveal that they exist. The metrics, in Prometheus's format, are served on the
 * management port, which the reverse proxy never publishes; nothing else is, there
 * either.
 */
@IntegrationTest
class ActuatorTests {

	private static final String[] CLOSED = { "/actuator", "/actuator/health", "/actuator/prometheus",
			"/actuator/metrics", "/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
			"/actuator/loggers", "/actuator/mappings", "/prometheus", "/metrics" };

	@Autowired
	private MockMvc mvc;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void healthIsPublicAndUpWithoutDetails() throws Exception {
		this.mvc.perform(get("/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void noActuatorEndpointNorTheMetricsExistOnThePublicPort() throws Exception {
		for (String endpoint : CLOSED) {
			this.mvc.perform(get(endpoint)).andExpect(status().isNotFound());
		}
		Http visitor = new Http(this.port);
		for (String endpoint : CLOSED) {
			assertThat(visitor.get(endpoint).statusCode()).as(endpoint + " through Tomcat").isEqualTo(404);
		}
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void otherEndpointsDoNotExistEvenForAnAdministrator() throws Exception {
		for (String endpoint : CLOSED) {
			this.mvc.perform(get(endpoint)).andExpect(status().isNotFound());
		}
	}

	@Test
	void everyMetricTheDashboardReadsIsExportedAndPrometheusScrapesTheManagementPortOnly() throws Exception {
		String scraped = new Http(this.managementPort).get("/actuator/prometheus").body();
		String dashboard = Files.readString(Path.of("deploy/grafana/dashboards/comptoir.json"));
		Matcher names = Pattern.compile("\\b((?:comptoir|http_server|hikaricp|jvm)_[a-z_]+)").matcher(dashboard);
		Set<String> read = new TreeSet<>();
		while (names.find()) {
			read.add(names.group(1));
		}
		assertThat(read).contains("comptoir_orders_total", "comptoir_payment_seconds_bucket",
				"comptoir_page_cache_total", "comptoir_mail_outbox", "comptoir_login_throttled_total");
		for (String name : read) {
			assertThat(scraped).as("exported: " + name).containsPattern("(?m)^" + name + "[{ ]");
		}
		String prometheus = Files.readString(Path.of("deploy/prometheus/prometheus.yml"));
		assertThat(prometheus).contains("metrics_path: /actuator/prometheus").contains("app-1:8081", "app-2:8081");
		assertThat(Files.readString(Path.of("deploy/nginx/comptoir.conf"))).as("nginx never proxies it")
			.doesNotContain(":8081")
			.doesNotContain("actuator");
	}

	@Test
	void theManagementPortServesTheMetricsInPrometheusFormatAndNothingElse() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		Http management = new Http(this.managementPort);
		new Http(this.port).get("/");
		HttpResponse<String> metrics = management.get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(metrics.body()).contains("comptoir_page_cache_total{application=\"comptoir\",result=\"miss\"}")
			.contains("jvm_memory_used_bytes")
			.contains("hikaricp_connections_active")
			.contains("http_server_requests_seconds_count")
			.contains("comptoir_orders_total{application=\"comptoir\",outcome=\"placed\",reason=\"none\"}")
			.contains("comptoir_payment_seconds_count{answer=\"succeeded\",application=\"comptoir\"}")
			.contains("comptoir_payment_seconds_count{answer=\"no-answer\",application=\"comptoir\"}")
			.contains("comptoir_login_throttled_total{application=\"comptoir\"}")
			.contains("comptoir_mail_outbox{application=\"comptoir\",status=\"pending\"}");
		assertThat(management.get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds_bucket");
		for (String endpoint : new String[] { "/actuator/env", "/actuator/beans", "/actuator/heapdump",
				"/actuator/loggers", "/actuator/configprops", "/actuator/metrics" }) {
			assertThat(management.get(endpoint).statusCode()).as(endpoint + " on the management port").isEqualTo(404);
		}
	}

}
