package fr.dwwm.comptoir.account;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A person who can log in: a customer or a member of staff.
 *
 * <p>
 * The e-mail address is the login and is stored in lower case. The password is only ever
 * stored as an Argon2id hash.
 *
 * <p>
 * Updated column by column ({@link DynamicUpdate}): the second factor's columns are also
 * written in SQL by {@link SecondFactor} (its failure count, the last code used), and a
 * profile or password saved at the same moment must not write back the values it read.
 */
@Entity
@DynamicUpdate
@Table(name = "account")
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	private String passwordHash;

	private String firstName;

	private String lastName;

	private String phone;

	/**
	 * Written when the account is created, never by an update: the application role has
	 * no right on this column, roles change through {@link AccountRoles} (V13).
	 */
	@Enumerated(EnumType.STRING)
	@Column(name = "role_code", updatable = false)
	private Role role = Role.CUSTOMER;

	private String preferredLocale = "fr";

	private boolean enabled = true;

	private Instant emailVerifiedAt;

	private String totpSecret;

	private Long totpLastStep;

	private Instant mfaEnabledAt;

	private Instant passwordChangedAt;

	private Instant lastLoginAt;

	private Instant anonymisedAt;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	@Version
	private int version;

	protected Account() {
	}

	/**
	 * Creates an account.
	 * @param email the login, any case
	 * @param passwordHash the encoded password
	 * @param role the role
	 */
	public Account(String email, String passwordHash, Role role) {
		this.email = normaliseEmail(email);
		this.passwordHash = passwordHash;
		this.role = role;
	}

	/**
	 * Normalises an e-mail address the way accounts store it.
	 * @param email an address as typed
	 * @return the trimmed, lower-case address
	 */
	public static String normaliseEmail(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
	}

	public Long getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	/**
	 * Gives the account a new login address, proved by its owner at this moment.
	 * @param email the new address, any case
	 * @param provedAt when the link sent to it was opened
	 */
	void changeEmail(String email, Instant provedAt) {
		this.email = normaliseEmail(email);
		this.emailVerifiedAt = provedAt;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public void setPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	public String getFirstName() {
		return this.firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = lastName;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public Role getRole() {
		return this.role;
	}

	public String getPreferredLocale() {
		return this.preferredLocale;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Instant getEmailVerifiedAt() {
		return this.emailVerifiedAt;
	}

	public void setEmailVerifiedAt(Instant emailVerifiedAt) {
		this.emailVerifiedAt = emailVerifiedAt;
	}

	public String getTotpSecret() {
		return this.totpSecret;
	}

	public Instant getMfaEnabledAt() {
		return this.mfaEnabledAt;
	}

	public void setPreferredLocale(String preferredLocale) {
		this.preferredLocale = preferredLocale;
	}

	public void setTotpSecret(String totpSecret) {
		this.totpSecret = totpSecret;
	}

	public Long getTotpLastStep() {
		return this.totpLastStep;
	}

	public void setMfaEnabledAt(Instant mfaEnabledAt) {
		this.mfaEnabledAt = mfaEnabledAt;
	}

	public Instant getPasswordChangedAt() {
		return this.passwordChangedAt;
	}

	public void setPasswordChangedAt(Instant passwordChangedAt) {
		this.passwordChangedAt = passwordChangedAt;
	}

	/**
	 * Erases every personal datum of the account (GDPR art. 17): it can no longer log in
	 * and nothing in it identifies the person. The row stays so that orders keep a valid
	 * reference for accounting.
	 * @param now the time of the erasure
	 */
	public void anonymise(Instant now) {
		this.email = null;
		this.passwordHash = null;
		this.firstName = null;
		this.lastName = null;
		this.phone = null;
		this.totpSecret = null;
		this.totpLastStep = null;
		this.mfaEnabledAt = null;
		this.enabled = false;
		this.anonymisedAt = now;
	}

	/**
	 * Returns the name to greet the person with.
	 * @return first name, or the e-mail address without one
	 */
	public String displayName() {
		return (this.firstName != null) ? this.firstName : this.email;
	}

	public Instant getLastLoginAt() {
		return this.lastLoginAt;
	}

	public Instant getAnonymisedAt() {
		return this.anonymisedAt;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public int getVersion() {
		return this.version;
	}

}
