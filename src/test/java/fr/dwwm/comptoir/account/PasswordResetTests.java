package fr.dwwm.comptoir.account;

import java.net.http.HttpResponse;
import java.util.Map;

import fr.dwwm.comptoir.mail.OutboxSender;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

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

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private OneTimeTokens tokens;

	@Autowired
	private OutboxSender sender;

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

	@Test
	void aSentLinkIsErasedFromTheOutboxAndExpiredTokensArePurged() {
		request(new Http(this.port), this.account.getEmail());
		assertThat(this.mailbox.to(this.account.getEmail())).hasSize(1);
		assertThat(this.jdbc.sql("SELECT body_text || body_html FROM mail_outbox WHERE recipient = :email")
			.param("email", this.account.getEmail())
			.query(String.class)
			.single()).as("the content of a sent mail is erased").isEmpty();

		this.jdbc.sql("""
				UPDATE one_time_token SET created_at = now() - interval '3 days', expires_at = now() - interval '2 days'
				WHERE account_id = :account""").param("account", this.account.getId()).update();
		this.jdbc.sql("UPDATE mail_outbox SET sent_at = now() - interval '31 days' WHERE recipient = :email")
			.param("email", this.account.getEmail())
			.update();
		assertThat(this.tokens.purge()).isPositive();
		assertThat(this.sender.purge()).isPositive();
		assertThat(this.jdbc.sql("SELECT count(*) FROM one_time_token WHERE account_id = :account")
			.param("account", this.account.getId())
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :email")
			.param("email", this.account.getEmail())
			.query(Integer.class)
			.single()).isZero();
	}

	private static HttpResponse<String> request(Http http, String email) {
		return http.postForm("/password/forgot", "/password/forgot", Map.of("email", email));
	}

}
