package fr.dwwm.comptoir.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Cuts a browser's network and restores it through the DevTools protocol, as the «
 * Offline » boxes of Chromium's DevTools do: for the page (its requests and the
 * navigation preload of its service worker), and for each running service worker, whose
 * own requests the page's setting does not cover. The workers are reached on Chromium's
 * DevTools endpoint ({@code /json/list}), which ChromeDriver opened.
 */
final class NetworkSwitch {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ChromeDriver browser;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<Connection> workers = new ArrayList<>();

	private final AtomicInteger ids = new AtomicInteger();

	NetworkSwitch(ChromeDriver browser) {
		this.browser = browser;
	}

	/** Cuts the network of the page and of every running service worker. */
	void off() {
		emulate(this.browser, true);
		for (JsonNode target : targets()) {
			if ("service_worker".equals(target.get("type").asString())) {
				Connection worker = connect(target.get("webSocketDebuggerUrl").asString());
				send(worker, "Network.enable", Map.of());
				send(worker, "Network.emulateNetworkConditions", conditions(true));
				this.workers.add(worker);
			}
		}
	}

	/**
	 * Gives the network back to the page only, its service workers still cut off: the
	 * browser says it is online, yet the worker's requests fail, as while a phone's radio
	 * reconnects.
	 */
	void onForThePageOnly() {
		emulate(this.browser, false);
	}

	/** Gives the network back. */
	void on() {
		for (Connection worker : this.workers) {
			send(worker, "Network.emulateNetworkConditions", conditions(false));
			worker.socket().sendClose(WebSocket.NORMAL_CLOSURE, "").join();
		}
		this.workers.clear();
		emulate(this.browser, false);
	}

	private static void emulate(ChromeDriver browser, boolean offline) {
		browser.executeCdpCommand("Network.enable", Map.of());
		browser.executeCdpCommand("Network.emulateNetworkConditions", conditions(offline));
	}

	private static Map<String, Object> conditions(boolean offline) {
		return Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);
	}

	private List<JsonNode> targets() {
		String address = ((Map<?, ?>) this.browser.getCapabilities().getCapability("goog:chromeOptions"))
			.get("debuggerAddress")
			.toString();
		try {
			HttpResponse<String> list = this.http.send(
					HttpRequest.newBuilder(URI.create("http://" + address + "/json/list")).build(),
					HttpResponse.BodyHandlers.ofString());
			List<JsonNode> targets = new ArrayList<>();
			JSON.readTree(list.body()).forEach(targets::add);
			return targets;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Connection connect(String url) {
		Replies replies = new Replies();
		WebSocket socket = this.http.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(URI.create(url), replies)
			.join();
		return new Connection(socket, replies);
	}

	/** Sends a command and waits for its answer. */
	private void send(Connection target, String method, Map<String, Object> params) {
		int id = this.ids.incrementAndGet();
		CompletableFuture<JsonNode> reply = target.replies().expect(id);
		target.socket()
			.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
			.join();
		try {
			JsonNode answer = reply.get(5, TimeUnit.SECONDS);
			if (answer.has("error")) {
				throw new IllegalStateException(method + ": " + answer.get("error"));
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(method + " got no answer", ex);
		}
	}

	/** A DevTools connection to one target, and the answers it got. */
	private record Connection(WebSocket socket, Replies replies) {
	}

	/** Collects the answers of one DevTools connection by command id. */
	private static final class Replies implements WebSocket.Listener {

		private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();

		private final StringBuilder text = new StringBuilder();

		CompletableFuture<JsonNode> expect(int id) {
			return this.waiting.computeIfAbsent(id, (key) -> new CompletableFuture<>());
		}

		@Override
		public void onOpen(WebSocket socket) {
			socket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				JsonNode message = JSON.readTree(this.text.toString());
				this.text.setLength(0);
				if (message.has("id")) {
					expect(message.get("id").asInt()).complete(message);
				}
			}
			socket.request(1);
			return null;
		}

	}

}
