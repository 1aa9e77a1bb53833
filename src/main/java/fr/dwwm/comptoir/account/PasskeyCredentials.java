package fr.dwwm.comptoir.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.PasskeyLimitReached;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The passkeys of the accounts (table {@code passkey}): Spring Security's WebAuthn
 * support reads and writes them through {@link UserCredentialRepository} (registration,
 * and the signature counter after each sign-in); the security page lists, renames and
 * removes an account's own, always by the credential id <em>and</em> the account, so
 * another account's id changes nothing.
 */
@Repository
class PasskeyCredentials implements UserCredentialRepository, PersonalDataContributor {

	/** The longest name a passkey keeps; a longer one is cut. */
	static final int LABEL_MAX_LENGTH = 60;

	/**
	 * Most passkeys an account holds: a phone, a computer, a security key or two, with
	 * room to spare. A bound, so that nobody fills a table with one account's keys, and a
	 * list the owner can still read through.
	 */
	public static final int MAX_PER_ACCOUNT = 10;

	private static final String COLUMNS = """
			p.credential_id, u.user_handle, p.label, p.public_key, p.signature_count, p.uv_initialized,
			p.backup_eligible, p.backup_state, p.transports, p.attestation_object, p.attestation_client_data_json,
			p.created_at, p.last_used_at""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final SecurityNotices notices;

	PasskeyCredentials(JdbcClient jdbc, AuditLog audit, SecurityNotices notices) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.notices = notices;
	}

	@Override
	@Transactional(readOnly = true)
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM passkey p JOIN passkey_user u ON u.account_id = p.account_id
				JOIN account a ON a.id = p.account_id
				WHERE p.credential_id = ? AND a.anonymised_at IS NULL""")
			.param(credentialId.getBytes())
			.query((row, number) -> record(row))
			.optional()
			.orElse(null);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM passkey p JOIN passkey_user u ON u.account_id = p.account_id
				WHERE u.user_handle = ? ORDER BY p.created_at""")
			.param(userId.getBytes())
			.query((row, number) -> record(row))
			.list();
	}

	/**
	 * Registers a new passkey for the account its user handle names (never used yet), or
	 * records a sign-in with one (new signature counter, backup state, date of last use).
	 * An existing credential id of another account is never overwritten.
	 */
	@Override
	@Transactional
	public void save(CredentialRecord credential) {
		Long accountId = this.jdbc.sql("SELECT account_id FROM passkey_user WHERE user_handle = ?")
			.param(credential.getUserEntityUserId().getBytes())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("No account for this user handle"));
		// The account's WebAuthn row, locked: two registrations at once for the last
		// place are counted one after the other.
		this.jdbc.sql("SELECT 1 FROM passkey_user WHERE account_id = ? FOR UPDATE")
			.param(accountId)
			.query()
			.listOfRows();
		boolean known = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM passkey WHERE credential_id = ?)")
			.param(credential.getCredentialId().getBytes())
			.query(Boolean.class)
			.single();
		if (!known && full(accountId)) {
			throw new PasskeyLimitReached(MAX_PER_ACCOUNT);
		}
		String[] transports = credential.getTransports()
			.stream()
			.map(AuthenticatorTransport::getValue)
			.sorted()
			.toArray(String[]::new);
		Boolean inserted = this.jdbc.sql("""
				INSERT INTO passkey (credential_id, account_id, label, public_key, signature_count, uv_initialized,
				                     backup_eligible, backup_state, transports, attestation_object,
				                     attestation_client_data_json, created_at, last_used_at)
				VALUES (:id, :account, :label, :key, :count, :uv, :eligible, :state, :transports, :attestation,
				        :clientData, coalesce(:created, now()), NULL)
				ON CONFLICT (credential_id) DO UPDATE
				SET signature_count = EXCLUDED.signature_count, uv_initialized = EXCLUDED.uv_initialized,
				    backup_state = EXCLUDED.backup_state, last_used_at = coalesce(:lastUsed, now())
				WHERE passkey.account_id = EXCLUDED.account_id
				RETURNING (xmax = 0)""")
			.param("id", credential.getCredentialId().getBytes())
			.param("account", accountId)
			.param("label", label(credential.getLabel()))
			.param("key", credential.getPublicKey().getBytes())
			.param("count", credential.getSignatureCount())
			.param("uv", credential.isUvInitialized())
			.param("eligible", credential.isBackupEligible())
			.param("state", credential.isBackupState())
			.param("transports", transports)
			.param("attestation", bytes(credential.getAttestationObject()))
			.param("clientData", bytes(credential.getAttestationClientDataJSON()))
			.param("created", timestamp(credential.getCreated()))
			.param("lastUsed", timestamp(credential.getLastUsed()))
			.query(Boolean.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("This passkey belongs to another account"));
		if (inserted) {
			this.audit.record("PASSKEY_ADD", AuditLog.Outcome.SUCCESS, accountId, "account:" + accountId,
					Map.of("label", label(credential.getLabel())));
			this.notices.tell(accountId, "passkey-added", label(credential.getLabel()));
		}
	}

	@Override
	@Transactional
	public void delete(Bytes credentialId) {
		this.jdbc.sql("DELETE FROM passkey WHERE credential_id = ?").param(credentialId.getBytes()).update();
	}

	/**
	 * Whether an account holds as many passkeys as it may.
	 * @param accountId the account
	 * @return whether a new one would be refused
	 */
	@Transactional(readOnly = true)
	public boolean full(long accountId) {
		return this.jdbc.sql("SELECT count(*) >= ? FROM passkey WHERE account_id = ?")
			.params(MAX_PER_ACCOUNT, accountId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Lists an account's passkeys, oldest first.
	 * @param accountId the account
	 * @return its passkeys
	 */
	@Transactional(readOnly = true)
	public List<Passkey> of(long accountId) {
		return this.jdbc.sql("""
				SELECT credential_id, label, created_at, last_used_at, backup_eligible FROM passkey
				WHERE account_id = ? ORDER BY created_at, credential_id""")
			.param(accountId)
			.query((row, number) -> new Passkey(new Bytes(row.getBytes(1)).toBase64UrlString(), row.getString(2),
					row.getTimestamp(3).toInstant(), instant(row.getTimestamp(4)), row.getBoolean(5)))
			.list();
	}

	/**
	 * Renames one of an account's passkeys.
	 * @param accountId the account
	 * @param id the passkey's credential id, base64url as the page shows it
	 * @param newLabel the name typed
	 * @return whether the account has such a passkey
	 */
	@Transactional
	public boolean rename(long accountId, String id, String newLabel) {
		Optional<byte[]> credentialId = credentialId(id);
		if (credentialId.isEmpty()) {
			return false;
		}
		String label = label(newLabel);
		Optional<String> before = this.jdbc
			.sql("SELECT label FROM passkey WHERE credential_id = ? AND account_id = ? FOR UPDATE")
			.params(credentialId.get(), accountId)
			.query(String.class)
			.optional();
		if (before.isEmpty()) {
			return false;
		}
		this.jdbc.sql("UPDATE passkey SET label = ? WHERE credential_id = ? AND account_id = ?")
			.params(label, credentialId.get(), accountId)
			.update();
		this.audit.record("PASSKEY_RENAME", AuditLog.Outcome.SUCCESS, accountId, "account:" + accountId,
				Map.of("before", before.get(), "after", label));
		return true;
	}

	/**
	 * Removes one of an account's passkeys.
	 * @param accountId the account
	 * @param id the passkey's credential id, base64url
	 * @return whether the account had such a passkey
	 */
	@Transactional
	public boolean remove(long accountId, String id) {
		Optional<byte[]> credentialId = credentialId(id);
		if (credentialId.isEmpty()) {
			return false;
		}
		Optional<String> label = this.jdbc
			.sql("DELETE FROM passkey WHERE credential_id = ? AND account_id = ? RETURNING label")
			.params(credentialId.get(), accountId)
			.query(String.class)
			.optional();
		label.ifPresent((removed) -> {
			this.audit.record("PASSKEY_REMOVE", AuditLog.Outcome.SUCCESS, accountId, "account:" + accountId,
					Map.of("label", removed));
			this.notices.tell(accountId, "passkey-removed", removed);
		});
		return label.isPresent();
	}

	@Override
	public String section() {
		return "passkeys";
	}

	@Override
	@Transactional(readOnly = true)
	public Object export(Person person) {
		return of(person.accountId()).stream().map((passkey) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", passkey.label());
			entry.put("createdAt", passkey.createdAt().toString());
			entry.put("lastUsedAt", (passkey.lastUsedAt() != null) ? passkey.lastUsedAt().toString() : null);
			return entry;
		}).toList();
	}

	@Override
	public void erase(Person person) {
		this.jdbc.sql("DELETE FROM passkey_user WHERE account_id = ?").param(person.accountId()).update();
	}

	/**
	 * The name a passkey keeps: one line, without control characters, at most
	 * {@value #LABEL_MAX_LENGTH} characters, « Clé d'accès » when nothing is left.
	 * @param typed the name typed
	 * @return the name kept
	 */
	static String label(String typed) {
		String label = (typed != null) ? typed.replaceAll("[\\p{Cntrl}\\p{Z}\\s]+", " ").strip() : "";
		if (label.codePointCount(0, label.length()) > LABEL_MAX_LENGTH) {
			label = label.substring(0, label.offsetByCodePoints(0, LABEL_MAX_LENGTH)).strip();
		}
		return label.isEmpty() ? "Clé d'accès" : label;
	}

	private static Optional<byte[]> credentialId(String id) {
		if (id == null || !id.matches("[A-Za-z0-9_-]{16,1400}")) {
			return Optional.empty();
		}
		try {
			return Optional.of(Bytes.fromBase64(id).getBytes());
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static CredentialRecord record(ResultSet row) throws SQLException {
		Array transports = row.getArray("transports");
		Set<AuthenticatorTransport> transportSet = (transports != null)
				? Arrays.stream((String[]) transports.getArray())
					.map(AuthenticatorTransport::valueOf)
					.collect(Collectors.toSet())
				: Set.of();
		byte[] attestation = row.getBytes("attestation_object");
		byte[] clientData = row.getBytes("attestation_client_data_json");
		return ImmutableCredentialRecord.builder()
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(new Bytes(row.getBytes("credential_id")))
			.userEntityUserId(new Bytes(row.getBytes("user_handle")))
			.publicKey(new ImmutablePublicKeyCose(row.getBytes("public_key")))
			.signatureCount(row.getLong("signature_count"))
			.uvInitialized(row.getBoolean("uv_initialized"))
			.backupEligible(row.getBoolean("backup_eligible"))
			.backupState(row.getBoolean("backup_state"))
			.transports(transportSet)
			.attestationObject((attestation != null) ? new Bytes(attestation) : null)
			.attestationClientDataJSON((clientData != null) ? new Bytes(clientData) : null)
			.created(row.getTimestamp("created_at").toInstant())
			.lastUsed(instant(row.getTimestamp("last_used_at")))
			.label(row.getString("label"))
			.build();
	}

	private static byte[] bytes(Bytes bytes) {
		return (bytes != null) ? bytes.getBytes() : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A passkey as the security page lists it.
	 *
	 * @param id its credential id, base64url
	 * @param label its name
	 * @param createdAt when it was registered
	 * @param lastUsedAt when it last signed in, or {@code null}
	 * @param synced whether the authenticator may copy it to the person's other devices
	 */
	public record Passkey(String id, String label, Instant createdAt, Instant lastUsedAt, boolean synced) {
	}

}
