package fr.dwwm.comptoir.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The growing delays of the login throttle (ANSSI PG-078 R10, CNIL 2022-100 case 2).
 */
class LoginThrottleTests {

	@Test
	void fourFailuresCostNothing() {
		assertThat(LoginThrottle.delayAfter(4, LoginThrottle.FREE_FAILURES)).isZero();
	}

	@Test
	void fromTheFifthFailureTheDelayStartsAtOneMinuteAndDoubles() {
		assertThat(LoginThrottle.delayAfter(5, 5)).isEqualTo(Duration.ofMinutes(1));
		assertThat(LoginThrottle.delayAfter(6, 5)).isEqualTo(Duration.ofMinutes(2));
		assertThat(LoginThrottle.delayAfter(7, 5)).isEqualTo(Duration.ofMinutes(4));
	}

	@Test
	void theDelayNeverExceedsAnHour() {
		assertThat(LoginThrottle.delayAfter(24, 5)).isEqualTo(Duration.ofHours(1));
	}

}
