package fr.dwwm.comptoir.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Refuses to start the production profile with a secret left at its demo value or
 * missing, or with a convenience of the demo left on (ANSSI, OWASP ASVS 13.3): the
 * application key, the database passwords, the mail server, an https public address, a
 * real payment provider, no demo mailbox, no exemption of this computer from the rate
 * limits, no proxy trusted by default. A misconfigured shop stops at once with a message
 * saying what to set, instead of running insecurely.
 *
 * <p>
 * It runs as soon as the configuration is read (registered in
 * {@code META-INF/spring.factories}), before anything starts: no migration, no
 * connection, no port is opened by a shop that is going to be refused.
 */
public class ProductionSafetyCheck implements EnvironmentPostProcessor, Ordered {

	/** The application key of demo mode, published in the repository. */
	static final String DEMO_SECRET_KEY = "ZGVtby1rZXktY29tcHRvaXItbmUtcGFzLXV0aWxpc2U=";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of("production"))) {
			return;
		}
		List<String> problems = problems(environment);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems));
		}
	}

	/** After Spring Boot has read every configuration file and variable. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	static List<String> problems(Environment environment) {
		List<String> problems = new ArrayList<>();
		String key = environment.getProperty("app.secret-key");
		if (!StringUtils.hasText(key) || DEMO_SECRET_KEY.equals(key)) {
			problems.add("set APP_SECRET_KEY to 32 random bytes in Base64 (openssl rand -base64 32)");
		}
		if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			problems.add("set SPRING_DATASOURCE_URL (the production profile never starts an embedded database)");
		}
		if (!StringUtils.hasText(environment.getProperty("spring.datasource.password"))) {
			problems.add("set SPRING_DATASOURCE_PASSWORD");
		}
		if (!StringUtils.hasText(environment.getProperty("spring.mail.host"))) {
			problems.add("set SPRING_MAIL_HOST (and its credentials) so that mails can be sent");
		}
		if (!environment.getProperty("app.public-url", "").startsWith("https://")) {
			problems.add("set APP_PUBLIC_URL to the shop's https:// address (used in e-mailed links)");
		}
		if (environment.getProperty("app.demo.enabled", Boolean.class, false)) {
			problems.add("demo mode must be off (app.demo.enabled=false)");
		}
		if (environment.getProperty("app.demo.mailbox.enabled", Boolean.class, false)) {
			problems.add("the demo mailbox must be off (app.demo.mailbox.enabled=false): mails must reach people");
		}
		if ("demo".equals(environment.getProperty("app.payment.provider", "demo"))) {
			problems.add("set APP_PAYMENT_PROVIDER to your payment provider's adapter: the demo gateway "
					+ "accepts test cards and charges nothing");
		}
		if (environment.getProperty("app.security.trust-loopback", Boolean.class, false)) {
			problems.add("app.security.trust-loopback must be false: it exempts this computer from every rate limit");
		}
		if ("native".equalsIgnoreCase(environment.getProperty("server.forward-headers-strategy", ""))) {
			problems.add("remove server.forward-headers-strategy=native (Tomcat would believe X-Forwarded-For from "
					+ "any private address) and name your reverse proxy in APP_SECURITY_TRUSTEDPROXIES");
		}
		return problems;
	}

}
