package fr.dwwm.comptoir.security;

import java.util.Map;

import fr.dwwm.comptoir.system.ClusterLock;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes who did what, when, from where and with which outcome into the {@code audit_log}
 * table (ANSSI PA-012, OWASP ASVS 16). The application may add entries but never change
 * or delete them (database grants).
 *
 * <p>
 * Never pass a password, a token, a session id or card data: the details are meant to be
 * read by people investigating an incident.
 */
@Service
public class AuditLog {

	/** What an audited action can lead to. */
	public enum Outcome {

		/** It was done. */
		SUCCESS,
		/** It was attempted and failed (wrong password, invalid code...). */
		FAILURE,
		/** It was refused for lack of rights. */
		DENIED

	}

	private static final Logger logger = LoggerFactory.getLogger(AuditLog.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final ClusterLock clusterLock;

	AuditLog(JdbcClient jdbc, ClusterLock clusterLock) {
		this.jdbc = jdbc;
		this.clusterLock = clusterLock;
	}

	/**
	 * The details of a back-office change: the values that differ, before and after
	 * (unchanged ones left out), texts longer than 200 characters cut with « … ».
	 * @param before the values before the change, by name
	 * @param after the values after it
	 * @return {@code {"before": {…}, "after": {…}}}
	 */
	public static Map<String, Object> changes(Map<String, ?> before, Map<String, ?> after) {
		Map<String, Object> old = new java.util.LinkedHashMap<>();
		Map<String, Object> changed = new java.util.LinkedHashMap<>();
		java.util.Set<String> names = new java.util.LinkedHashSet<>(before.keySet());
		names.addAll(after.keySet());
		for (String name : names) {
			if (!java.util.Objects.equals(before.get(name), after.get(name))) {
				old.put(name, cut(before.get(name)));
				changed.put(name, cut(after.get(name)));
			}
		}
		Map<String, Object> details = new java.util.LinkedHashMap<>();
		details.put("before", old);
		details.put("after", changed);
		return details;
	}

	private static Object cut(Object value) {
		return (value instanceof String text && text.length() > 200) ? text.substring(0, 200) + "…" : value;
	}

	/**
	 * Records an event. It is written in its own transaction, so that a failure recorded
	 * just before a rollback (a refused payment, a wrong password) is kept.
	 * @param action what happened, e.g. {@code LOGIN}, {@code PASSWORD_CHANGE}
	 * @param outcome how it ended
	 * @param actorAccountId the account that acted, or {@code null}
	 * @param target what it was done to, e.g. {@code order:42}, or {@code null}
	 * @param details further facts, never secrets
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String action, Outcome outcome, Long actorAccountId, String target, Map<String, ?> details) {
		String ip = currentIp();
		this.jdbc.sql("""
				INSERT INTO audit_log (action, outcome, actor_account_id, ip, target, details)
				VALUES (:action, :outcome, :actor, CAST(:ip AS inet), :target, CAST(:details AS jsonb))""")
			.param("action", action)
			.param("outcome", outcome.name())
			.param("actor", actorAccountId)
			.param("ip", ip)
			.param("target", (target != null && target.length() > 200) ? target.substring(0, 200) : target)
			.param("details", json.writeValueAsString((details != null) ? details : Map.of()))
			.update();
		// The application log gets a one-line summary, with line breaks removed so that a
		// crafted value cannot forge a fake entry.
		logger.info("audit action={} outcome={} actor={} target={}", action, outcome, actorAccountId, oneLine(target));
	}

	/**
	 * Deletes the entries older than a year (CNIL: six months to a year). The application
	 * role may not delete from the log directly: it calls a database function that
	 * refuses to delete anything younger than six months. Called once a day by
	 * {@link #purgeDaily()}.
	 * @return how many entries were deleted
	 */
	public int purge() {
		return this.jdbc.sql("SELECT purge_audit_log(interval '1 year')").query(Integer.class).single();
	}

	/**
	 * Runs {@link #purge()} once a day, on one instance of the shop at a time.
	 */
	@Scheduled(cron = "${app.retention.cron:0 30 3 * * *}")
	public void purgeDaily() {
		this.clusterLock.runAlone("retention:audit-log", () -> {
			int deleted = purge();
			if (deleted > 0) {
				logger.info("Retention: {} audit log entries older than a year deleted", deleted);
			}
		});
	}

	/**
	 * Removes line breaks and other control characters from a value written to a log.
	 * @param value any text, possibly from a visitor
	 * @return the text on one line
	 */
	public static String oneLine(String value) {
		return (value != null) ? value.replaceAll("\\p{Cntrl}", "_") : null;
	}

	private static String currentIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
