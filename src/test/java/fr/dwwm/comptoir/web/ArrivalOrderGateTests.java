package fr.dwwm.comptoir.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gate in front of the shop's requests: a few at a time, in arrival order, and never
 * a wait longer than the one set.
 */
class ArrivalOrderGateTests {

	private static final Duration LONG = Duration.ofSeconds(30);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ExecutorService requests = Executors.newCachedThreadPool();

	@AfterEach
	void stopRequests() {
		this.requests.shutdownNow();
	}

	@Test
	void noMoreRequestsRunAtOnceThanTheGateHasTurns() throws Exception {
		ArrivalOrderGate gate = new ArrivalOrderGate(2, LONG, this.meters);
		CountDownLatch finish = new CountDownLatch(1);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		FilterChain page = (request, response) -> {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			await(finish);
			running.decrementAndGet();
		};
		List<Future<?>> sent = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			sent.add(send(gate, page));
		}
		waitUntil(() -> running.get() == 2 && gate.waiting() == 3);
		assertThat(gate.freeTurns()).isZero();
		finish.countDown();
		for (Future<?> request : sent) {
			request.get(10, TimeUnit.SECONDS);
		}
		assertThat(mostAtOnce.get()).as("requests running at the same time").isEqualTo(2);
		assertThat(gate.freeTurns()).as("every turn given back").isEqualTo(2);
	}

	@Test
	void waitingRequestsRunInTheOrderTheyArrived() throws Exception {
		ArrivalOrderGate gate = new ArrivalOrderGate(1, LONG, this.meters);
		CountDownLatch firstMayEnd = new CountDownLatch(1);
		Future<?> first = send(gate, (request, response) -> await(firstMayEnd));
		waitUntil(() -> gate.freeTurns() == 0);
		List<String> served = new CopyOnWriteArrayList<>();
		List<Future<?>> waiting = new ArrayList<>();
		for (String name : List.of("B", "C", "D", "E")) {
			waiting.add(send(gate, (request, response) -> served.add(name)));
			int arrived = waiting.size();
			waitUntil(() -> gate.waiting() == arrived);
		}
		firstMayEnd.countDown();
		first.get(10, TimeUnit.SECONDS);
		for (Future<?> request : waiting) {
			request.get(10, TimeUnit.SECONDS);
		}
		assertThat(served).containsExactly("B", "C", "D", "E");
	}

	@Test
	void aRequestThatWaitedTheLongestAllowedRunsAnywaySoSlowRequestsCannotStopTheShop() throws Exception {
		ArrivalOrderGate gate = new ArrivalOrderGate(1, Duration.ofMillis(50), this.meters);
		CountDownLatch slowClientLeaves = new CountDownLatch(1);
		Future<?> slow = send(gate, (request, response) -> await(slowClientLeaves));
		waitUntil(() -> gate.freeTurns() == 0);

		CountDownLatch served = new CountDownLatch(1);
		Future<?> next = send(gate, (request, response) -> served.countDown());
		next.get(10, TimeUnit.SECONDS);
		assertThat(served.getCount()).as("the request behind the slow one was served").isZero();
		assertThat(this.meters.get("comptoir.gate.timeouts").counter().count()).isEqualTo(1);

		slowClientLeaves.countDown();
		slow.get(10, TimeUnit.SECONDS);
		assertThat(gate.freeTurns()).as("the request that ran without a turn gave none back").isEqualTo(1);
	}

	@Test
	void aTurnIsGivenBackWhenTheRequestFails() {
		ArrivalOrderGate gate = new ArrivalOrderGate(1, LONG, this.meters);
		FilterChain failing = (request, response) -> {
			throw new IllegalStateException("the page failed");
		};
		assertThatThrownBy(() -> gate.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), failing))
			.hasMessage("the page failed");
		assertThat(gate.freeTurns()).isEqualTo(1);
		assertThat(this.meters.get("comptoir.gate.timeouts").counter().count()).isZero();
	}

	@Test
	void aGateWithoutTurnsLetsEveryRequestRunAtOnce() throws Exception {
		ArrivalOrderGate gate = new ArrivalOrderGate(0, Duration.ofMillis(50), this.meters);
		CountDownLatch allInside = new CountDownLatch(3);
		FilterChain page = (request, response) -> {
			allInside.countDown();
			await(allInside);
		};
		List<Future<?>> sent = List.of(send(gate, page), send(gate, page), send(gate, page));
		for (Future<?> request : sent) {
			request.get(10, TimeUnit.SECONDS);
		}
		assertThat(allInside.getCount()).isZero();
		assertThat(this.meters.get("comptoir.gate.timeouts").counter().count()).isZero();
	}

	private Future<?> send(ArrivalOrderGate gate, FilterChain page) {
		return this.requests.submit(() -> {
			gate.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), page);
			return null;
		});
	}

	private static void await(CountDownLatch latch) {
		try {
			// Longer than a test waits for a request: a request held here never ends one.
			if (!latch.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("waited 60 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(end);
			Thread.sleep(5);
		}
	}

}
