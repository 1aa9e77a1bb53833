package fr.dwwm.comptoir.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.LoginEvent;
import fr.dwwm.comptoir.system.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Customers' accounts unused for three years are erased (CNIL: customer data is kept for
 * the business relationship and three years after its last contact). An account's last
 * contact is the latest of its creation, its last login (kept here at each login, by
 * password or by passkey), the last use of one of its API tokens and the latest date
 * another feature knows of ({@link PersonalDataContributor#lastActivity}: its last
 * order). Erased as a deletion on the customer's request is ({@link PersonalData#erase}),
 * and written in the audit log. Staff accounts are left to the administrators.
 */
@Service
public class InactiveAccounts {

	/** How long an account may go unused. */
	static final int YEARS = 3;

	/** Accounts erased per run at most, so that one run stays short. */
	private static final int BATCH = 500;

	private static final Logger logger = LoggerFactory.getLogger(InactiveAccounts.class);

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final List<PersonalDataContributor> contributors;

	private final AuditLog audit;

	private final ClusterLock clusterLock;

	InactiveAccounts(JdbcClient jdbc, PersonalData personalData, List<PersonalDataContributor> contributors,
			AuditLog audit, ClusterLock clusterLock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.contributors = contributors;
		this.audit = audit;
		this.clusterLock = clusterLock;
	}

	@EventListener
	void loggedIn(LoginEvent event) {
		Long accountId = event.accountId();
		if (accountId != null) {
			this.jdbc.sql("UPDATE account SET last_login_at = now() WHERE id = :id").param("id", accountId).update();
		}
	}

	/**
	 * Erases the customers' accounts whose last contact is more than three years old.
	 * @return how many were erased
	 */
	public int purge() {
		List<Long> candidates = this.jdbc.sql("""
				SELECT a.id FROM account a
				WHERE a.role_code = 'CUSTOMER' AND a.anonymised_at IS NULL
				  AND greatest(a.created_at, a.last_login_at,
				               (SELECT max(t.last_used_at) FROM api_token t WHERE t.account_id = a.id))
				      < now() - make_interval(years => :years)
				ORDER BY a.id
				LIMIT :batch""").param("years", YEARS).param("batch", BATCH).query(Long.class).list();
		Instant limit = this.jdbc.sql("SELECT now() - make_interval(years => :years)")
			.param("years", YEARS)
			.query(Timestamp.class)
			.single()
			.toInstant();
		int erased = 0;
		for (long accountId : candidates) {
			if (this.contributors.stream()
				.map((contributor) -> contributor.lastActivity(accountId))
				.anyMatch((last) -> last.isPresent() && last.get().isAfter(limit))) {
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
	 * Runs {@link #purge()} once a day, on one instance of the shop at a time.
	 */
	@Scheduled(cron = "${app.retention.cron:0 30 3 * * *}")
	public void purgeDaily() {
		this.clusterLock.runAlone("retention:inactive-accounts", () -> {
			int erased = purge();
			if (erased > 0) {
				logger.info("Retention: {} customer accounts unused for {} years erased", erased, YEARS);
			}
		});
	}

}
