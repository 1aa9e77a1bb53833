package fr.dwwm.comptoir.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last access time of a session moves by steps: a thirtieth of its idle timeout, at
 * most a minute, so that it is never written on every request and the session never lives
 * longer than its timeout. A session is written, in a transaction, only when something in
 * it changed, and read once per request.
 */
class CoalescedSessionRepositoryTests {

	private static final Instant LAST = Instant.parse("2026-12-05T10:00:00Z");

	@Test
	void theStepIsAThirtiethOfTheIdleTimeoutAndAtMostAMinute() {
		assertThat(CoalescedSessionRepository.step(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(10));
		assertThat(CoalescedSessionRepository.step(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(1));
		assertThat(CoalescedSessionRepository.step(Duration.ofHours(8))).isEqualTo(Duration.ofMinutes(1));
		assertThat(CoalescedSessionRepository.step(Duration.ZERO)).isEqualTo(Duration.ZERO);
	}

	@Test
	void aCustomersLastAccessMovesOnlyOnceAMinuteBehind() {
		CoalescedSessionRepository.CoalescedSession<MapSession> session = session(Duration.ofMinutes(30));
		session.setLastAccessedTime(LAST.plusSeconds(59));
		assertThat(session.getLastAccessedTime()).isEqualTo(LAST);
		session.setLastAccessedTime(LAST.plusSeconds(60));
		assertThat(session.getLastAccessedTime()).isEqualTo(LAST.plusSeconds(60));
	}

	@Test
	void aStaffLastAccessMovesTenSecondsBehind() {
		CoalescedSessionRepository.CoalescedSession<MapSession> session = session(Duration.ofMinutes(5));
		session.setLastAccessedTime(LAST.plusSeconds(9));
		assertThat(session.getLastAccessedTime()).isEqualTo(LAST);
		session.setLastAccessedTime(LAST.plusSeconds(10));
		assertThat(session.getLastAccessedTime()).isEqualTo(LAST.plusSeconds(10));
	}

	@Test
	void aStoredTimeAheadOfTheClockIsBroughtBack() {
		CoalescedSessionRepository.CoalescedSession<MapSession> session = session(Duration.ofMinutes(30));
		session.setLastAccessedTime(LAST.minusSeconds(1));
		assertThat(session.getLastAccessedTime()).isEqualTo(LAST.minusSeconds(1));
	}

	@Test
	void aSessionNotWrittenForAStepStillExpiresAtItsTimeout() {
		CoalescedSessionRepository.CoalescedSession<MapSession> session = session(Duration.ofMinutes(30));
		session.setLastAccessedTime(LAST.plusSeconds(59));
		// Expired by the stored time: at most a step earlier than the real last access
		// says, never later.
		assertThat(session.getLastAccessedTime().plus(session.getMaxInactiveInterval()))
			.isBeforeOrEqualTo(LAST.plusSeconds(59).plus(Duration.ofMinutes(30)))
			.isAfter(LAST.plusSeconds(59).plus(Duration.ofMinutes(29)));
	}

	@Test
	void aSessionThatChangedNothingIsSavedWithoutAWriteOrATransaction() {
		Sessions sessions = new Sessions();
		String id = sessions.stored(Instant.now());
		CoalescedSessionRepository.CoalescedSession<MapSession> session = sessions.repository.findById(id);
		session.setLastAccessedTime(session.getLastAccessedTime().plusSeconds(5));
		session.getAttribute("cart");
		sessions.repository.save(session);
		assertThat(sessions.saves).isZero();
		assertThat(sessions.transactions).isZero();

		session.setAttribute("cart", 42L);
		sessions.repository.save(session);
		assertThat(sessions.saves).as("saved, in a transaction of its own").isEqualTo(1);
		assertThat(sessions.transactions).isEqualTo(1);
		sessions.repository.save(session);
		assertThat(sessions.saves).as("saved already: nothing new to write").isEqualTo(1);
	}

	@Test
	void aNewSessionIsAlwaysWritten() {
		Sessions sessions = new Sessions();
		sessions.repository.save(sessions.repository.createSession());
		assertThat(sessions.saves).isEqualTo(1);
	}

	@Test
	void theSessionJustSavedIsHandedBackOnceInsteadOfBeingReadAgain() {
		Sessions sessions = new Sessions();
		String id = sessions.stored(Instant.now());
		CoalescedSessionRepository.CoalescedSession<MapSession> session = sessions.repository.findById(id);
		assertThat(sessions.reads).isEqualTo(1);
		sessions.repository.save(session);

		assertThat(sessions.repository.findById(id)).isSameAs(session);
		assertThat(sessions.reads).as("handed back, not read").isEqualTo(1);
		assertThat(sessions.repository.findById(id)).isNotSameAs(session);
		assertThat(sessions.reads).as("only once").isEqualTo(2);
	}

	@Test
	void theSessionSavedIsForgottenWhenTheRequestEndsOrAnotherIsAskedFor() {
		Sessions sessions = new Sessions();
		String id = sessions.stored(Instant.now());
		String other = sessions.stored(Instant.now());
		CoalescedSessionRepository.CoalescedSession<MapSession> session = sessions.repository.findById(id);
		sessions.repository.save(session);
		sessions.repository.forgetSavedByThisThread();
		assertThat(sessions.repository.findById(id)).isNotSameAs(session);

		sessions.repository.save(session);
		sessions.repository.findById(other);
		assertThat(sessions.repository.findById(id)).as("asked for another one in between").isNotSameAs(session);

		sessions.repository.save(session);
		sessions.repository.deleteById(id);
		assertThat(sessions.repository.findById(id)).as("deleted").isNull();
	}

	private static CoalescedSessionRepository.CoalescedSession<MapSession> session(Duration idle) {
		MapSession session = new MapSession();
		session.setMaxInactiveInterval(idle);
		session.setLastAccessedTime(LAST);
		return new CoalescedSessionRepository.CoalescedSession<>(session);
	}

	/** Sessions in memory, counting what reaches them. */
	private static final class Sessions {

		private final Map<String, MapSession> stored = new HashMap<>();

		private int reads;

		private int saves;

		private int transactions;

		private final CoalescedSessionRepository<MapSession> repository = new CoalescedSessionRepository<>(
				new FindByIndexNameSessionRepository<MapSession>() {

					@Override
					public MapSession createSession() {
						return new MapSession();
					}

					@Override
					public void save(MapSession session) {
						Sessions.this.saves++;
						Sessions.this.stored.put(session.getId(), new MapSession(session));
					}

					@Override
					public MapSession findById(String id) {
						Sessions.this.reads++;
						MapSession session = Sessions.this.stored.get(id);
						return (session != null) ? new MapSession(session) : null;
					}

					@Override
					public void deleteById(String id) {
						Sessions.this.stored.remove(id);
					}

					@Override
					public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
						return Map.of();
					}

				}, new TransactionOperations() {

					@Override
					public <T> T execute(TransactionCallback<T> callback) {
						Sessions.this.transactions++;
						return callback.doInTransaction(new SimpleTransactionStatus());
					}

				});

		String stored(Instant lastAccess) {
			MapSession session = new MapSession();
			session.setLastAccessedTime(lastAccess);
			this.stored.put(session.getId(), session);
			return session.getId();
		}

	}

}
