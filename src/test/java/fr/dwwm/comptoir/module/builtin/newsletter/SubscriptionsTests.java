package fr.dwwm.comptoir.module.builtin.newsletter;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time rules of the double opt-in, which the sign-up and confirmation statements
 * apply.
 */
class SubscriptionsTests {

	private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

	@Test
	void aNewConfirmationMailWaitsTenMinutesAfterThePreviousOne() {
		assertThat(Subscriptions.mayResend(NOW, NOW)).isFalse();
		assertThat(Subscriptions.mayResend(NOW.minus(Duration.ofMinutes(9)), NOW)).isFalse();
		assertThat(Subscriptions.mayResend(NOW.minus(Duration.ofMinutes(10)), NOW)).isTrue();
		assertThat(Subscriptions.mayResend(NOW.minus(Duration.ofDays(3)), NOW)).isTrue();
	}

	@Test
	void aConfirmationLinkWorksForSevenDays() {
		assertThat(Subscriptions.linkWorks(NOW, NOW)).isTrue();
		assertThat(Subscriptions.linkWorks(NOW.minus(Duration.ofDays(7)).plusSeconds(1), NOW)).isTrue();
		assertThat(Subscriptions.linkWorks(NOW.minus(Duration.ofDays(7)), NOW)).isFalse();
		assertThat(Subscriptions.linkWorks(NOW.minus(Duration.ofDays(30)), NOW)).isFalse();
	}

	@Test
	void theThresholdsAreThoseOfTheRules() {
		assertThat(Subscriptions.resendThreshold(NOW)).isEqualTo(Instant.parse("2026-03-10T08:50:00Z"));
		assertThat(Subscriptions.expiryThreshold(NOW)).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
	}

	@Test
	void theModuleIsPlacedInTheFooterAndKeepsItsData() {
		assertThat(NewsletterModule.DESCRIPTOR.hooks()).startsWith("displayFooter")
			.contains("displayHome", "displayAccountDashboard");
		assertThat(NewsletterModule.DESCRIPTOR.defaultHooks()).isEqualTo(1);
		assertThat(NewsletterModule.DESCRIPTOR.storesData()).isTrue();
		assertThat(NewsletterModule.DESCRIPTOR.schema()).isEqualTo("module_newsletter");
		assertThat(NewsletterModule.DESCRIPTOR.setting("consent").orElseThrow().check(NewsletterModule.DEFAULT_CONSENT))
			.as("the default consent sentence is a valid value")
			.isEmpty();
	}

}
