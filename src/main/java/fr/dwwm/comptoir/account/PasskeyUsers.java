package fr.dwwm.comptoir.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The WebAuthn identity of each account that registered a passkey, for Spring Security's
 * WebAuthn support: a random « user handle » (table {@code passkey_user}) with the
 * account's current e-mail address as its name. The name is read from the account at
 * every call, so a changed address changes nothing for the passkeys.
 */
@Repository
class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

	private final JdbcClient jdbc;

	PasskeyUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		return this.jdbc.sql("""
				SELECT u.user_handle, a.email, a.first_name, a.last_name FROM passkey_user u
				JOIN account a ON a.id = u.account_id
				WHERE u.user_handle = ? AND a.anonymised_at IS NULL""")
			.param(id.getBytes())
			.query((row, number) -> entity(row.getBytes(1), row.getString(2), row.getString(3), row.getString(4)))
			.optional()
			.orElse(null);
	}

	@Override
	@Transactional(readOnly = true)
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		return this.jdbc.sql("""
				SELECT u.user_handle, a.email, a.first_name, a.last_name FROM passkey_user u
				JOIN account a ON a.id = u.account_id
				WHERE a.email = ? AND a.anonymised_at IS NULL""")
			.param(Account.normaliseEmail(username))
			.query((row, number) -> entity(row.getBytes(1), row.getString(2), row.getString(3), row.getString(4)))
			.optional()
			.orElse(null);
	}

	/**
	 * Gives the account named by the entity its user handle, once: Spring Security calls
	 * it when an account asks for its first passkey.
	 */
	@Override
	@Transactional
	public void save(PublicKeyCredentialUserEntity entity) {
		this.jdbc.sql("""
				INSERT INTO passkey_user (account_id, user_handle)
				SELECT id, ? FROM account WHERE email = ? AND anonymised_at IS NULL
				ON CONFLICT (account_id) DO NOTHING""")
			.params(entity.getId().getBytes(), Account.normaliseEmail(entity.getName()))
			.update();
	}

	@Override
	@Transactional
	public void delete(Bytes id) {
		this.jdbc.sql("DELETE FROM passkey_user WHERE user_handle = ?").param(id.getBytes()).update();
	}

	private static PublicKeyCredentialUserEntity entity(byte[] handle, String email, String firstName,
			String lastName) {
		String fullName = ((firstName != null ? firstName : "") + " " + (lastName != null ? lastName : "")).strip();
		return ImmutablePublicKeyCredentialUserEntity.builder()
			.id(new Bytes(handle))
			.name(email)
			.displayName(fullName.isEmpty() ? email : fullName)
			.build();
	}

}
