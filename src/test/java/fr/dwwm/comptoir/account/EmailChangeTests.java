package fr.dwwm.comptoir.account;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.mail.DemoMailbox;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing the address an account signs in with (RG70): asked with the password, proved
 * by a link sent to the new address and opened in the account's own session, announced to
 * the former address; then the former address's links stop working and every session
 * ends.
 */
@IntegrationTest
class EmailChangeTests {

	@LocalServerPort
	private int port;

	@Autowired
	private Mailbox mailbox;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PersonalData personalData;

	private Account account;

	private String newEmail;

	@BeforeEach
	void anAccountAndAFreeAddress() {
		this.account = this.accounts.customer();
		this.newEmail = "nouvelle-" + UUID.randomUUID() + "@exemple.test";
	}

	@Test
	void theAddressChangesOnlyOnceTheLinkSentToItIsOpenedThenEverySessionEndsAndTheFormerAddressIsTold() {
		Http otherDevice = new Http(this.port);
		otherDevice.login(this.account.getEmail(), TestAccounts.PASSWORD);
		new Http(this.port).postForm("/password/forgot", "/password/forgot", Map.of("email", this.account.getEmail()));
		String resetLink = Mailbox.link(this.mailbox.to(this.account.getEmail()).get(0), "/password/reset");
		Http browser = signedIn();
		assertThat(browser.get("/account/profile").body()).contains(this.account.getEmail(), "/account/email");

		HttpResponse<String> asked = browser.postFormAndFollow("/account/email", "/account/email",
				Map.of("email", "  " + this.newEmail.toUpperCase() + " ", "current", TestAccounts.PASSWORD));
		assertThat(asked.body()).contains("data-email-sent", this.newEmail, "24 heures");
		assertThat(emailOf(this.account)).as("nothing changes before the link is opened")
			.isEqualTo(this.account.getEmail());
		DemoMailbox.ReceivedMail proof = this.mailbox.to(this.newEmail).get(0);
		assertThat(proof.subject()).isEqualTo("Confirmez votre nouvelle adresse e-mail");
		String link = Mailbox.link(proof, "/account/email/confirm");

		assertThat(browser.get(link).body()).as("opening the link changes nothing by itself (mail scanners open links)")
			.contains(this.newEmail, "Confirmer la nouvelle adresse");
		assertThat(browser.get(link).body()).contains(this.newEmail);
		HttpResponse<String> confirmed = browser.postForm(link, "/account/email/confirm",
				Map.of("token", Mailbox.token(link)));
		assertThat(confirmed.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?email-changed"));

		assertThat(emailOf(this.account)).isEqualTo(this.newEmail);
		assertThat(browser.get("/account").statusCode()).as("this session has ended").isEqualTo(302);
		assertThat(otherDevice.get("/account").statusCode()).as("the other session has ended").isEqualTo(302);
		assertThat(new Http(this.port).get("/login?email-changed").body())
			.contains("Votre adresse e-mail a été changée : connectez-vous avec la nouvelle.");
		assertThat(location(new Http(this.port).login(this.account.getEmail(), TestAccounts.PASSWORD)))
			.endsWith("/login?error");
		assertThat(location(new Http(this.port).login(this.newEmail, TestAccounts.PASSWORD))).doesNotContain("error");
		DemoMailbox.ReceivedMail notice = this.mailbox.to(this.account.getEmail()).get(0);
		assertThat(notice.subject()).isEqualTo("L'adresse e-mail de votre compte a été changée");
		assertThat(notice.text()).contains(this.newEmail, "/contact");
		assertThat(new Http(this.port).get(resetLink).body())
			.as("a reset link sent to the former address no longer works")
			.contains("plus valable");
	}

	@Test
	void aWrongPasswordTheSameAddressOrAMalformedOneIsRefusedOnTheFormAndSendsNothing() {
		Http browser = signedIn();
		HttpResponse<String> wrongPassword = browser.postForm("/account/email", "/account/email",
				Map.of("email", this.newEmail, "current", "Pas-le-bon-mot-de-passe"));
		assertThat(wrongPassword.statusCode()).isEqualTo(200);
		assertThat(wrongPassword.body()).contains("Le mot de passe actuel est incorrect.", this.newEmail)
			.doesNotContain("Pas-le-bon-mot-de-passe");
		HttpResponse<String> same = browser.postForm("/account/email", "/account/email",
				Map.of("email", this.account.getEmail().toUpperCase(), "current", TestAccounts.PASSWORD));
		assertThat(Jsoup.parse(same.body()).text()).contains("C'est déjà l'adresse de votre compte.");
		HttpResponse<String> malformed = browser.postForm("/account/email", "/account/email",
				Map.of("email", "pas-une-adresse", "current", TestAccounts.PASSWORD));
		assertThat(malformed.body()).contains("Saisissez une adresse e-mail valide");
		HttpResponse<String> tooLong = browser.postForm("/account/email", "/account/email",
				Map.of("email", "a".repeat(250) + "@exemple.test", "current", TestAccounts.PASSWORD));
		assertThat(tooLong.statusCode()).isEqualTo(200);
		assertThat(tooLong.body()).contains("Le formulaire contient des erreurs");
		assertThat(this.mailbox.to(this.newEmail)).isEmpty();
		assertThat(pendingChanges(this.account)).isZero();
		assertThat(emailOf(this.account)).isEqualTo(this.account.getEmail());
	}

	@Test
	void fiveWrongPasswordsOnTheAddressFormThrottleTheLoginToo() {
		Http browser = signedIn();
		for (int attempt = 0; attempt < 5; attempt++) {
			browser.postForm("/account/email", "/account/email",
					Map.of("email", this.newEmail, "current", "Pas-le-bon-" + attempt));
		}
		HttpResponse<String> rightPassword = browser.postForm("/account/email", "/account/email",
				Map.of("email", this.newEmail, "current", TestAccounts.PASSWORD));
		assertThat(rightPassword.body()).contains("Le mot de passe actuel est incorrect.");
		assertThat(this.mailbox.to(this.newEmail)).isEmpty();
		assertThat(location(new Http(this.port).login(this.account.getEmail(), TestAccounts.PASSWORD)))
			.endsWith("/login?error");
	}

	@Test
	void anAddressThatAlreadyHasAnAccountGetsTheSameAnswerAndItsOwnerIsToldNothingChanged() {
		Account other = this.accounts.customer();
		Http browser = signedIn();
		HttpResponse<String> taken = browser.postFormAndFollow("/account/email", "/account/email",
				Map.of("email", other.getEmail(), "current", TestAccounts.PASSWORD));
		HttpResponse<String> free = browser.postFormAndFollow("/account/email", "/account/email",
				Map.of("email", this.newEmail, "current", TestAccounts.PASSWORD));
		assertThat(sentMessage(taken).replace(other.getEmail(), "ADDRESS"))
			.as("the page does not tell which address has an account")
			.isEqualTo(sentMessage(free).replace(this.newEmail, "ADDRESS"))
			.contains("ADDRESS");
		DemoMailbox.ReceivedMail warning = this.mailbox.to(other.getEmail()).get(0);
		assertThat(warning.subject()).isEqualTo("Votre adresse a été proposée pour un autre compte");
		assertThat(warning.text()).doesNotContain("/account/email/confirm");
		assertThat(emailOf(other)).isEqualTo(other.getEmail());
		assertThat(pendingChanges(this.account)).as("only the free address has a link").isEqualTo(1);
	}

	@Test
	void anAddressTakenByAnotherAccountBeforeTheLinkIsOpenedIsRefusedAndTheLinkStaysUsable() {
		Http browser = signedIn();
		browser.postForm("/account/email", "/account/email",
				Map.of("email", this.newEmail, "current", TestAccounts.PASSWORD));
		String link = Mailbox.link(this.mailbox.to(this.newEmail).get(0), "/account/email/confirm");
		this.jdbc.sql("UPDATE account SET email = :email WHERE id = :id")
			.param("email", this.newEmail)
			.param("id", this.accounts.customer().getId())
			.update();

		HttpResponse<String> refused = browser.postForm(link, "/account/email/confirm",
				Map.of("token", Mailbox.token(link)));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(refused.body()).select("[data-address-taken]").text())
			.contains("Cette adresse est désormais celle d'un autre compte");
		assertThat(emailOf(this.account)).isEqualTo(this.account.getEmail());
		assertThat(browser.get("/account").statusCode()).as("the session goes on").isEqualTo(200);
		assertThat(pendingChanges(this.account)).as("the link is not used up").isEqualTo(1);
	}

