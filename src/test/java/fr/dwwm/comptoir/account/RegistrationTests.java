package fr.dwwm.comptoir.account;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.mail.DemoMailbox;
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
 * Registration with e-mail verification, as a visitor goes through it over HTTP.
 */
@IntegrationTest
class RegistrationTests {

	private static final String PASSWORD = "Tartine-beurre-sale-42";

	@LocalServerPort
	private int port;

	@Autowired
	private Mailbox mailbox;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestAccounts accounts;

	private Http http;

	private String email;

	@BeforeEach
	void newVisitor() {
		this.http = new Http(this.port);
		this.email = "inscription-" + UUID.randomUUID() + "@exemple.test";
	}

	@Test
	void aNewCustomerConfirmsTheirAddressThenLogsIn() {
		assertThat(register(this.email).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/register/sent"));
		assertThat(this.http.login(this.email, PASSWORD).headers().firstValue("Location"))
			.as("an account whose address is not confirmed cannot log in")
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?unverified"));

		DemoMailbox.ReceivedMail mail = this.mailbox.to(this.email).get(0);
		assertThat(mail.subject()).isEqualTo("Confirmez votre adresse e-mail");
		String link = Mailbox.link(mail, "/register/confirm");
		assertThat(this.http.get(link).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?verified"));
		assertThat(this.http.get(link).headers().firstValue("Location")).as("the link works only once")
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?invalid-link"));

		assertThat(this.http.login(this.email, PASSWORD).headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).doesNotContain("error").doesNotContain("unverified"));
		assertThat(this.http.get("/account").statusCode()).isEqualTo(200);
	}

	@Test
	void registeringWithATakenAddressLooksTheSameAndWarnsItsOwner() {
		Account existing = this.accounts.customer();
		HttpResponse<String> taken = register(existing.getEmail());
		HttpResponse<String> fresh = register(this.email);
		assertThat(taken.statusCode()).isEqualTo(fresh.statusCode());
		assertThat(taken.headers().firstValue("Location")).isEqualTo(fresh.headers().firstValue("Location"));
		assertThat(this.mailbox.to(existing.getEmail())).extracting(DemoMailbox.ReceivedMail::subject)
			.contains("Tentative d'inscription avec votre adresse");
	}

	@Test
	void anExpiredVerificationLinkIsRefused() {
		register(this.email);
		String link = Mailbox.link(this.mailbox.to(this.email).get(0), "/register/confirm");
		String token = link.substring(link.indexOf("token=") + 6);
		this.jdbc.sql(
				"UPDATE one_time_token SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE token_hash = :hash")
			.param("hash", OneTimeTokens.hash(token))
			.update();
		assertThat(this.http.get(link).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?invalid-link"));
	}

	@Test
	void aWeakPasswordIsRefusedWithAClearMessageAndNoAccountIsCreated() {
		HttpResponse<String> response = this.http.postForm("/register", "/register", Map.of("email", this.email,
				"firstName", "Alice", "lastName", "Durand", "password", "motdepasse2026", "privacyAccepted", "true"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("plus courants").contains("aria-invalid=\"true\"");
		assertThat(this.jdbc.sql("SELECT count(*) FROM account WHERE email = :email")
			.param("email", this.email)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void missingFieldsAreReportedNextToThem() {
		HttpResponse<String> response = this.http.postForm("/register", "/register",
				Map.of("email", "pas-une-adresse", "firstName", "", "lastName", "", "password", ""));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Saisissez une adresse e-mail valide")
			.contains("Saisissez votre prénom")
			.contains("Vous devez accepter la politique de confidentialité");
	}

	private HttpResponse<String> register(String address) {
		return this.http.postForm("/register", "/register", Map.of("email", address, "firstName", "Alice", "lastName",
				"Durand", "password", PASSWORD, "privacyAccepted", "true"));
	}

}
