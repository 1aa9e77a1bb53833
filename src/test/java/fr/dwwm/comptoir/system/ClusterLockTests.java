package fr.dwwm.comptoir.system;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A scheduled job runs on one instance at a time: two threads stand for two instances of
 * the shop, each with its own database connection, as two instances would have.
 */
@IntegrationTest
class ClusterLockTests {

	@Autowired
	private ClusterLock clusterLock;

	@Test
	void aJobRunningElsewhereIsSkippedOtherJobsRunAndTheLockIsFreedAtTheEnd() throws Exception {
		// Names of their own, so that no real job of the shop can interfere.
		String job = "test:" + UUID.randomUUID();
		String otherJob = "test:" + UUID.randomUUID();
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		ExecutorService otherInstance = Executors.newSingleThreadExecutor();
		try {
			Future<Boolean> first = otherInstance.submit(() -> this.clusterLock.runAlone(job, () -> {
				running.countDown();
				awaitQuietly(finish);
			}));
			assertThat(running.await(30, TimeUnit.SECONDS)).as("the first run has started").isTrue();

			AtomicBoolean secondRan = new AtomicBoolean();
			assertThat(this.clusterLock.runAlone(job, () -> secondRan.set(true))).as("the same job is skipped")
				.isFalse();
			assertThat(secondRan).isFalse();

			AtomicBoolean otherRan = new AtomicBoolean();
			assertThat(this.clusterLock.runAlone(otherJob, () -> otherRan.set(true))).as("another job runs").isTrue();
			assertThat(otherRan).isTrue();

			finish.countDown();
			assertThat(first.get(30, TimeUnit.SECONDS)).as("the first run went through").isTrue();
		}
		finally {
			finish.countDown();
			otherInstance.shutdownNow();
		}

		AtomicBoolean thirdRan = new AtomicBoolean();
		assertThat(this.clusterLock.runAlone(job, () -> thirdRan.set(true))).as("released at the end of the run")
			.isTrue();
		assertThat(thirdRan).isTrue();
	}

	@Test
	void aJobThatFailsReleasesTheLock() {
		String job = "test:" + UUID.randomUUID();
		assertThatIllegalStateException().isThrownBy(() -> this.clusterLock.runAlone(job, () -> {
			throw new IllegalStateException("the job failed");
		}));
		assertThat(this.clusterLock.runAlone(job, () -> {
		})).isTrue();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The test never released the job");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
