package fr.dwwm.comptoir.system;

import java.util.ArrayList;
import java.util.List;

import fr.dwwm.comptoir.ComptoirApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production profile refuses to start with missing or default secrets, or with a
 * convenience of the demo left on (OWASP ASVS 13.3.1, ANSSI): each refusal is tried by
 * starting the shop as an operator would, with one setting wrong.
 */
class ProductionSafetyCheckTests {

	/** A production configuration the check accepts (the database is never reached). */
	private static final List<String> COMPLETE = List.of("--spring.profiles.active=production",
			"--spring.datasource.url=jdbc:postgresql://localhost:1/comptoir", "--spring.datasource.password=a-secret",
			"--spring.mail.host=smtp.example.org", "--app.secret-key=q1Fv4W1k2l6lI1p6E0mX0n9u0g6aXhV9l1WQ2s3cZ7o=",
			"--app.public-url=https://boutique.example.org", "--app.payment.provider=acme",
			"--spring.main.banner-mode=off");

	@ParameterizedTest(name = "{0} is refused")
	@CsvSource(delimiter = '|', value = { "--app.payment.provider=demo | APP_PAYMENT_PROVIDER",
			"--app.demo.mailbox.enabled=true | demo mailbox", "--app.security.trust-loopback=true | trust-loopback",
			"--app.public-url=http://boutique.example.org | APP_PUBLIC_URL",
			"--server.forward-headers-strategy=native | APP_SECURITY_TRUSTEDPROXIES",
			"--app.secret-key=" + ProductionSafetyCheck.DEMO_SECRET_KEY + " | APP_SECRET_KEY",
			"--app.demo.enabled=true | demo mode" })
	void theShopRefusesToStartInProductionWith(String setting, String message) {
		String name = setting.substring(0, setting.indexOf('=') + 1);
		List<String> arguments = new ArrayList<>(COMPLETE);
		arguments.removeIf((argument) -> argument.startsWith(name));
		arguments.add(setting);
		assertThatThrownBy(
				() -> new SpringApplicationBuilder(ComptoirApplication.class).run(arguments.toArray(String[]::new)))
			.hasMessageStartingWith("Refusing to start in production")
			.hasMessageContaining(message);
	}

	@Test
	void theDemoKeyAndMissingSettingsAreRefused() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("app.secret-key", ProductionSafetyCheck.DEMO_SECRET_KEY)
			.withProperty("app.demo.enabled", "true");
		assertThat(ProductionSafetyCheck.problems(environment)).hasSize(7);
	}

	@Test
	void aCompleteConfigurationStarts() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("app.secret-key", "q1Fv4W1k2l6lI1p6E0mX0n9u0g6aXhV9l1WQ2s3cZ7o=")
			.withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/comptoir")
			.withProperty("spring.datasource.password", "a-real-secret")
			.withProperty("spring.mail.host", "smtp.example.org")
			.withProperty("app.public-url", "https://boutique.example.org")
			.withProperty("app.payment.provider", "acme")
			.withProperty("app.demo.enabled", "false");
		assertThat(ProductionSafetyCheck.problems(environment)).isEmpty();
	}

}
