package fr.dwwm.comptoir.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A deployment, seen from a browser: a reverse proxy in front of the shop under test
 * that, once {@link #deployNextRelease()} is called, serves a service worker of another
 * release (its version changed, as a new build changes it), and everything else as the
 * shop answers. The browser talks to it on another port, so another origin with a service
 * worker of its own.
 */
final class NextReleaseProxy implements AutoCloseable {

	/** Headers the JDK's client sets itself, or that belong to one connection. */
	private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade",
			"accept-encoding", "keep-alive", "transfer-encoding", "if-none-match");

	private static final Pattern VERSION = Pattern.compile("\"version\":\"([0-9a-f]+)\"");

	private final HttpServer server;

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final String shop;

	private final ExecutorService threads;

	private volatile boolean nextRelease;

	NextReleaseProxy(int shopPort) {
		this.shop = "http://localhost:" + shopPort;
		try {
			this.server = HttpServer.create(new InetSocketAddress(0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.threads = Executors.newFixedThreadPool(4, (task) -> {
			Thread thread = new Thread(task, "next-release-proxy");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.threads);
		this.server.createContext("/", this::forward);
		this.server.start();
	}

	/**
	 * The address of a page through the proxy.
	 * @param path the path and query
	 * @return an absolute URL on the proxy's origin
	 */
	String url(String path) {
		return "http://localhost:" + this.server.getAddress().getPort() + path;
	}

	/** From now on, the service worker served is the next release's. */
	void deployNextRelease() {
		this.nextRelease = true;
	}

	/**
	 * The version the next release's worker names.
	 * @param version the shop's
	 * @return the next one
	 */
	static String next(String version) {
		return version + "-next";
	}

	private void forward(HttpExchange exchange) throws IOException {
		try (exchange) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.shop + exchange.getRequestURI()));
			exchange.getRequestHeaders().forEach((name, values) -> {
				if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
					values.forEach((value) -> request.header(name, value));
				}
			});
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			request.method(exchange.getRequestMethod(), (body.length == 0) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			byte[] answer = response.body();
			boolean worker = exchange.getRequestURI().getPath().equals("/service-worker.js");
			if (worker && this.nextRelease) {
				String script = new String(answer, StandardCharsets.UTF_8);
				Matcher version = VERSION.matcher(script);
				if (version.find()) {
					script = version.replaceFirst("\"version\":\"" + next(version.group(1)) + "\"");
				}
				answer = script.getBytes(StandardCharsets.UTF_8);
			}
			response.headers().map().forEach((name, values) -> {
				String lower = name.toLowerCase(Locale.ROOT);
				if (!NOT_FORWARDED.contains(lower) && !lower.equals(":status") && !(worker && lower.equals("etag"))) {
					exchange.getResponseHeaders().put(name, List.copyOf(values));
				}
			});
			boolean empty = response.statusCode() == 304 || response.statusCode() == 204
					|| "HEAD".equals(exchange.getRequestMethod());
			exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : (answer.length == 0 ? -1 : answer.length));
			if (!empty && answer.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(answer);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
