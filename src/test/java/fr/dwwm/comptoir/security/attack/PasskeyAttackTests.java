package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.security.Totp;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on passkeys. A passkey is a way into an account that lasts, so the attacker's
 * goal is to add one: with a staff password alone (second factor not yet proved), with a
 * session left open (password not typed again), or by replaying the confirmation for
 * another account; or to rename or remove someone else's by naming its id (as is, percent
 * encoded, with a path parameter, through Spring Security's own {@code DELETE} URL); or
 * to sign in with a forged answer. None may change anything nor give a 500.
 */
@IntegrationTest
class PasskeyAttackTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

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
		String id = passkeyOf(victim.getId(), "Téléphone de la victime");
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
		String id = passkeyOf(customer.getId(), "Ordinateur");
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
	private String passkeyOf(long accountId, String label) {
		byte[] handle = new byte[32];
		RANDOM.nextBytes(handle);
		byte[] credentialId = new byte[32];
		RANDOM.nextBytes(credentialId);
		this.jdbc.sql("INSERT INTO passkey_user (account_id, user_handle) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(accountId, handle)
			.update();
		this.jdbc.sql("""
				INSERT INTO passkey (credential_id, account_id, label, public_key, signature_count, uv_initialized,
				                     backup_eligible, backup_state, created_at)
				VALUES (?, ?, ?, ?, 0, true, true, true, ?)""")
			.params(credentialId, accountId, label, new byte[77], java.sql.Timestamp.from(Instant.now()))
			.update();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(credentialId);
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
