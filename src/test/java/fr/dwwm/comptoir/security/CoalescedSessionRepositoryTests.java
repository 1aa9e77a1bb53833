package fr.dwwm.comptoir.security;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last access time of a session moves by steps: a thirtieth of its idle timeout, at
 * most a minute, so that it is never written on every request and the session never lives
 * longer than its timeout.
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

	private static CoalescedSessionRepository.CoalescedSession<MapSession> session(Duration idle) {
		MapSession session = new MapSession();
		session.setMaxInactiveInterval(idle);
		session.setLastAccessedTime(LAST);
		return new CoalescedSessionRepository.CoalescedSession<>(session);
	}

}
