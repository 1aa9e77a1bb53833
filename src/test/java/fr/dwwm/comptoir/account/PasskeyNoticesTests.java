package fr.dwwm.comptoir.account;

import java.util.Base64;

import fr.dwwm.comptoir.mail.DemoMailbox;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A passkey opens the account without the password: its owner is told by mail whenever
 * one is added or removed (C04), as when the authenticator app changes, so that a key
 * added by someone who had the session and the password does not go unnoticed.
 */
@IntegrationTest
class PasskeyNoticesTests {

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
		byte[] handle = TestPasskeys.userHandle(this.jdbc, owner.getId());
		byte[] credentialId = TestPasskeys.randomBytes();

		this.passkeys.save(TestPasskeys.credential(handle, credentialId, 0, "Téléphone de Camille"));
		DemoMailbox.ReceivedMail added = this.mailbox.to(owner.getEmail()).get(0);
		assertThat(added.subject()).isEqualTo("Une clé d'accès a été ajoutée à votre compte");
		assertThat(added.text()).contains("« Téléphone de Camille »", "/password/forgot");

		this.passkeys.save(TestPasskeys.credential(handle, credentialId, 1, "Téléphone de Camille"));
		assertThat(this.mailbox.to(owner.getEmail())).as("a sign-in updates the key's counter, and sends nothing")
			.hasSize(1);

		this.passkeys.remove(owner.getId(), Base64.getUrlEncoder().withoutPadding().encodeToString(credentialId));
		DemoMailbox.ReceivedMail removed = this.mailbox.to(owner.getEmail()).get(0);
		assertThat(removed.subject()).isEqualTo("Une clé d'accès a été retirée de votre compte");
		assertThat(removed.text()).contains("« Téléphone de Camille »");
	}

}
