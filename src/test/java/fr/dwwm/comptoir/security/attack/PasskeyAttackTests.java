package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.account.TestPasskeys;
import fr.dwwm.comptoir.security.Totp;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on passkeys. A passkey is a way into an account that lasts, so the attacker's
 * goal is to add one: with a staff password alone (second factor not yet proved), with a
 * session left open (password not typed again), or by replaying the confirmation for
 * another account; or to rename or remove someone else's by naming its id (as is, percent
 * encoded, with a path parameter, through Spring Security's own {@code DELETE} URL); or
 * to sign in with a forged answer; or to add more than an account may hold, two at once.
 * None may change anything nor give a 500.
 */
@IntegrationTest
class PasskeyAttackTests {

	/** What an account may hold (PasskeyCredentials). */
	private static final int MAX_PASSKEYS = 10;

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UserCredentialRepository credentials;

	@Test
	void aStaffPasswordAloneCannotAddAPasskeyThatWouldSkipTheSecondFactor() {
		Account editor = this.accounts.create(Role.EDITOR, Totp.newSecret());
		Http attacker = new Http(this.port);
		attacker.login(editor.getEmail(), TestAccounts.PASSWORD);
		String token = attacker.csrfToken("/login/second-factor");
		attacker.submit("POST", "/account/security/passkeys/confirm",
				Map.of("current", TestAccounts.PASSWORD, "_csrf", token));

		HttpResponse<String> options = attacker.sendJson("POST", "/webauthn/register/options", null, token);

		assertThat(options.statusCode()).isEqualTo(403);
		assertThat(options.body()).doesNotContain("challenge");
		assertThat(passkeyUsers(editor.getId())).isZero();
	}

	@Test
	void aSignedInSessionMustTypeThePasswordAgainForItsOwnAccountBeforeAddingAPasskey() {
		Account customer = this.accounts.customer();
		Http session = new Http(this.port);
		session.login(customer.getEmail(), TestAccounts.PASSWORD);
		String token = session.csrfToken("/account/security");

		assertThat(session.sendJson("POST", "/webauthn/register/options", null, token).statusCode())
			.as("no password typed again")
			.isEqualTo(403);
		assertThat(session
			.submit("POST", "/account/security/passkeys/confirm", Map.of("current", "wrong password", "_csrf", token))
			.statusCode()).isEqualTo(403);
		assertThat(session.sendJson("POST", "/webauthn/register/options", null, token).statusCode())
			.as("a wrong password")
			.isEqualTo(403);

		assertThat(session
			.submit("POST", "/account/security/passkeys/confirm",
					Map.of("current", TestAccounts.PASSWORD, "_csrf", token))
			.statusCode()).isEqualTo(204);
		HttpResponse<String> options = session.sendJson("POST", "/webauthn/register/options", null, token);
		assertThat(options.statusCode()).isEqualTo(200);
		assertThat(options.body()).contains("\"challenge\"", "\"residentKey\":\"required\"",
				"\"userVerification\":\"required\"");
		assertThat(options.body()).as("the user handle is random, never the address nor the id")
			.doesNotContain(customer.getEmail().split("@")[0] + "\"", "\"id\":\"" + customer.getId() + "\"");

		HttpResponse<String> forged = session.sendJson("POST", "/webauthn/register",
				"{\"publicKey\":{\"label\":\"Clé\",\"credential\":{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\","
						+ "\"response\":{\"attestationObject\":\"AAAA\",\"clientDataJSON\":\"AAAA\",\"transports\":[]},"
						+ "\"clientExtensionResults\":{}}}}",
				token);
		assertThat(forged.statusCode()).as("a forged attestation").isEqualTo(400);
		assertThat(session.sendJson("POST", "/webauthn/register", "{not json", token).statusCode()).isEqualTo(400);

		// Another account signs in on the same browser: the confirmation was not theirs.
		Account other = this.accounts.customer();
		session.login(other.getEmail(), TestAccounts.PASSWORD);
		String otherToken = session.csrfToken("/account/security");
		assertThat(session.sendJson("POST", "/webauthn/register/options", null, otherToken).statusCode())
			.isEqualTo(403);
		assertThat(passkeys(customer.getId()) + passkeys(other.getId())).isZero();
	}

