package fr.dwwm.comptoir.module.builtin.newsletter;

import java.util.UUID;

import fr.dwwm.comptoir.module.ModuleLifecycle;
import fr.dwwm.comptoir.module.ModuleRegistry;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-up never confirmed is no consent (C22): once its link has expired (7 days), the
 * daily purge deletes the address; a request still within its link's week and a confirmed
 * subscriber stay. On the real PostgreSQL, with sign-ups dated in the past.
 */
@IntegrationTest
class NewsletterRetentionTests {

	@Autowired
	private Subscriptions subscriptions;

	@Autowired
	private ModuleLifecycle lifecycle;

	@Autowired
	private ModuleRegistry registry;

	@Autowired
	private JdbcClient jdbc;

	private long admin;

	private boolean enabledHere;

	@BeforeEach
	void enableTheModule() {
		this.admin = this.jdbc.sql("SELECT id FROM account WHERE email = 'admin@comptoir.test'")
			.query(Long.class)
			.single();
		ModuleRegistry.ModuleStatus status = this.registry.find(NewsletterModule.CODE).orElseThrow();
		if (!status.installed()) {
			this.lifecycle.install(NewsletterModule.CODE, this.admin);
		}
		if (!status.enabled()) {
			this.lifecycle.enable(NewsletterModule.CODE, this.admin);
			this.enabledHere = true;
		}
	}

	@AfterEach
	void restoreTheModule() {
		if (this.enabledHere) {
			this.lifecycle.disable(NewsletterModule.CODE, this.admin);
		}
	}

	@Test
	void theDailyPurgeDeletesSignUpsNeverConfirmedOnceTheirLinkExpiredAndKeepsTheOthers() {
		String expired = subscriber("PENDING", "7 days 1 minute");
		String pending = subscriber("PENDING", "6 days 23 hours");
		String confirmed = subscriber("CONFIRMED", "400 days");

		this.subscriptions.purgeUnconfirmed();

		assertThat(exists(expired)).as("never confirmed, asked 7 days and a minute ago").isFalse();
		assertThat(exists(pending)).as("never confirmed, its link still valid").isTrue();
		assertThat(exists(confirmed)).as("confirmed, however old").isTrue();
	}

	private String subscriber(String status, String age) {
		String email = "retention-" + UUID.randomUUID() + "@exemple.test";
		this.jdbc.sql("""
				INSERT INTO module_newsletter.subscriber (email, status, token_hash, created_at, confirmed_at,
				                                          consent_text, locale)
				VALUES (:email, :status, sha256(convert_to(:email, 'UTF8')), now() - :age::interval,
				        CASE WHEN :status = 'CONFIRMED' THEN now() - :age::interval END, 'Oui', 'fr')""")
			.param("email", email)
			.param("status", status)
			.param("age", age)
			.update();
		return email;
	}

	private boolean exists(String email) {
		return this.jdbc.sql("SELECT count(*) FROM module_newsletter.subscriber WHERE email = :email")
			.param("email", email)
			.query(Long.class)
			.single() == 1;
	}

}
