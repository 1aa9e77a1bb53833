package fr.dwwm.comptoir.security.attack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.web.ArrivalOrderGate;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attack by slow clients: the shop serves a few requests at a time in arrival order
 * ({@link ArrivalOrderGate}), so an attacker who sends the body of a request one byte at
 * a time (here the cart's JSON API, whose body the controller reads) from more
 * connections than the shop has turns holds every turn. The pages must still be served: a
 * request never waits for its turn longer than the gate allows.
 */
@IntegrationTest
class SlowClientAttackTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ArrivalOrderGate gate;

	@Test
	void bodiesSentByteByByteFromMoreConnectionsThanTheShopHasTurnsDoNotStopItsPages() throws Exception {
		assertThat(this.gate.permits()).as("the gate is on, as in production").isPositive();
		// Visitors like any other: a session cookie and the CSRF token of their page.
		List<Http> visitors = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < this.gate.permits() + 2; i++) {
			Http visitor = new Http(this.port);
			tokens.add(visitor.csrfToken("/login"));
			visitors.add(visitor);
		}
		List<Socket> slowClients = new CopyOnWriteArrayList<>();
		ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
		try {
			// One more byte of the body (a space: still JSON) to each every 100 ms: none
			// of
			// them ever times out.
			trickle.scheduleAtFixedRate(() -> slowClients.forEach((socket) -> write(socket, " ")), 100, 100,
					TimeUnit.MILLISECONDS);
			for (int i = 0; i < visitors.size(); i++) {
				Socket socket = new Socket("localhost", this.port);
				write(socket,
						"POST /api/v1/cart/lines HTTP/1.1\r\nHost: localhost\r\nCookie: COMPTOIR_CSRF="
								+ visitors.get(i).cookie("COMPTOIR_CSRF") + "\r\nX-CSRF-TOKEN: " + tokens.get(i)
								+ "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
								+ "Content-Length: 2000\r\n\r\n{");
				slowClients.add(socket);
			}
			waitUntilEveryTurnIsHeld();

			String page = get("/products/confiture-de-figues");
			assertThat(page).as("a page asked while slow clients hold every turn").startsWith("HTTP/1.1 200");
			assertThat(page).contains("Confiture de figues");
			assertThat(this.gate.freeTurns()).as("the slow clients still hold every turn").isZero();
		}
		finally {
			trickle.shutdownNow();
			for (Socket socket : slowClients) {
				socket.close();
			}
		}
	}

	private void waitUntilEveryTurnIsHeld() throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.gate.freeTurns() > 0) {
			assertThat(System.nanoTime()).as("the slow clients hold every turn within 10 s").isLessThan(end);
			Thread.sleep(10);
		}
	}

	/**
	 * Asks for a page and gives up after 5 s, far longer than the gate lets anyone wait.
	 */
	private String get(String path) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(5_000);
			write(socket, "GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n");
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static void write(Socket socket, String text) {
		try {
			OutputStream out = socket.getOutputStream();
			out.write(text.getBytes(StandardCharsets.UTF_8));
			out.flush();
		}
		catch (IOException ex) {
			// The shop closed this connection: it no longer holds a turn.
		}
	}

}