	@Test
	void anotherAccountsPasskeyCannotBeRenamedNorRemovedWhateverTheSpellingOfItsId() {
		Account victim = this.accounts.customer();
		String id = TestPasskeys.stored(this.jdbc, victim.getId(), "Téléphone de la victime");
		Account attacker = this.accounts.customer();
		Http session = new Http(this.port);
		session.login(attacker.getEmail(), TestAccounts.PASSWORD);

		for (String spelling : new String[] { id, Http.encode(id), id + ";x=1", id.replace("-", "%2D") }) {
			HttpResponse<String> rename = session.postForm("/account/security",
					"/account/security/passkeys/" + spelling + "/rename", Map.of("label", "Volée"));
			assertThat(rename.statusCode()).isNotEqualTo(500);
			HttpResponse<String> remove = session.postForm("/account/security",
					"/account/security/passkeys/" + spelling + "/delete", Map.of());
			assertThat(remove.statusCode()).isNotEqualTo(500);
		}
		for (String hostile : new String[] { "x", "%00", "'+OR+1=1--", "A".repeat(5000) }) {
			assertThat(
					session.postForm("/account/security", "/account/security/passkeys/" + hostile + "/delete", Map.of())
						.statusCode())
				.isNotEqualTo(500);
		}
		String token = session.csrfToken("/account/security");
		assertThat(session.sendJson("DELETE", "/webauthn/register/" + id, null, token).statusCode())
			.as("Spring Security's removal URL is not served")
			.isEqualTo(404);
		assertThat(
				session.postFormAndFollow("/account/security", "/account/security/passkeys/" + id + "/delete", Map.of())
					.body())
			.contains("Cette clé d&#39;accès n&#39;existe pas dans votre compte");

		assertThat(this.jdbc.sql("SELECT label FROM passkey WHERE account_id = ?")
			.param(victim.getId())
			.query(String.class)
			.list()).containsExactly("Téléphone de la victime");
	}

	@Test
	void aForgedOrReplayedPasskeySignInIsRefusedWithout500() {
		Account customer = this.accounts.customer();
		String id = TestPasskeys.stored(this.jdbc, customer.getId(), "Ordinateur");
		Http visitor = new Http(this.port);
		String token = visitor.csrfToken("/login");
		String assertion = "{\"id\":\"" + id + "\",\"rawId\":\"" + id + "\",\"type\":\"public-key\","
				+ "\"response\":{\"authenticatorData\":\"AAAA\",\"clientDataJSON\":\"AAAA\",\"signature\":\"AAAA\"},"
				+ "\"clientExtensionResults\":{}}";

		assertThat(visitor.sendJson("POST", "/login/webauthn", assertion, token).statusCode())
			.as("no challenge asked first")
			.isEqualTo(401);
		HttpResponse<String> options = visitor.sendJson("POST", "/webauthn/authenticate/options", null, token);
		assertThat(options.statusCode()).isEqualTo(200);
		assertThat(options.body()).contains("\"userVerification\":\"required\"");
		assertThat(visitor.sendJson("POST", "/login/webauthn", assertion, token).statusCode())
			.as("a signature that is not one")
			.isEqualTo(401);
		assertThat(visitor.sendJson("POST", "/login/webauthn", assertion, token).statusCode())
			.as("the challenge is used once")
			.isEqualTo(401);
		assertThat(visitor.sendJson("POST", "/login/webauthn", "{not json", token).statusCode()).isEqualTo(401);
		assertThat(visitor.get("/account").statusCode()).as("still a visitor").isEqualTo(302);
	}

	/** A passkey stored as a registration would store it (the key itself is random). */
	@Test
	void anAccountWithTenPasskeysGetsNoEleventhNeitherByItsPageNorByTwoRegistrationsAtOnce() throws Exception {
		Account customer = this.accounts.customer();
		for (int key = 1; key <= MAX_PASSKEYS - 1; key++) {
			TestPasskeys.stored(this.jdbc, customer.getId(), "Clé " + key);
		}
		byte[] handle = TestPasskeys.userHandle(this.jdbc, customer.getId());
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<Boolean>> saves = new java.util.ArrayList<>();
		for (int attempt = 0; attempt < 2; attempt++) {
			saves.add(pool.submit(() -> {
				start.await();
				try {
					this.credentials.save(TestPasskeys.credential(handle, TestPasskeys.randomBytes(), 0, "Onzième"));
					return true;
				}
				catch (RuntimeException refused) {
					return false;
				}
			}));
		}
		start.countDown();
		int saved = 0;
		for (java.util.concurrent.Future<Boolean> save : saves) {
			saved += save.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(saved).as("two registrations at once for the last place").isEqualTo(1);
		assertThat(passkeys(customer.getId())).isEqualTo(MAX_PASSKEYS);

		Http session = new Http(this.port);
		session.login(customer.getEmail(), TestAccounts.PASSWORD);
		Document page = Jsoup.parse(session.get("/account/security").body());
		assertThat(page.select("[data-passkey-register]")).as("no form to add one").isEmpty();
		assertThat(page.select("[data-passkey-limit]").text())
			.isEqualTo("Vous avez atteint le maximum de 10 clés d'accès : retirez-en une pour en ajouter une autre.");
		String token = session.csrfToken("/account/security");
		assertThat(session
			.submit("POST", "/account/security/passkeys/confirm",
					Map.of("current", TestAccounts.PASSWORD, "_csrf", token))
			.statusCode()).as("the right password, but no room").isEqualTo(409);
		assertThat(session.sendJson("POST", "/webauthn/register/options", null, token).statusCode()).isEqualTo(403);
		assertThat(passkeys(customer.getId())).isEqualTo(MAX_PASSKEYS);
	}

	private int passkeys(long accountId) {
		return this.jdbc.sql("SELECT count(*) FROM passkey WHERE account_id = ?")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

	private int passkeyUsers(long accountId) {
		return this.jdbc.sql("SELECT count(*) FROM passkey_user WHERE account_id = ?")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

}
