package fr.dwwm.comptoir.module.builtin.newsletter;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secrets of the newsletter's links.
 */
class SubscriptionTokensTests {

	@Test
	void aTokenIs256RandomBitsWrittenForAUrl() {
		String token = SubscriptionTokens.newToken();
		assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
		assertThat(SubscriptionTokens.isWellFormed(token)).isTrue();
		Set<String> drawn = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			drawn.add(SubscriptionTokens.newToken());
		}
		assertThat(drawn).as("never twice the same").hasSize(1000);
	}

	@Test
	void onlyItsHashIsStoredAndTheHashIsStable() {
		String token = SubscriptionTokens.newToken();
		byte[] hash = SubscriptionTokens.hash(token);
		assertThat(hash).hasSize(32).isEqualTo(SubscriptionTokens.hash(token));
		assertThat(new String(hash, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(token);
		assertThat(SubscriptionTokens.hash(SubscriptionTokens.newToken())).isNotEqualTo(hash);
	}

	@Test
	void aValueThatCannotBeATokenIsRefusedBeforeAnyQuery() {
		assertThat(SubscriptionTokens.isWellFormed(null)).isFalse();
		assertThat(SubscriptionTokens.isWellFormed("")).isFalse();
		assertThat(SubscriptionTokens.isWellFormed("a".repeat(42))).isFalse();
		assertThat(SubscriptionTokens.isWellFormed("a".repeat(44))).isFalse();
		assertThat(SubscriptionTokens.isWellFormed("a".repeat(42) + "=")).isFalse();
		assertThat(SubscriptionTokens.isWellFormed("' OR 1=1 --" + "a".repeat(32))).isFalse();
	}

}
