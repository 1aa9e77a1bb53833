package fr.dwwm.comptoir.account;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import fr.dwwm.comptoir.mail.DemoMailbox;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A passkey opens the account without the password: its owner is told by mail whenever
 * one is added or removed (C04), as when the authenticator app changes, so that a key
 * added by someone who had the session and the password does not go unnoticed.
 */
@IntegrationTest
class PasskeyNoticesTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasskeyCredentials passkeys;

	@Autowired
	private Mailbox mailbox;

	@Test
	void theOwnerIsToldOfAPasskeyAddedAndRemovedButNotOfEachSignInWithIt() {
		Account owner = this.accounts.customer();
		byte[] handle = random();
		this.jdbc.sql("INSERT INTO passkey_user (account_id, user_handle) VALUES (?, ?)")
			.params(owner.getId(), handle)
			.update();
		byte[] credentialId = random();

		this.passkeys.save(credential(handle, credentialId, 0));
		DemoMailbox.ReceivedMail added = this.mailbox.to(owner.getEmail()).get(0);
		assertThat(added.subject()).isEqualTo("Une clé d'accès a été ajoutée à votre compte");
		assertThat(added.text()).contains("« Téléphone de Camille »", "/password/forgot");

		this.passkeys.save(credential(handle, credentialId, 1));
		assertThat(this.mailbox.to(owner.getEmail())).as("a sign-in updates the key's counter, and sends nothing")
			.hasSize(1);

		this.passkeys.remove(owner.getId(), Base64.getUrlEncoder().withoutPadding().encodeToString(credentialId));
		DemoMailbox.ReceivedMail removed = this.mailbox.to(owner.getEmail()).get(0);
		assertThat(removed.subject()).isEqualTo("Une clé d'accès a été retirée de votre compte");
		assertThat(removed.text()).contains("« Téléphone de Camille »");
	}

	private static ImmutableCredentialRecord credential(byte[] handle, byte[] credentialId, long signatureCount) {
		return ImmutableCredentialRecord.builder()
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(new Bytes(credentialId))
			.userEntityUserId(new Bytes(handle))
			.publicKey(new ImmutablePublicKeyCose(new byte[77]))
			.signatureCount(signatureCount)
			.uvInitialized(true)
			.backupEligible(true)
			.backupState(true)
			.transports(Set.of())
			.created(Instant.now())
			.lastUsed(Instant.now())
			.label("Téléphone de Camille")
			.build();
	}

	private static byte[] random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
