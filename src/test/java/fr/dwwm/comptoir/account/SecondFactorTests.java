package fr.dwwm.comptoir.account;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import fr.dwwm.comptoir.security.Totp;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff need a second factor (ANSSI PG-078 R1, OWASP ASVS 6.3.3): the back-office refuses
 * a session that only proved a password.
 */
@IntegrationTest
class SecondFactorTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private MockMvc mvc;

	@Test
	void anAdministratorWithOnlyAPasswordGetsNoAdminPageButIsSentToSignInWithAFactor() throws Exception {
		// Spring Security 7 answers a missing factor by the page that proves one: the
		// login
		// page, where a passkey is offered (a real password-only session is held on the
		// second-factor page before, by SessionLifetimeFilter).
		String location = this.mvc.perform(get("/admin").with(user("admin@exemple.test").roles("ADMIN")))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/login?").contains("factor.type=totp", "factor.type=webauthn");
	}

	@Test
	void afterItsPasswordAStaffSessionCanOnlyReachTheSecondFactorPage() {
		String secret = Totp.newSecret();
		Account admin = this.accounts.create(Role.ADMIN, secret);
		Http http = new Http(this.port);
		assertThat(http.login(admin.getEmail(), TestAccounts.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login/second-factor"));
		for (String path : new String[] { "/admin", "/account", "/" }) {
			assertThat(http.get(path).headers().firstValue("Location")).as(path)
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/login/second-factor"));
		}
		HttpResponse<String> verified = http.postForm("/login/second-factor", "/login/second-factor",
				Map.of("code", Totp.code(secret, Totp.stepAt(Instant.now()), 6)));
		assertThat(verified.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/admin"));
		HttpResponse<String> page = http.get("/admin");
		assertThat(page.statusCode()).as(page.headers().map().toString()).isEqualTo(200);
	}

	@Test
	void aCodeWorksOnlyOnceAndAWrongOneIsRefused() {
		String secret = Totp.newSecret();
		Account editor = this.accounts.create(Role.EDITOR, secret);
		String code = Totp.code(secret, Totp.stepAt(Instant.now()), 6);

		Http first = new Http(this.port);
		first.login(editor.getEmail(), TestAccounts.PASSWORD);
		first.postForm("/login/second-factor", "/login/second-factor", Map.of("code", code));
		assertThat(first.get("/admin").statusCode()).isEqualTo(200);

		Http replay = new Http(this.port);
		replay.login(editor.getEmail(), TestAccounts.PASSWORD);
		HttpResponse<String> replayed = replay.postForm("/login/second-factor", "/login/second-factor",
				Map.of("code", code));
		assertThat(replayed.statusCode()).isEqualTo(200);
		assertThat(replayed.body()).contains("pas valable");
		assertThat(replay.get("/admin").statusCode()).isEqualTo(302);
	}

	@Test
	void aStaffMemberWithoutAnAppSetsOneUpAndGetsRecoveryCodes() {
		Account editor = this.accounts.create(Role.EDITOR, null);
		Http http = new Http(this.port);
		http.login(editor.getEmail(), TestAccounts.PASSWORD);
		HttpResponse<String> setup = http.get("/login/second-factor");
		assertThat(setup.body()).contains("qr.svg");
		String secret = setup.body().replaceAll("(?s).*class=\"totp-secret\">([A-Z2-7 ]+)<.*", "$1").replace(" ", "");
		assertThat(http.get("/login/second-factor/qr.svg").body()).startsWith("<svg");

		HttpResponse<String> done = http.postForm("/login/second-factor", "/login/second-factor/setup",
				Map.of("code", Totp.code(secret, Totp.stepAt(Instant.now()), 6)));
		assertThat(done.body()).containsPattern("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}");
		assertThat(http.get("/admin").statusCode()).isEqualTo(200);

		String recovery = done.body().replaceAll("(?s).*<code>([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2})</code>.*", "$1");
		Http lostPhone = new Http(this.port);
		lostPhone.login(editor.getEmail(), TestAccounts.PASSWORD);
		lostPhone.postForm("/login/second-factor", "/login/second-factor", Map.of("code", recovery));
		assertThat(lostPhone.get("/admin").statusCode()).as("a recovery code replaces the app once").isEqualTo(200);
		Http again = new Http(this.port);
		again.login(editor.getEmail(), TestAccounts.PASSWORD);
		again.postForm("/login/second-factor", "/login/second-factor", Map.of("code", recovery));
		assertThat(again.get("/admin").statusCode()).isEqualTo(302);
	}

	@Test
	void aCustomerGetsForbiddenOnTheBackOffice() throws Exception {
		this.mvc.perform(get("/admin").with(user("client@exemple.test").roles("CUSTOMER")))
			.andExpect(status().isForbidden());
	}

}
