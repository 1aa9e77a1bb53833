package fr.dwwm.comptoir.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a scheduled job run on one instance of the shop at a time.
 *
 * <p>
 * Several instances of the shop may share one PostgreSQL database (see
 * docs/deploiement.md). Each instance runs the same {@code @Scheduled} methods at the
 * same hour: without coordination, the daily purges would run as many times as there are
 * instances, at the same moment, on the same rows. {@link #runAlone(String, Runnable)}
 * lets exactly one of them do the work; the others see that the job is taken and skip it.
 *
 * <p>
 * The coordination is a PostgreSQL <em>advisory lock</em>: a lock on a number, which
 * means nothing to the database but what the application decides. The job name is turned
 * into that number by {@code hashtextextended}, and {@code pg_try_advisory_xact_lock}
 * takes it without waiting: it answers {@code false} at once when another connection
 * holds it. The lock is a <em>transaction</em> lock: PostgreSQL releases it by itself at
 * commit or rollback, and when the connection is lost, so an instance that crashes in the
 * middle of a job never keeps it.
 *
 * <p>
 * Why not a lock table (a row {@code job_lock(name, locked_until, locked_by)})? Such a
 * row outlives a crashed instance: it needs an expiry, chosen longer than the longest
 * run, and a clock shared by every instance. The advisory lock has neither problem, needs
 * no table and no migration. Libraries such as ShedLock do the same job for any database;
 * the shop runs on PostgreSQL only, which offers it in one function call, so no extra
 * dependency is needed.
 *
 * <p>
 * What it does not do: it prevents two runs <em>at the same time</em>, not two runs in
 * the same day. An instance whose clock is a few seconds late may run the job again just
 * after another one has finished. The jobs protected here are purges of what is older
 * than a given age: a second run finds nothing more to delete, so this is harmless. A job
 * that must run once and only once per period would also have to record its last run.
 */
@Component
public class ClusterLock {

	private static final Logger logger = LoggerFactory.getLogger(ClusterLock.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	ClusterLock(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		// A transaction of its own, even if a caller already has one: the lock must last
		// exactly as long as the job, no more.
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Runs a job unless another instance (or another thread) is running the job of the
	 * same name. The job runs inside the transaction that holds the lock: its database
	 * work is committed with it, or rolled back with it if the job throws (the exception
	 * then reaches the caller, and the lock is released all the same).
	 * @param jobName the job's name, the same on every instance, e.g.
	 * {@code retention:audit-log}
	 * @param job what to do
	 * @return {@code true} if the job ran here, {@code false} if it was skipped because
	 * it was already running elsewhere
	 */
	public boolean runAlone(String jobName, Runnable job) {
		Boolean ran = this.transaction.execute((status) -> {
			boolean locked = this.jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(:name, 0))")
				.param("name", jobName)
				.query(Boolean.class)
				.single();
			if (!locked) {
				logger.debug("Job {} skipped: another instance is running it", jobName);
				return false;
			}
			job.run();
			return true;
		});
		return Boolean.TRUE.equals(ran);
	}

}
