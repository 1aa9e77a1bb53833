package fr.dwwm.comptoir.order;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated card provider: the checks a real one makes, its documented test cards,
 * and nothing of the card kept but its last four digits.
 */
class DemoPaymentGatewayTests {

	private final DemoPaymentGateway gateway = new DemoPaymentGateway(
			Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));

	@Test
	void theAcceptedTestCardIsChargedAndOnlyItsLastFourDigitsComeBack() {
		PaymentResult result = charge("4242 4242 4242 4242", "12/26", "123");
		assertThat(result.succeeded()).isTrue();
		assertThat(result.cardLast4()).isEqualTo("4242");
		assertThat(result.cardBrand()).isEqualTo("VISA");
		assertThat(result.providerReference()).startsWith("demo_").doesNotContain("4242424242424242");
	}

	@Test
	void theRefusedAndInsufficientFundsTestCardsAreDeclined() {
		assertThat(charge("4000 0000 0000 0002", "01/30", "123").outcome()).isEqualTo(PaymentResult.Outcome.REFUSED);
		assertThat(charge("4000000000009995", "01/30", "123").outcome())
			.isEqualTo(PaymentResult.Outcome.INSUFFICIENT_FUNDS);
	}

	@Test
	void aMistypedNumberFailsTheLuhnCheckBeforeReachingTheBank() {
		assertThat(DemoPaymentGateway.luhn("4242424242424242")).isTrue();
		assertThat(DemoPaymentGateway.luhn("4242424242424241")).isFalse();
		PaymentResult result = charge("4242 4242 4242 4241", "12/26", "123");
		assertThat(result.outcome()).isEqualTo(PaymentResult.Outcome.INVALID_NUMBER);
		assertThat(result.providerReference()).isNull();
	}

	@Test
	void aCardIsValidUntilTheEndOfItsExpiryMonth() {
		assertThat(charge(DemoPaymentGateway.ACCEPTED, "11/26", "123").succeeded()).isTrue();
		assertThat(charge(DemoPaymentGateway.ACCEPTED, "10/26", "123").outcome())
			.isEqualTo(PaymentResult.Outcome.EXPIRED);
		assertThat(charge(DemoPaymentGateway.ACCEPTED, "13/27", "123").outcome())
			.isEqualTo(PaymentResult.Outcome.EXPIRED);
	}

	@Test
	void theSecurityCodeMustHaveThreeOrFourDigits() {
		assertThat(charge(DemoPaymentGateway.ACCEPTED, "12/26", "12").outcome())
			.isEqualTo(PaymentResult.Outcome.INVALID_CODE);
	}

	@Test
	void aPaymentNeverShowsTheCardWhenLogged() {
		CardPayment payment = new CardPayment("CPT-2026-000001", 1000, "4242424242424242", "12/26", "123", "C M");
		assertThat(payment.toString()).doesNotContain("4242").doesNotContain("123");
	}

	private PaymentResult charge(String number, String expiry, String code) {
		return this.gateway.charge(new CardPayment("CPT-2026-000001", 1990, number, expiry, code, "Camille Martin"));
	}

}