	@Test
	void theAddressesAnAccountLeftStayItsOwnForItsDataRightsAndAreListedUntilItTakesOneBackOrIsErased() {
		String first = this.account.getEmail();
		change(signedIn(), this.newEmail);
		Http browser = new Http(this.port);
		browser.login(this.newEmail, TestAccounts.PASSWORD);
		assertThat(this.personalData.person(this.account.getId()).provedEmails())
			.as("its guest orders with the former address stay its own (C24)")
			.containsExactly(this.newEmail, first);
		assertThat(browser.postForm("/account/data", "/account/data/export", Map.of("password", TestAccounts.PASSWORD))
			.body()).contains("\"formerEmails\":[\"" + first + "\"]");

		change(browser, first);
		assertThat(this.personalData.person(this.account.getId()).provedEmails())
			.as("an address taken back is its current one, each address once")
			.containsExactly(first, this.newEmail);
		assertThat(this.personalData.export(this.account.getId()).get("account")).asString()
			.as("an address taken back is no longer listed as a former one")
			.contains("formerEmails=[" + this.newEmail + "]");

		this.personalData.erase(this.account.getId());
		assertThat(this.jdbc.sql("SELECT count(*) FROM account_former_email WHERE account_id = :id")
			.param("id", this.account.getId())
			.query(Integer.class)
			.single()).as("erased with the account").isZero();
	}

	/**
	 * Changes the address of the account a browser is signed in to, by the form and the
	 * mailed link, as its owner does.
	 */
	private void change(Http browser, String to) {
		assertThat(browser.changeEmail(to, TestAccounts.PASSWORD, this.mailbox)).endsWith("/login?email-changed");
	}

	private Http signedIn() {
		Http browser = new Http(this.port);
		browser.login(this.account.getEmail(), TestAccounts.PASSWORD);
		return browser;
	}

	private String emailOf(Account owner) {
		return this.jdbc.sql("SELECT email FROM account WHERE id = :id")
			.param("id", owner.getId())
			.query(String.class)
			.single();
	}

	private int pendingChanges(Account owner) {
		return this.jdbc.sql("""
				SELECT count(*) FROM one_time_token
				WHERE account_id = :id AND purpose = 'EMAIL_CHANGE' AND used_at IS NULL""")
			.param("id", owner.getId())
			.query(Integer.class)
			.single();
	}

	private static String sentMessage(HttpResponse<String> page) {
		return Jsoup.parse(page.body()).select("[data-email-sent]").text();
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

}
