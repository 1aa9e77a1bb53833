package fr.dwwm.comptoir.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import fr.dwwm.comptoir.system.ClusterLock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing (ANSSI PG-078, CNIL 2022-100, OWASP ASVS 6.3.1). Failures
 * are counted per e-mail address and per IP address, in the database so that every
 * instance of the shop shares them, and whether the account exists or not:
 *
 * <ul>
 * <li>from the {@value #FREE_FAILURES}th failure of an address, each attempt waits one
 * minute, then two, four... up to an hour;</li>
 * <li>from the {@value #DAILY_LIMIT}th failure within 24 hours, the address is blocked
 * until the end of those 24 hours;</li>
 * <li>an IP address gets {@value #IP_FREE_FAILURES} free failures (several people may
 * share it) before the same delays apply.</li>
 * </ul>
 * A successful login clears its address's counter. Every screen that asks for the
 * password again (password change, second factor, personal data) goes through the same
 * counters: a stolen session cannot guess the password faster there than at the login.
 */
@Service
public class LoginThrottle {

	static final int FREE_FAILURES = 5;

	static final int DAILY_LIMIT = 25;

	static final int IP_FREE_FAILURES = 20;

	static final int IP_DAILY_LIMIT = 200;

	static final Duration FIRST_DELAY = Duration.ofMinutes(1);

	static final Duration LONGEST_DELAY = Duration.ofHours(1);

	static final Duration WINDOW = Duration.ofHours(24);

	private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);

	private final JdbcClient jdbc;

	private final ClusterLock clusterLock;

	private final boolean trustLoopback;

	private final Counter throttled;

	LoginThrottle(JdbcClient jdbc, ClusterLock clusterLock,
			@org.springframework.beans.factory.annotation.Value("${app.security.trust-loopback:false}") boolean trustLoopback,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clusterLock = clusterLock;
		this.trustLoopback = trustLoopback;
		this.throttled = Counter.builder("comptoir.login.throttled")
			.description("Password attempts refused unchecked, their address or IP being held back")
			.register(meters);
	}

	/**
	 * Counts a password attempt before the password is checked, and tells whether it may
	 * be checked at all. The attempt is counted as a failure at once, in one atomic
	 * statement per subject, and given back by {@link #succeeded} if the password was
	 * right: thirty attempts sent in parallel for one address are counted one after the
	 * other (the row is locked by the first until its transaction ends), so at most
	 * {@value #FREE_FAILURES} of them reach the password check. Checking first and
	 * counting after the check would let them all through.
	 *
	 * <p>
	 * Runs in its own transaction, committed before the password is checked: the count
	 * holds whatever happens next, and no lock is held during the slow hash.
	 * @param email the address typed, normalised
	 * @param ip the client's address, or {@code null}
	 * @return whether the password may be checked; {@code false} while the address or the
	 * IP is blocked
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean attempt(String email, String ip) {
		boolean allowed = true;
		for (String subject : subjects(email, ip)) {
			Row row = this.jdbc.sql("""
					INSERT INTO login_throttle (subject, failures, window_started_at, last_failure_at)
					VALUES (:subject, 1, now(), now())
					ON CONFLICT (subject) DO UPDATE SET
					    failures = CASE WHEN login_throttle.window_started_at < now() - interval '24 hours'
					                    THEN 1 ELSE login_throttle.failures + 1 END,
					    window_started_at = CASE WHEN login_throttle.window_started_at < now() - interval '24 hours'
					                             THEN now() ELSE login_throttle.window_started_at END,
					    last_failure_at = now()
					RETURNING failures, blocked_until > now() AS blocked""")
				.param("subject", subject)
				.query((result, number) -> new Row(result.getInt("failures"), result.getBoolean("blocked")))
				.single();
			allowed &= !row.blocked();
			boolean isIp = subject.startsWith("ip:");
			Duration block = delayAfter(row.failures(), isIp ? IP_FREE_FAILURES : FREE_FAILURES);
			if (!row.blocked() && !block.isZero()) {
				this.jdbc.sql("""
						UPDATE login_throttle
						SET blocked_until = CASE WHEN failures >= :limit THEN window_started_at + interval '24 hours'
						                         ELSE now() + make_interval(secs => :seconds) END
						WHERE subject = :subject""")
					.param("limit", isIp ? IP_DAILY_LIMIT : DAILY_LIMIT)
					.param("seconds", block.toSeconds())
					.param("subject", subject)
					.update();
			}
		}
		if (!allowed) {
			this.throttled.increment();
		}
		return allowed;
	}

	/**
	 * Gives back an attempt whose password was right: the address's counter is cleared,
	 * and the one failure counted in advance against the IP is taken back.
	 * @param email the address, normalised
	 * @param ip the client's address, or {@code null}
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String email, String ip) {
		this.jdbc.sql("DELETE FROM login_throttle WHERE subject = :subject")
			.param("subject", "email:" + email)
			.update();
		for (String subject : subjects("", ip)) {
			this.jdbc.sql("DELETE FROM login_throttle WHERE subject = :subject AND failures <= 1")
				.param("subject", subject)
				.update();
			this.jdbc.sql("""
					UPDATE login_throttle
					SET failures = failures - 1,
					    blocked_until = CASE WHEN failures - 1 < :free THEN NULL ELSE blocked_until END
					WHERE subject = :subject""").param("free", IP_FREE_FAILURES).param("subject", subject).update();
		}
	}

	/**
	 * Forgets counters that stopped growing more than a day ago. Called once a day by
	 * {@link #purgeDaily()}.
	 * @return how many were deleted
	 */
	@Transactional
	public int purge() {
		return this.jdbc.sql("DELETE FROM login_throttle WHERE last_failure_at < now() - interval '24 hours'").update();
	}

	/**
	 * Runs {@link #purge()} once a day, on one instance of the shop at a time.
	 */
	@Scheduled(cron = "${app.retention.cron:0 30 3 * * *}")
	public void purgeDaily() {
		this.clusterLock.runAlone("retention:login-throttle", () -> {
			int deleted = purge();
			if (deleted > 0) {
				logger.info("Retention: {} login throttle counters deleted", deleted);
			}
		});
	}

	/**
	 * The wait imposed after a number of failures: none before {@code free}, then one
	 * minute doubling at each failure, capped at an hour.
	 * @param failures failures within the window
	 * @param free failures allowed without delay
	 * @return the delay, zero when none
	 */
	static Duration delayAfter(int failures, int free) {
		if (failures < free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - free, 10);
		Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
		return (delay.compareTo(LONGEST_DELAY) > 0) ? LONGEST_DELAY : delay;
	}

	private record Row(int failures, boolean blocked) {
	}

	private List<String> subjects(String email, String ip) {
		List<String> subjects = new ArrayList<>();
		// No address typed: nothing to guess at for an account, the visitor's IP still
		// counts.
		if (!email.isEmpty()) {
			subjects.add("email:" + ((email.length() > 300) ? email.substring(0, 300) : email));
		}
		if (ip != null && !(this.trustLoopback && RateLimitFilter.isLoopback(ip))) {
			subjects.add("ip:" + ip);
		}
		return subjects;
	}

}
