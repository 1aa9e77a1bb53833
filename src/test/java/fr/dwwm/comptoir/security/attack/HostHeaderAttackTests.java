package fr.dwwm.comptoir.security.attack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.mail.DemoMailbox;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks by the {@code Host} header: the address a browser puts in it is the one it was
 * asked to reach, but anybody else may write any name there (or in
 * {@code X-Forwarded-Host}, which only a trusted proxy may set). A shop that builds its
 * absolute addresses from it would write the attacker's site in a password-reset mail
 * (one click of the victim gives away the link), in the canonical address and the
 * structured data search engines read, or in a page it keeps and shows to the next
 * visitor. Every absolute address the shop writes comes from {@code app.public-url}.
 */
@IntegrationTest
class HostHeaderAttackTests {

	/** Forged headers, as an attacker sends them straight to the shop. */
	private static final List<String> FORGED = List.of("Host: pirate.example", "Host: pirate.example:8443",
			"Host: localhost\r\nX-Forwarded-Host: pirate.example", "Host: localhost\r\nForwarded: host=pirate.example");

	/** Pages that write absolute addresses: canonical, Open Graph, JSON-LD, site maps. */
	private static final List<String> PAGES = List.of("/", "/products", "/products?category=ceramique",
			"/products/confiture-de-figues", "/pages/cgv", "/sitemap.xml", "/robots.txt");

	@LocalServerPort
	private int port;

	@Value("${app.public-url}")
	private String publicUrl;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private Mailbox mailbox;

	@Test
	void pagesWriteOnlyTheShopsOwnAddressWhateverTheHostHeaderSays() {
		for (String forged : FORGED) {
			for (String page : PAGES) {
				String answer = get(page, forged);
				assertThat(answer).as(forged + " " + page).startsWith("HTTP/1.1 200");
				assertThat(answer).as(forged + " " + page).doesNotContainIgnoringCase("pirate");
			}
		}
		Document product = Jsoup.parse(body(get("/products/confiture-de-figues", FORGED.get(0))));
		assertThat(product.selectFirst("link[rel=canonical]").attr("href"))
			.as("the canonical address is the configured one, not a copy of the request's")
			.isEqualTo(this.publicUrl + "/products/confiture-de-figues");
		assertThat(product.select("meta[property=og:url], meta[property=og:image]"))
			.allSatisfy((meta) -> assertThat(meta.attr("content")).startsWith(this.publicUrl + "/"));
		assertThat(get("/sitemap.xml", FORGED.get(0))).contains("<loc>" + this.publicUrl + "/products</loc>");
	}

	@Test
	void redirectsNameNoOtherSiteWhateverTheHostHeaderSays() {
		for (String forged : FORGED) {
			for (String page : List.of("/account", "/account/orders", "/admin", "/checkout")) {
				// HTTP/1.1, as browsers speak: Tomcat makes every Location absolute for
				// HTTP/1.0, which had no relative redirects.
				String answer = send("GET " + page + " HTTP/1.1\r\n" + forged + "\r\nConnection: close\r\n\r\n");
				String headers = answer.substring(0, answer.indexOf("\r\n\r\n"));
				assertThat(headers).as(forged + " " + page).startsWith("HTTP/1.1 30").contains("Location: ");
				assertThat(headers).as(forged + " " + page).doesNotContainIgnoringCase("pirate");
			}
		}
	}

	@Test
	void aPageKeptAfterAForgedHostShowsNothingOfItToTheNextVisitor() {
		for (String forged : FORGED) {
			for (String page : List.of("/", "/products/confiture-de-figues", "/products?category=ceramique")) {
				get(page, forged);
				String next = new Http(this.port).get(page).body();
				assertThat(next).as(forged + " then " + page).doesNotContainIgnoringCase("pirate");
				Element canonical = Jsoup.parse(next).selectFirst("link[rel=canonical]");
				assertThat(canonical).isNotNull();
				assertThat(canonical.attr("href")).startsWith(this.publicUrl + "/");
			}
		}
	}

	@Test
	void thePasswordResetMailLinksToTheShopWhateverTheHostHeaderOfTheRequestSaid() {
		for (String forged : FORGED) {
			Account victim = this.accounts.customer();
			Http attacker = new Http(this.port);
			String csrf = attacker.csrfToken("/password/forgot");
			String form = "email=" + Http.encode(victim.getEmail()) + "&_csrf=" + Http.encode(csrf);
			String answer = send("POST /password/forgot HTTP/1.1\r\n" + forged + "\r\nCookie: COMPTOIR_CSRF="
					+ attacker.cookie("COMPTOIR_CSRF")
					+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
					+ form.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + form);
			assertThat(answer).as(forged).startsWith("HTTP/1.1 302");
			List<DemoMailbox.ReceivedMail> mails = this.mailbox.to(victim.getEmail());
			assertThat(mails).as(forged).hasSize(1);
			assertThat(mails.get(0).text()).as(forged)
				.doesNotContainIgnoringCase("pirate")
				.contains(this.publicUrl + "/password/reset?token=");
		}
	}

	private String get(String path, String forged) {
		// HTTP/1.0: the body comes whole, not in chunks.
		return send("GET " + path + " HTTP/1.0\r\n" + forged + "\r\n\r\n");
	}

	private static String body(String answer) {
		return answer.substring(answer.indexOf("\r\n\r\n") + 4);
	}

	/** Sends a request as written, with no client in between to correct its headers. */
	private String send(String request) {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
