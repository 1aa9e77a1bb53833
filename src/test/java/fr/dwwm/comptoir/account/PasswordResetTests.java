package fr.dwwm.comptoir.account;

import java.net.http.HttpResponse;
import java.util.Map;

import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Forgot your password?" (ANSSI PG-078, OWASP ASVS 6.4): same answer for any address,
 * single-use link, every session ended, the owner told.
 */
@IntegrationTest
class PasswordResetTests {

	private static final String NEW_PASSWORD = "Nouvelle-phrase-de-passe-2026";

	@LocalServerPort
	private int port;

	@Autowired
	private Mailbox mailbox;

	@Autowired
	private TestAccounts accounts;

	private Account account;

	@BeforeEach
	void anAccount() {
		this.account = this.accounts.customer();
	}

	@Test
	void theAnswerIsTheSameWhetherTheAddressHasAnAccountOrNot() {
		HttpResponse<String> known = request(new Http(this.port), this.account.getEmail());
		HttpResponse<String> unknown = request(new Http(this.port), "personne-" + this.account.getEmail());
		assertThat(known.statusCode()).isEqualTo(unknown.statusCode());
		assertThat(known.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"));
		assertThat(this.mailbox.to("personne-" + this.account.getEmail())).isEmpty();
		assertThat(this.mailbox.to(this.account.getEmail())).hasSize(1);
	}

	@Test
	void theLinkSetsANewPasswordOnceEndsEverySessionAndTellsTheOwner() {
		Http otherDevice = new Http(this.port);
		otherDevice.login(this.account.getEmail(), TestAccounts.PASSWORD);
		assertThat(otherDevice.get("/account").statusCode()).isEqualTo(200);

		Http http = new Http(this.port);
		request(http, this.account.getEmail());
		String link = Mailbox.link(this.mailbox.to(this.account.getEmail()).get(0), "/password/reset");
		assertThat(http.get(link).body()).contains("name=\"password\"");
		HttpResponse<String> reset = http.postForm(link, "/password/reset",
				Map.of("token", link.substring(link.indexOf("token=") + 6), "password", NEW_PASSWORD));
		assertThat(reset.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?reset"));

		assertThat(otherDevice.get("/account").statusCode()).as("the other session has ended").isEqualTo(302);
		assertThat(new Http(this.port).login(this.account.getEmail(), TestAccounts.PASSWORD)
			.headers()
			.firstValue("Location")).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
		assertThat(new Http(this.port).login(this.account.getEmail(), NEW_PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
		assertThat(http.get(link).body()).as("the link works only once").contains("plus valable");
		assertThat(this.mailbox.to(this.account.getEmail())).extracting((mail) -> mail.subject())
			.contains("Votre mot de passe a été modifié");
	}

	@Test
	void aRefusedPasswordDoesNotWasteTheLink() {
		Http http = new Http(this.port);
		request(http, this.account.getEmail());
		String link = Mailbox.link(this.mailbox.to(this.account.getEmail()).get(0), "/password/reset");
		String token = link.substring(link.indexOf("token=") + 6);
		HttpResponse<String> refused = http.postForm(link, "/password/reset",
				Map.of("token", token, "password", "court"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("au moins 12 caractères");
		HttpResponse<String> accepted = http.postForm(link, "/password/reset",
				Map.of("token", token, "password", NEW_PASSWORD));
		assertThat(accepted.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?reset"));
	}

	private static HttpResponse<String> request(Http http, String email) {
		return http.postForm("/password/forgot", "/password/forgot", Map.of("email", email));
	}

}
