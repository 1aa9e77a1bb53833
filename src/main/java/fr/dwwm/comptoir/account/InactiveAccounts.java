package fr.dwwm.comptoir.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.dwwm.comptoir.mail.MailOutbox;
import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.LoginEvent;
import fr.dwwm.comptoir.system.ClusterLock;
import fr.dwwm.comptoir.system.PublicUrl;
import fr.dwwm.comptoir.web.Dates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customers' accounts unused for three years are erased (CNIL: customer data is kept for
 * the business relationship and three years after its last contact), after a warning by
 * mail 30 days before (CNIL recommends telling the person). An account's last contact is
 * the latest of its creation, its last login (kept here at each login, by password or by
 * passkey), the last use of one of its API tokens and the latest date another feature
 * knows of ({@link PersonalDataContributor#lastActivity}: its last order, signed in or
 * placed as a guest with its proved address). A login after the warning keeps the
 * account. Erased as a deletion on the customer's request is
 * ({@link PersonalData#erase}), and written in the audit log. Staff accounts are left to
 * the administrators.
 */
@Service
public class InactiveAccounts {

	/** How long an account may go unused. */
	static final int YEARS = 3;

	/** How long before the erasure the person is warned. */
	static final int WARNING_DAYS = 30;

	/**
	 * Accounts warned, and accounts erased, per run at most, so that one run stays short.
	 */
	private static final int BATCH = 500;

	/** The last contact of an account {@code a}, in SQL. */
	private static final String LAST_CONTACT = """
			greatest(a.created_at, a.last_login_at,
			         (SELECT max(t.last_used_at) FROM api_token t WHERE t.account_id = a.id))""";

	private static final Logger logger = LoggerFactory.getLogger(InactiveAccounts.class);

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final List<PersonalDataContributor> contributors;

	private final MailOutbox mails;

	private final AuditLog audit;

	private final ClusterLock clusterLock;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final PublicUrl publicUrl;

	InactiveAccounts(JdbcClient jdbc, PersonalData personalData, List<PersonalDataContributor> contributors,
			MailOutbox mails, AuditLog audit, ClusterLock clusterLock, TransactionTemplate transaction, Clock clock,
			PublicUrl publicUrl) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.contributors = contributors;
		this.mails = mails;
		this.audit = audit;
		this.clusterLock = clusterLock;
		this.transaction = transaction;
		this.clock = clock;
		this.publicUrl = publicUrl;
	}

	@EventListener
	void loggedIn(LoginEvent event) {
		Long accountId = event.accountId();
		if (accountId != null) {
			this.jdbc.sql("UPDATE account SET last_login_at = now() WHERE id = :id").param("id", accountId).update();
		}
	}

	/**
	 * Warns by mail the customers whose last contact will be three years old in 30 days,
	 * and who were not warned since that contact.
	 * @return how many were warned
	 */
	public int warn() {
		List<Warned> due = this.jdbc.sql("""
				SELECT a.id, a.email, coalesce(a.first_name, a.email) AS name, a.preferred_locale FROM account a
				WHERE a.role_code = 'CUSTOMER' AND a.anonymised_at IS NULL AND a.email IS NOT NULL
				  AND %1$s < now() - make_interval(years => :years) + make_interval(days => :days)
				  AND (a.inactivity_warned_at IS NULL OR a.inactivity_warned_at < %1$s)
				ORDER BY a.id
				LIMIT :batch""".formatted(LAST_CONTACT))
			.param("years", YEARS)
			.param("days", WARNING_DAYS)
			.param("batch", BATCH)
			.query((row, number) -> new Warned(row.getLong("id"), row.getString("email"), row.getString("name"),
					Locale.forLanguageTag(row.getString("preferred_locale"))))
			.list();
		Instant limit = threeYearsAgoPlus(WARNING_DAYS);
		int warned = 0;
		for (Warned account : due) {
			if (usedSince(account.id(), limit)) {
				continue;
			}
			String day = Dates.formatDay(LocalDate.now(this.clock.withZone(Dates.SHOP_ZONE)).plusDays(WARNING_DAYS),
					account.locale());
			this.transaction.executeWithoutResult((status) -> {
				this.mails.enqueue(account.email(), "inactive-account",
						Map.of("name", account.name(), "day", day, "loginUrl", this.publicUrl.link("/login")),
						account.locale());
				this.jdbc.sql("UPDATE account SET inactivity_warned_at = now() WHERE id = :id")
					.param("id", account.id())
					.update();
			});
			warned++;
		}
		return warned;
	}

	/**
	 * Erases the customers' accounts whose last contact is more than three years old and
	 * who were warned since that contact, 30 days ago or more.
	 * @return how many were erased
	 */
	public int purge() {
		List<Long> due = this.jdbc.sql("""
				SELECT a.id FROM account a
				WHERE a.role_code = 'CUSTOMER' AND a.anonymised_at IS NULL
				  AND %1$s < now() - make_interval(years => :years)
				  AND a.inactivity_warned_at > %1$s
				  AND a.inactivity_warned_at < now() - make_interval(days => :days)
				ORDER BY a.id
				LIMIT :batch""".formatted(LAST_CONTACT))
			.param("years", YEARS)
			.param("days", WARNING_DAYS)
			.param("batch", BATCH)
			.query(Long.class)
			.list();
		Instant limit = threeYearsAgoPlus(0);
		int erased = 0;
		for (long accountId : due) {
			if (usedSince(accountId, limit)) {
				continue;
			}
			this.personalData.erase(accountId);
			this.audit.record("ACCOUNT_PURGE", AuditLog.Outcome.SUCCESS, null, "account:" + accountId,
					Map.of("unusedForYears", YEARS));
			erased++;
		}
		return erased;
	}

	/**
	 * Erases the accounts whose warning is 30 days old, then warns the next ones, once a
	 * day, on one instance of the shop at a time.
	 */
	@Scheduled(cron = "${app.retention.cron:0 30 3 * * *}")
	public void purgeDaily() {
		this.clusterLock.runAlone("retention:inactive-accounts", () -> {
			int erased = purge();
			int warned = warn();
			if (warned + erased > 0) {
				logger.info("Retention: {} customers warned and {} accounts unused for {} years erased", warned, erased,
						YEARS);
			}
		});
	}

	/** Whether another feature saw the account used after a date (e.g. an order). */
	private boolean usedSince(long accountId, Instant limit) {
		PersonalDataContributor.Person person = this.personalData.person(accountId);
		return this.contributors.stream()
			.map((contributor) -> contributor.lastActivity(person))
			.anyMatch((last) -> last.isPresent() && last.get().isAfter(limit));
	}

	/** Three years ago, plus some days. */
	private Instant threeYearsAgoPlus(int days) {
		return ZonedDateTime.now(this.clock).minusYears(YEARS).plusDays(days).toInstant();
	}

	private record Warned(long id, String email, String name, Locale locale) {
	}

}
