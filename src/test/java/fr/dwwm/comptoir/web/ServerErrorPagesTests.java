package fr.dwwm.comptoir.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Tomcat refuses before the shop sees them get the shop's page, in French with
 * English under it, never Tomcat's English report.
 */
@IntegrationTest
class ServerErrorPagesTests {

	@LocalServerPort
	private int port;

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void anAddressOverEightKilobytesGetsTheShopsPageInFrenchAndEnglish() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/products?q=" + "a".repeat(9000))).build());

		assertThat(response.statusCode()).isEqualTo(400);
		Document page = shopPage(response);
		assertThat(page.select("h1").text()).isEqualTo("Demande refusée");
		assertThat(page.select("main").text()).contains("plus de 8 000 caractères", "Request refused",
				"Retour à l'accueil");
		assertThat(page.select("[lang=en] h2").text()).isEqualTo("Request refused");
	}

	@Test
	void headersOverEightKilobytesGetTheSamePage() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/")).header("X-Padding", "b".repeat(9000)).build());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(shopPage(response).select("h1").text()).isEqualTo("Demande refusée");
	}

	@Test
	void aBodyOverTheUploadLimitGets413WithTheShopsPage() throws Exception {
		String response = postWithoutReadingTheAnswerFirst("/contact", "multipart/form-data; boundary=limite",
				22L * 1024 * 1024);

		assertThat(response).startsWith("HTTP/1.1 413");
		Document page = shopPage(response.substring(response.indexOf("\r\n\r\n") + 4));
		assertThat(page.select("h1").text()).isEqualTo("Envoi trop volumineux");
		assertThat(page.select("main").text()).contains("21 Mo", "Rien n'a été enregistré", "Upload too large");
	}

	/**
	 * Sends a large body as a browser does: the server may answer and close before the
	 * whole body is sent, so the answer is read while the body is still being written.
	 */
	private String postWithoutReadingTheAnswerFirst(String path, String contentType, long length) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
					+ "\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			Thread writer = new Thread(() -> {
				byte[] chunk = new byte[64 * 1024];
				try {
					for (long sent = 0; sent < length; sent += chunk.length) {
						out.write(chunk, 0, (int) Math.min(chunk.length, length - sent));
					}
				}
				catch (IOException ex) {
					// The server stopped reading: what a refusal does.
				}
			});
			writer.start();
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			writer.join(20_000);
			return answer;
		}
	}

	/** Checks what every such page shares, and returns it parsed. */
	private static Document shopPage(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		return shopPage(response.body());
	}

	private static Document shopPage(String html) {
		assertThat(html).doesNotContain("HTTP Status", "Tomcat", "<script", "style=");
		Document page = Jsoup.parse(html);
		assertThat(page.select("html").attr("lang")).isEqualTo("fr");
		assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
			.startsWith("default-src 'none'");
		assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).contains("/css/comptoir.css");
		return page;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
