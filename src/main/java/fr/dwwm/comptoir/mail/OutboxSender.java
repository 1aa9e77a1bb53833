package fr.dwwm.comptoir.mail;

import java.time.Duration;
import java.util.List;

import fr.dwwm.comptoir.system.ClusterLock;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the mails of the outbox, every few seconds, then erases their content: a sent
 * mail may hold a password-reset link or an invoice, which the database need not keep.
 * Each batch is claimed with {@code FOR UPDATE SKIP LOCKED}, so that several instances of
 * the shop never send the same mail twice (see {@link #sendDue()}); the daily purge runs
 * on one instance at a time ({@link ClusterLock}). A mail that fails is retried later,
 * with growing delays, up to {@value #MAX_ATTEMPTS} attempts.
 */
@Component
public class OutboxSender {

	static final int MAX_ATTEMPTS = 10;

	private static final int BATCH = 20;

	private static final Logger logger = LoggerFactory.getLogger(OutboxSender.class);

	private final JdbcClient jdbc;

	private final JavaMailSender mailSender;

	private final TransactionTemplate transaction;

	private final ClusterLock clusterLock;

	private final String from;

	OutboxSender(JdbcClient jdbc, JavaMailSender mailSender, TransactionTemplate transaction, ClusterLock clusterLock,
			@org.springframework.beans.factory.annotation.Value("${app.mail.from}") String from) {
		this.jdbc = jdbc;
		this.mailSender = mailSender;
		this.transaction = transaction;
		this.clusterLock = clusterLock;
		this.from = from;
	}

	/**
	 * Sends the mails that are due.
	 *
	 * <p>
	 * Every instance of the shop runs this every few seconds, and that is wanted: no
	 * global lock here, several instances may send different mails at the same time. What
	 * must never happen is two instances sending the <em>same</em> mail. The batch is
	 * read with {@code FOR UPDATE SKIP LOCKED}: the rows read are locked until the
	 * transaction ends, and another instance reading at the same moment skips them
	 * instead of waiting for them, taking the next pending mails. When this transaction
	 * commits, the mails sent are no longer {@code PENDING}, so nobody picks them again.
	 * @return how many were sent
	 */
	@Scheduled(fixedDelayString = "${app.mail.send-interval:5s}", initialDelayString = "${app.mail.send-interval:5s}")
	public int sendDue() {
		Integer sent = this.transaction.execute((status) -> {
			List<Pending> due = this.jdbc.sql("""
					SELECT id, recipient, subject, body_html, body_text, attachment_name, attachment, attempts
					FROM mail_outbox
					WHERE status = 'PENDING' AND next_attempt_at <= now()
					ORDER BY next_attempt_at, id
					LIMIT :batch
					FOR UPDATE SKIP LOCKED""")
				.param("batch", BATCH)
				.query((row, number) -> new Pending(row.getLong("id"), row.getString("recipient"),
						row.getString("subject"), row.getString("body_html"), row.getString("body_text"),
						row.getString("attachment_name"), row.getBytes("attachment"), row.getInt("attempts")))
				.list();
			int count = 0;
			for (Pending mail : due) {
				try {
					this.mailSender.send(toMessage(mail));
					this.jdbc.sql("""
							UPDATE mail_outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1,
							       body_html = '', body_text = '', attachment = NULL, attachment_name = NULL
							WHERE id = :id""").param("id", mail.id()).update();
					count++;
				}
				catch (MailException | MessagingException ex) {
					retryLater(mail, ex);
				}
			}
			return count;
		});
		return (sent != null) ? sent : 0;
	}

	/**
	 * Deletes the trace of mails sent more than 30 days ago and of mails given up more
	 * than 90 days ago (the time to investigate a delivery problem). Called once a day by
	 * {@link #purgeDaily()}.
	 * @return how many were deleted
	 */
	public int purge() {
		return this.jdbc.sql("""
				DELETE FROM mail_outbox
				WHERE (status = 'SENT' AND sent_at < now() - interval '30 days')
				   OR (status = 'FAILED' AND created_at < now() - interval '90 days')""").update();
	}

	/**
	 * Runs {@link #purge()} once a day, on one instance of the shop at a time.
	 */
	@Scheduled(cron = "${app.retention.cron:0 30 3 * * *}")
	public void purgeDaily() {
		this.clusterLock.runAlone("retention:mail-outbox", () -> {
			int deleted = purge();
			if (deleted > 0) {
				logger.info("Retention: {} mails deleted from the outbox", deleted);
			}
		});
	}

	private void retryLater(Pending mail, Exception failure) {
		int attempts = mail.attempts() + 1;
		Duration delay = Duration.ofSeconds(30).multipliedBy(1L << Math.min(attempts, 10));
		logger.warn("Mail {} not sent (attempt {}): {}", mail.id(), attempts, failure.getMessage());
		this.jdbc.sql("""
				UPDATE mail_outbox
				SET attempts = :attempts, last_error = :error,
				    status = CASE WHEN :attempts >= :max THEN 'FAILED' ELSE 'PENDING' END,
				    next_attempt_at = now() + make_interval(secs => :delay)
				WHERE id = :id""")
			.param("attempts", attempts)
			.param("error", String.valueOf(failure.getMessage()))
			.param("max", MAX_ATTEMPTS)
			.param("delay", delay.toSeconds())
			.param("id", mail.id())
			.update();
	}

	private MimeMessage toMessage(Pending mail) throws MessagingException {
		MimeMessage message = this.mailSender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(mail.recipient());
		helper.setSubject(mail.subject());
		helper.setText(mail.text(), mail.html());
		if (mail.attachmentName() != null) {
			helper.addAttachment(mail.attachmentName(), new ByteArrayResource(mail.attachment()));
		}
		return message;
	}

	private record Pending(long id, String recipient, String subject, String html, String text, String attachmentName,
			byte[] attachment, int attempts) {

	}

}
