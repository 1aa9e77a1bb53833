package fr.dwwm.comptoir.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The backlog of the mail outbox for the operations team: the mails waiting to be sent,
 * and those given up after every attempt. Read from {@code mail_outbox} when Prometheus
 * scrapes the management port, not on any customer's request; the same figure for every
 * instance, since the outbox is shared.
 */
@Component
class OutboxMetrics {

	private final JdbcClient jdbc;

	OutboxMetrics(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		Gauge.builder("comptoir.mail.outbox", this, (outbox) -> outbox.count("PENDING"))
			.description("Mails in the outbox, by status")
			.tag("status", "pending")
			.register(meters);
		Gauge.builder("comptoir.mail.outbox", this, (outbox) -> outbox.count("FAILED"))
			.description("Mails in the outbox, by status")
			.tag("status", "failed")
			.register(meters);
	}

	private double count(String status) {
		return this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE status = :status")
			.param("status", status)
			.query(Long.class)
			.single();
	}

}
