package fr.dwwm.comptoir.security;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input refused by the rules a form or a JSON body declares is logged (C17, ASVS 16.3.3):
 * what was sent where, which fields broke which rule, by which account and from which
 * address, on one line, and never the values themselves (a password, an address).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ValidationFailureLogTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Test
	void aFormRefusedByItsRulesIsLoggedWithItsFieldsAndRulesButNotWithWhatWasTyped(CapturedOutput output) {
		String canary = "Canari-" + UUID.randomUUID();
		Http visitor = new Http(this.port);
		HttpResponse<String> page = visitor.postForm("/register", "/register", Map.of("email",
				"pas-une-adresse-" + canary, "firstName", "", "lastName", "Dupont", "password", canary + "-Secret"));
		assertThat(page.statusCode()).isEqualTo(200);

		String line = lineAbout(output, "POST /register");
		assertThat(line).contains(" form [", "email:Email", "firstName:NotBlank", "account=anonymous", "ip=127.0.0.1");
		assertThat(output.getAll()).as("nothing typed reaches the log").doesNotContain(canary);
	}

	@Test
	void aRefusalAnsweredByARedirectIsLoggedWithTheAccountThatSentIt(CapturedOutput output) {
		Account customer = this.accounts.customer();
		Http http = new Http(this.port);
		http.login(customer.getEmail(), TestAccounts.PASSWORD);
		HttpResponse<String> answer = http.submit("POST", "/cart/lines",
				Map.of("_csrf", http.csrfToken("/cart"), "variantId", "douze", "quantity", "0"));
		assertThat(answer.statusCode()).isEqualTo(302);

		assertThat(lineAbout(output, "POST /cart/lines")).contains("variantId:typeMismatch", "quantity:Min",
				"account=" + customer.getId());
		assertThat(output.getAll()).doesNotContain("douze");
	}

	@Test
	void aJsonBodyRefusedByItsRulesIsLoggedToo(CapturedOutput output) {
		Http visitor = new Http(this.port);
		String csrf = visitor.csrfToken("/cart");
		HttpResponse<String> answer = visitor.sendJson("POST", "/api/v1/cart/lines", "{\"quantity\": 1000}", csrf);
		assertThat(answer.statusCode()).isEqualTo(422);

		assertThat(lineAbout(output, "POST /api/v1/cart/lines")).contains("variantId:NotNull", "quantity:Max");
	}

	@Test
	void aRefusalTheControllerAddsAfterTheDeclaredRulesIsOnTheSameLine(CapturedOutput output) {
		Http visitor = new Http(this.port);
		String email = "refus-" + UUID.randomUUID() + "@example.test";
		HttpResponse<String> page = visitor.postForm("/register", "/register", Map.of("email", email, "firstName", "",
				"lastName", "Dupont", "password", "court", "privacyAccepted", "true"));
		assertThat(page.statusCode()).isEqualTo(200);

		assertThat(lineAbout(output, "POST /register")).as("the password policy's refusal, added by the controller")
			.contains("firstName:NotBlank", "password:password.too-short");
		assertThat(output.getAll()).doesNotContain(email);
	}

	@Test
	void aProductTheStaffApiRefusesIsLoggedWithTheAccountThatSentIt(CapturedOutput output) {
		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		String csrf = editor.http().csrfToken("/admin");
		HttpResponse<String> answer = editor.http().sendJson("POST", "/api/v1/admin/products", """
				{"name":" ","sku":"REFUS-1","summary":"Un bol","description":"Un bol.","priceCents":-5,
				 "vatRate":"20.00","categoryId":1}""", csrf);
		assertThat(answer.statusCode()).isEqualTo(422);

		assertThat(lineAbout(output, "POST /api/v1/admin/products")).contains("name:NotBlank",
				"account=" + editor.account().getId());
	}

	private static String lineAbout(CapturedOutput output, String request) {
		return output.getAll()
			.lines()
			.filter((line) -> line.contains("Input refused by validation: " + request + " "))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("no validation failure logged for " + request));
	}

}
