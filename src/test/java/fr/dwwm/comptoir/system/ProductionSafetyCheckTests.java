package fr.dwwm.comptoir.system;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production profile refuses to start with missing or default secrets (OWASP ASVS
 * 13.3.1, ANSSI).
 */
class ProductionSafetyCheckTests {

	@Test
	void theDemoKeyAndMissingSettingsAreRefused() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("app.secret-key", ProductionSafetyCheck.DEMO_SECRET_KEY)
			.withProperty("app.demo.enabled", "true");
		assertThat(ProductionSafetyCheck.problems(environment)).hasSize(6);
		assertThatThrownBy(() -> new ProductionSafetyCheck(environment).afterPropertiesSet())
			.hasMessageContaining("APP_SECRET_KEY");
	}

	@Test
	void aCompleteConfigurationStarts() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("app.secret-key", "q1Fv4W1k2l6lI1p6E0mX0n9u0g6aXhV9l1WQ2s3cZ7o=")
			.withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/comptoir")
			.withProperty("spring.datasource.password", "a-real-secret")
			.withProperty("spring.mail.host", "smtp.example.org")
			.withProperty("app.public-url", "https://boutique.example.org")
			.withProperty("app.demo.enabled", "false");
		assertThat(ProductionSafetyCheck.problems(environment)).isEmpty();
	}

}
