package fr.dwwm.comptoir.security;

import java.util.UUID;

import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the security features keep, and for how long (C22): each scheduled purge deletes
 * what outlived its retention and keeps the rest. On the real PostgreSQL, with rows dated
 * in the past, as a clock moved forward would find them (the purges compare with the
 * database's {@code now()}).
 */
@IntegrationTest
class SecurityRetentionTests {

	@Autowired
	private AuditLog audit;

	@Autowired
	private LoginThrottle throttle;

	@Autowired
	private RateLimitCounters counters;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theAuditLogKeepsAYearAndTheDailyPurgeDeletesOlderEntries() {
		long older = auditEntry("1 year 1 day");
		long younger = auditEntry("1 year - 1 day");

		this.audit.purgeDaily();

		assertThat(count("audit_log", "id", older)).as("an entry of a year and a day ago").isZero();
		assertThat(count("audit_log", "id", younger)).as("an entry of a year less a day ago").isOne();
	}

	@Test
	void aLoginThrottleCounterIdleForADayIsForgottenAndABusierOneKept() {
		String idle = "ip:" + UUID.randomUUID();
		String recent = "ip:" + UUID.randomUUID();
		throttleCounter(idle, "25 hours");
		throttleCounter(recent, "23 hours");

		this.throttle.purgeDaily();

		assertThat(count("login_throttle", "subject", idle)).as("last failure 25 hours ago").isZero();
		assertThat(count("login_throttle", "subject", recent)).as("last failure 23 hours ago").isOne();
	}

	@Test
	void aRateLimitCounterIsDeletedAnHourAfterItsWindowStarted() {
		String finished = "login|" + UUID.randomUUID();
		String current = "login|" + UUID.randomUUID();
		rateLimitCounter(finished, "61 minutes");
		rateLimitCounter(current, "59 minutes");

		this.counters.purgeRegularly();

		assertThat(count("rate_limit_counter", "counter_key", finished)).as("window started 61 minutes ago").isZero();
		assertThat(count("rate_limit_counter", "counter_key", current)).as("window started 59 minutes ago").isOne();
	}

	private long auditEntry(String age) {
		return this.jdbc
			.sql("INSERT INTO audit_log (occurred_at, action, outcome, target) VALUES (now() - ?::interval,"
					+ " 'RETENTION_TEST', 'SUCCESS', ?) RETURNING id")
			.params(age, age)
			.query(Long.class)
			.single();
	}

	private void throttleCounter(String subject, String idleFor) {
		this.jdbc
			.sql("INSERT INTO login_throttle (subject, failures, window_started_at, last_failure_at)"
					+ " VALUES (?, 3, now() - ?::interval, now() - ?::interval)")
			.params(subject, idleFor, idleFor)
			.update();
	}

	private void rateLimitCounter(String key, String age) {
		this.jdbc
			.sql("INSERT INTO rate_limit_counter (counter_key, requests, window_started_at)"
					+ " VALUES (?, 2, now() - ?::interval)")
			.params(key, age)
			.update();
	}

	private long count(String table, String column, Object value) {
		return this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = ?")
			.param(value)
			.query(Long.class)
			.single();
	}

}
