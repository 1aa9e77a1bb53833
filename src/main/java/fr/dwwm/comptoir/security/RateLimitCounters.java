package fr.dwwm.comptoir.security;

import java.time.Duration;

import fr.dwwm.comptoir.system.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The counters of the {@link RateLimitFilter}, in PostgreSQL ({@code rate_limit_counter},
 * V25) so that every instance of the shop counts against one limit. One atomic upsert per
 * limited request counts it and says whether it is allowed: requests sent in parallel, to
 * one instance or several, are counted one after the other on the row's lock, so no more
 * than the limit ever get through.
 */
@Service
public class RateLimitCounters {

	/** Longer than any rule's window: counters older than this are finished. */
	static final Duration KEPT = Duration.ofHours(1);

	private static final Logger logger = LoggerFactory.getLogger(RateLimitCounters.class);

	private final JdbcClient jdbc;

	private final ClusterLock clusterLock;

	RateLimitCounters(JdbcClient jdbc, ClusterLock clusterLock) {
		this.jdbc = jdbc;
		this.clusterLock = clusterLock;
	}

	/**
	 * Counts one request in the current window of a counter.
	 * @param key the rule's name, {@code |}, and the client (IP address or token digest)
	 * @param limit the requests allowed per window
	 * @param window the window's length
	 * @return 0 when the request is allowed, else the seconds until the window ends
	 */
	public long consume(String key, int limit, Duration window) {
		Count count = this.jdbc
			.sql("""
					INSERT INTO rate_limit_counter AS c (counter_key, requests, window_started_at)
					VALUES (:key, 1, clock_timestamp())
					ON CONFLICT (counter_key) DO UPDATE SET
					    requests = CASE WHEN c.window_started_at <= clock_timestamp() - make_interval(secs => :seconds)
					                    THEN 1 ELSE c.requests + 1 END,
					    window_started_at = CASE WHEN c.window_started_at <= clock_timestamp() - make_interval(secs => :seconds)
					                             THEN clock_timestamp() ELSE c.window_started_at END
					RETURNING c.requests,
					          ceil(extract(epoch FROM c.window_started_at + make_interval(secs => :seconds) - clock_timestamp()))::bigint
					              AS seconds_left""")
			.param("key", key)
			.param("seconds", window.toSeconds())
			.query((row, number) -> new Count(row.getInt("requests"), row.getLong("seconds_left")))
			.single();
		return (count.requests() <= limit) ? 0 : Math.max(1, count.secondsLeft());
	}

	/**
	 * Deletes the counters whose window ended long ago.
	 * @return how many were deleted
	 */
	public int purge() {
		return this.jdbc
			.sql("DELETE FROM rate_limit_counter WHERE window_started_at < now() - make_interval(secs => :kept)")
			.param("kept", KEPT.toSeconds())
			.update();
	}

	/** Runs {@link #purge()} every ten minutes, on one instance at a time. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
	public void purgeRegularly() {
		this.clusterLock.runAlone("retention:rate-limit-counters", () -> {
			int deleted = purge();
			if (deleted > 0) {
				logger.debug("Retention: {} rate-limit counters deleted", deleted);
			}
		});
	}

	private record Count(int requests, long secondsLeft) {
	}

}
