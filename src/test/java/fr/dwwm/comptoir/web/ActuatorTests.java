package fr.dwwm.comptoir.web;

import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Only the health check of Spring Boot's actuator is reachable: the others would reveal
 * configuration, environment and internals (OWASP ASVS 13.4.5). They answer 404, like a
 * page that does not exist, so they do not even reveal that they exist.
 */
@IntegrationTest
class ActuatorTests {

	private static final String[] CLOSED = { "/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
			"/actuator/heapdump", "/actuator/loggers", "/actuator/mappings" };

	@Autowired
	private MockMvc mvc;

	@Test
	void healthIsPublicAndUpWithoutDetails() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void otherEndpointsDoNotExistForVisitors() throws Exception {
		for (String endpoint : CLOSED) {
			this.mvc.perform(get(endpoint)).andExpect(status().isNotFound());
		}
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void otherEndpointsDoNotExistEvenForAnAdministrator() throws Exception {
		for (String endpoint : CLOSED) {
			this.mvc.perform(get(endpoint)).andExpect(status().isNotFound());
		}
	}

}
