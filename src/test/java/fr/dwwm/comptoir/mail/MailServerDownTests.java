package fr.dwwm.comptoir.mail;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.system.ClusterLock;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail server is down when a mail is due: the mail stays in the outbox, marked for a
 * later attempt with the error, and leaves once the server answers again. Nothing the
 * customer did (an order, a registration) waited for the mail server: mails are only
 * queued in the transaction that causes them.
 */
@IntegrationTest
class MailServerDownTests {

	private static final String FROM = "Comptoir <boutique@comptoir.test>";

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private ClusterLock clusterLock;

	@Autowired
	private MailOutbox outbox;

	@Autowired
	private OutboxSender sender;

	@Autowired
	private JavaMailSender mailServer;

	@Autowired
	private HealthContributorRegistry health;

	@Test
	void aMailDueWhileTheServerIsDownIsKeptAndSentOnceItIsBack() {
		this.sender.sendDue();
		String recipient = "panne-" + UUID.randomUUID() + "@exemple.test";
		Long id = this.transaction.execute((status) -> this.outbox.enqueue(recipient, "password-changed",
				Map.of("name", "Camille", "resetUrl", "http://localhost/password/forgot"), Locale.FRENCH));

		JavaMailSenderImpl down = new JavaMailSenderImpl();
		down.setHost("localhost");
		down.setPort(9);
		new OutboxSender(this.jdbc, down, this.transaction, this.clusterLock, FROM).sendDue();
		Map<String, Object> kept = row(id);
		assertThat(kept.get("status")).isEqualTo("PENDING");
		assertThat(kept.get("attempts")).isEqualTo(1);
		assertThat((String) kept.get("last_error")).isNotBlank();
		assertThat((Boolean) kept.get("later")).as("next attempt pushed back").isTrue();

		this.jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE id = :id").param("id", id).update();
		new OutboxSender(this.jdbc, this.mailServer, this.transaction, this.clusterLock, FROM).sendDue();
		assertThat(row(id).get("status")).as("sent once the server answers").isEqualTo("SENT");
	}

	@Test
	void theMailServerIsNotPartOfTheShopsHealthSoItsOutageNeverTakesTheShopOffline() {
		assertThat(this.health.getContributor("db")).as("the database is").isNotNull();
		assertThat(this.health.getContributor("mail")).isNull();
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.sql(
				"SELECT status, attempts, last_error, next_attempt_at > now() AS later FROM mail_outbox WHERE id = :id")
			.param("id", id)
			.query()
			.singleRow();
	}

}
