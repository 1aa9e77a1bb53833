package fr.dwwm.comptoir.security;

import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No password, token or session id ever reaches the logs (ANSSI PA-012, OWASP ASVS
 * 16.2.5): canary secrets go through registration, verification, login, a wrong login and
 * a password reset, then the captured output is searched for them.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTests {

	private static final String CANARY_PASSWORD = "Canari-Jaune-Mot-De-Passe-7781";

	private static final String CANARY_NEW_PASSWORD = "Canari-Bleu-Nouveau-Secret-9923";

	@LocalServerPort
	private int port;

	@Autowired
	private Mailbox mailbox;

	@Test
	void canarySecretsNeverReachTheLogs(CapturedOutput output) {
		String email = "journal-" + UUID.randomUUID() + "@exemple.test";
		Http http = new Http(this.port);
		http.postForm("/register", "/register", Map.of("email", email, "firstName", "Jeanne", "lastName", "Dupont",
				"password", CANARY_PASSWORD, "privacyAccepted", "true"));
		String verification = Mailbox.link(this.mailbox.to(email).get(0), "/register/confirm");
		http.get(verification);
		http.login(email, "Mauvais-" + CANARY_PASSWORD);
		http.login(CANARY_PASSWORD, CANARY_PASSWORD);
		http.login(email, CANARY_PASSWORD);
		String session = http.cookie("COMPTOIR_SESSION");
		http.postForm("/password/forgot", "/password/forgot", Map.of("email", email));
		// Both mails may arrive within the same second: pick the reset one by its link.
		String reset = Mailbox.link(this.mailbox.to(email)
			.stream()
			.filter((mail) -> mail.text().contains("/password/reset"))
			.findFirst()
			.orElseThrow(), "/password/reset");
		http.postForm(reset, "/password/reset",
				Map.of("token", reset.substring(reset.indexOf("token=") + 6), "password", CANARY_NEW_PASSWORD));
		Http signedIn = new Http(this.port);
		signedIn.login(email, CANARY_NEW_PASSWORD);
		String newEmail = "journal-nouvelle-" + UUID.randomUUID() + "@exemple.test";
		signedIn.postForm("/account/email", "/account/email",
				Map.of("email", newEmail, "current", "Mauvais-" + CANARY_NEW_PASSWORD));
		signedIn.postForm("/account/email", "/account/email",
				Map.of("email", newEmail, "current", CANARY_NEW_PASSWORD));
		String change = Mailbox.link(this.mailbox.to(newEmail).get(0), "/account/email/confirm");
		signedIn.get(change);
		assertThat(signedIn.postForm(change, "/account/email/confirm", Map.of("token", Mailbox.token(change)))
			.headers()
			.firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?email-changed"));

		String logs = output.getAll();
		assertThat(logs).contains("audit action=LOGIN");
		assertThat(logs).doesNotContain(CANARY_PASSWORD)
			.doesNotContain(CANARY_NEW_PASSWORD)
			.doesNotContain(verification.substring(verification.indexOf("token=") + 6))
			.doesNotContain(reset.substring(reset.indexOf("token=") + 6))
			.doesNotContain(Mailbox.token(change))
			.doesNotContain(session);
	}

	@Test
	void aLineBreakInALoginCannotForgeALogLine() {
		assertThat(AuditLog.oneLine("client@exemple.test\r\n2026-01-01 INFO audit action=LOGIN outcome=SUCCESS"))
			.doesNotContain("\n")
			.doesNotContain("\r");
	}

}
