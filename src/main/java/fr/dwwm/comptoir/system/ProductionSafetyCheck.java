package fr.dwwm.comptoir.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Refuses to start the production profile with a secret left at its demo value or missing
 * (ANSSI, OWASP ASVS 13.3): the application key, the database passwords, the mail server,
 * the public address. A misconfigured shop stops at once with a message saying what to
 * set, instead of running insecurely.
 */
@Component
@Profile("production")
class ProductionSafetyCheck implements InitializingBean {

	/** The application key of demo mode, published in the repository. */
	static final String DEMO_SECRET_KEY = "ZGVtby1rZXktY29tcHRvaXItbmUtcGFzLXV0aWxpc2U=";

	private final Environment environment;

	ProductionSafetyCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> problems = problems(this.environment);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems));
		}
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
		String publicUrl = environment.getProperty("app.public-url", "");
		if (!publicUrl.startsWith("https://") && !publicUrl.startsWith("http://localhost")) {
			problems.add("set APP_PUBLIC_URL to the shop's https:// address (used in e-mailed links)");
		}
		if (environment.getProperty("app.demo.enabled", Boolean.class, false)) {
			problems.add("demo mode must be off (app.demo.enabled=false)");
		}
		return problems;
	}

}
