package fr.dwwm.comptoir.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves requests in the order they arrived: a few run at a time (twice the processors by
 * default), the others wait their turn, in arrival order, but each for at most a set time
 * (50 ms by default), after which it runs anyway.
 *
 * <p>
 * Why (measured in {@code docs/performance.md}): on two cores, sixteen requests running
 * at once share the processor slice by slice, and on virtual threads a page that asks the
 * database eight times goes back to the end of the queue eight times, so the pages that
 * do the most work also wait the most. Admitted a few at a time, a request keeps its
 * place once it runs: the slowest pages of the shop visit (cart, checkout) answer sooner,
 * for a throughput that is somewhat lower (a request keeps its turn while it waits for
 * the database).
 *
 * <p>
 * Why the wait is bounded: a request can hold its turn without using the processor (a
 * form body sent byte by byte, a database that does not answer). Behind such requests the
 * others wait at most the set time, then run as they would without the gate: slow
 * requests cannot stop the shop. Each request that ran without its turn is counted
 * ({@code comptoir.gate.timeouts}): a steady count says the gate is too narrow.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class ArrivalOrderGate extends OncePerRequestFilter {

	private final int permits;

	private final Semaphore turns;

	private final long maxWaitNanos;

	private final Counter timeouts;

	ArrivalOrderGate(
			@Value("#{${app.gate.permits-per-processor} * T(Runtime).getRuntime().availableProcessors()}") int permits,
			@Value("${app.gate.max-wait}") Duration maxWait, MeterRegistry meters) {
		this.permits = permits;
		this.turns = new Semaphore(Math.max(permits, 0), true);
		this.maxWaitNanos = maxWait.toNanos();
		this.timeouts = Counter.builder("comptoir.gate.timeouts")
			.description("Requests that ran without their turn, after waiting the longest allowed")
			.register(meters);
	}

	/**
	 * How many requests may run at once.
	 * @return the number of turns; 0 when the gate is open to all
	 */
	public int permits() {
		return this.permits;
	}

	/**
	 * How many turns are free now.
	 * @return the turns no request holds
	 */
	public int freeTurns() {
		return this.turns.availablePermits();
	}

	/**
	 * How many requests wait for their turn now (an estimate while requests come and go).
	 * @return the requests waiting
	 */
	int waiting() {
		return this.turns.getQueueLength();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.permits <= 0) {
			chain.doFilter(request, response);
			return;
		}
		boolean admitted = waitForTurn();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (admitted) {
				this.turns.release();
			}
		}
	}

	private boolean waitForTurn() {
		try {
			if (this.turns.tryAcquire(this.maxWaitNanos, TimeUnit.NANOSECONDS)) {
				return true;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.timeouts.increment();
		return false;
	}

}
