package fr.dwwm.comptoir.order;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The checkout's figures for the operations team (Micrometer, read by Prometheus on the
 * management port): orders placed, orders refused and why (the refusal's message key: a
 * short, fixed list), and each answer of the payment provider with how long it took.
 * Never an amount, a reference or anything of a customer.
 */
@Component
class CheckoutMetrics {

	/** The tag of a call that got no answer (network cut, time-out). */
	static final String NO_ANSWER = "no-answer";

	private final MeterRegistry meters;

	private final Counter placed;

	CheckoutMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.placed = orders("placed", "none");
		// Every answer shown from the start, at zero: a rate computed over a series that
		// appears only with its first event misses that event.
		for (PaymentResult.Outcome outcome : PaymentResult.Outcome.values()) {
			timer(name(outcome));
		}
		timer(NO_ANSWER);
	}

	void placed() {
		this.placed.increment();
	}

	void refused(Refusal refusal) {
		orders("refused", refusal.getMessageKey()).increment();
	}

	private Counter orders(String outcome, String reason) {
		return Counter.builder("comptoir.orders")
			.description("Orders placed, and checkouts refused with their reason")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(this.meters);
	}

	/**
	 * Records one call to the payment provider.
	 * @param answer the provider's outcome in lower case, or {@code no-answer}
	 * @param duration how long the call took
	 */
	void payment(String answer, Duration duration) {
		timer(answer).record(duration);
	}

	/** The tag of a provider's answer. */
	static String name(PaymentResult.Outcome outcome) {
		return outcome.name().toLowerCase(Locale.ROOT);
	}

	private Timer timer(String answer) {
		return Timer.builder("comptoir.payment")
			.description("Answers of the payment provider and their latency")
			.tag("answer", answer)
			.publishPercentileHistogram()
			.register(this.meters);
	}

}
