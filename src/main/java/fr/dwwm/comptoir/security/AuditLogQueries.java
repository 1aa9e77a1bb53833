package fr.dwwm.comptoir.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.dwwm.comptoir.system.LikePatterns;
import fr.dwwm.comptoir.system.Paged;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log for the back-office's viewer, newest first, with filters on the
 * action, the outcome, the actor and the day. Read-only, like everything that touches the
 * log besides {@link AuditLog#record}; every filter value is a bound parameter.
 */
@Service
public class AuditLogQueries {

	/** Entries per page. */
	public static final int PAGE_SIZE = 50;

	/** Days are those of the shop, in France. */
	private static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Paris");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	AuditLogQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Finds the entries that match a filter, newest first.
	 * @param filter what to keep
	 * @param page page number, from 0
	 * @return one page of entries
	 */
	@Transactional(readOnly = true)
	public Paged<Entry> find(Filter filter, int page) {
		int pageIndex = Math.max(page, 0);
		// The conditions are fixed texts chosen by which filters are set; their values
		// are always bound parameters, with LIKE's wildcards escaped by a backslash (its
		// default escape character).
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (filter.action() != null) {
			if (filter.actionPrefix()) {
				conditions.add("l.action LIKE :action");
				params.put("action",
						LikePatterns.escape(filter.action().substring(0, filter.action().length() - 1)) + "%");
			}
			else {
				conditions.add("l.action = :action");
				params.put("action", filter.action());
			}
		}
		if (filter.outcome() != null) {
			conditions.add("l.outcome = :outcome");
			params.put("outcome", filter.outcome().name());
		}
		if (filter.actor() != null) {
			conditions.add("a.email ILIKE :actor");
			params.put("actor", "%" + LikePatterns.escape(filter.actor()) + "%");
		}
		if (filter.from() != null) {
			conditions.add("l.occurred_at >= :from");
			params.put("from", Timestamp.from(filter.from().atStartOfDay(SHOP_ZONE).toInstant()));
		}
		if (filter.to() != null) {
			conditions.add("l.occurred_at < :to");
			params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(SHOP_ZONE).toInstant()));
		}
		String from = " FROM audit_log l LEFT JOIN account a ON a.id = l.actor_account_id"
				+ (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
		long total = this.jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
		List<Entry> entries = this.jdbc
			.sql("""
					SELECT l.id, l.occurred_at, l.action, l.outcome, l.actor_account_id, a.email AS actor_email,
					       host(l.ip) AS ip, l.target, l.details::text AS details""" + from
					+ " ORDER BY l.occurred_at DESC, l.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", PAGE_SIZE)
			.param("offset", (long) pageIndex * PAGE_SIZE)
			.query((row, number) -> new Entry(row.getLong("id"),
					row.getTimestamp("occurred_at").toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
					row.getString("action"), AuditLog.Outcome.valueOf(row.getString("outcome")),
					row.getObject("actor_account_id", Long.class), row.getString("actor_email"), row.getString("ip"),
					row.getString("target"), compact(row.getString("details"))))
			.list();
		return new Paged<>(entries, total, pageIndex, PAGE_SIZE);
	}

	/**
	 * Writes the details of an entry as compact JSON on one line.
	 * @param details the details as PostgreSQL prints them
	 * @return compact JSON, or an empty text when there are none
	 */
	static String compact(String details) {
		if (details == null || details.isBlank()) {
			return "";
		}
		String compact = json.writeValueAsString(json.readTree(details));
		return "{}".equals(compact) ? "" : compact;
	}

	/**
	 * What the viewer keeps. Build it with {@link #of}, which normalises what was typed.
	 *
	 * @param action an action ({@code LOGIN}), or the start of actions followed by
	 * {@code *} ({@code CUSTOMER_*}), or {@code null} for all
	 * @param outcome only this outcome, or {@code null}
	 * @param actor part of the e-mail address of the account that acted, or {@code null}
	 * @param from from this day (shop time), or {@code null}
	 * @param to up to this day included, or {@code null}
	 */
	public record Filter(String action, AuditLog.Outcome outcome, String actor, LocalDate from, LocalDate to) {

		/** What an action filter may look like: the log's action format, maybe a star. */
		private static final String ACTION_FORMAT = "[A-Z][A-Z_]{0,49}\\*?";

		/**
		 * Builds a filter from what was typed: blank values are no filter, the action is
		 * put in upper case, an e-mail address in lower case.
		 * @param action an action or the start of one followed by {@code *}
		 * @param outcome an outcome, or {@code null}
		 * @param actor part of an e-mail address
		 * @param from first day, or {@code null}
		 * @param to last day, or {@code null}
		 * @return the filter; an action that cannot be one is dropped (see
		 * {@link #validAction})
		 */
		public static Filter of(String action, AuditLog.Outcome outcome, String actor, LocalDate from, LocalDate to) {
			String wantedAction = normaliseAction(action);
			String wantedActor = (actor == null || actor.isBlank()) ? null : actor.strip().toLowerCase(Locale.ROOT);
			if (wantedActor != null && wantedActor.length() > 254) {
				wantedActor = wantedActor.substring(0, 254);
			}
			return new Filter(validAction(action) ? wantedAction : null, outcome, wantedActor, from, to);
		}

		/**
		 * Tells whether a typed action filter is usable: blank, or an action in capitals
		 * and underscores, maybe followed by {@code *}.
		 * @param action what was typed
		 * @return whether it can be used
		 */
		public static boolean validAction(String action) {
			String normalised = normaliseAction(action);
			return normalised == null || normalised.matches(ACTION_FORMAT);
		}

		/**
		 * Tells whether the action filter keeps every action that starts with a text.
		 * @return whether the action ends with {@code *}
		 */
		public boolean actionPrefix() {
			return this.action != null && this.action.endsWith("*");
		}

		/**
		 * Tells whether any filter is set.
		 * @return whether some entries may be left out
		 */
		public boolean filtered() {
			return this.action != null || this.outcome != null || this.actor != null || this.from != null
					|| this.to != null;
		}

		private static String normaliseAction(String action) {
			return (action == null || action.isBlank()) ? null : action.strip().toUpperCase(Locale.ROOT);
		}

	}

	/**
	 * An entry of the log.
	 *
	 * @param id its number
	 * @param occurredAt when
	 * @param action what happened
	 * @param outcome how it ended
	 * @param actorAccountId the account that acted, or {@code null}
	 * @param actorEmail that account's e-mail address, {@code null} if none or anonymised
	 * @param ip where the request came from, or {@code null}
	 * @param target what it was done to, or {@code null}
	 * @param details further facts as compact JSON, empty when none
	 */
	public record Entry(long id, Instant occurredAt, String action, AuditLog.Outcome outcome, Long actorAccountId,
			String actorEmail, String ip, String target, String details) {
	}

}
