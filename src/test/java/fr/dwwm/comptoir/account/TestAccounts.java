package fr.dwwm.comptoir.account;

import java.time.Instant;
import java.util.UUID;

import fr.dwwm.comptoir.security.SecretBox;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates activated accounts for a test, each with its own address, so that tests never
 * share an account.
 */
public final class TestAccounts {

	/** The password of every test account. */
	public static final String PASSWORD = "Une-phrase-de-passe-de-test-2026";

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final SecretBox secrets;

	private final TransactionTemplate transaction;

	public TestAccounts(AccountRepository accounts, PasswordEncoder passwordEncoder, SecretBox secrets,
			TransactionTemplate transaction) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.secrets = secrets;
		this.transaction = transaction;
	}

	/**
	 * The Argon2id hash of {@link #PASSWORD}, computed once: every test account shares it
	 * (and its salt). Each hash costs about 19 MiB and a tenth of a second of processor,
	 * and the tests create a few hundred accounts; signing in still verifies the hash
	 * with the shop's own encoder every time.
	 */
	private String passwordHash() {
		String hash = this.passwordHash;
		if (hash == null) {
			hash = this.passwordEncoder.encode(PASSWORD);
			this.passwordHash = hash;
		}
		return hash;
	}

	private volatile String passwordHash;

	/**
	 * Creates an activated customer.
	 * @return the account
	 */
	public Account customer() {
		return create(Role.CUSTOMER, null);
	}

	/**
	 * Creates an activated account of a role, with an authenticator secret when given.
	 * @param role the role
	 * @param totpSecret a Base32 secret, or {@code null}
	 * @return the account
	 */
	public Account create(Role role, String totpSecret) {
		return create(role, totpSecret, null);
	}

	/**
	 * Creates an activated account of a role whose password was set at a given moment.
	 * @param role the role
	 * @param totpSecret a Base32 secret, or {@code null}
	 * @param passwordChangedAt when its password was last set, or {@code null} for none
	 * recorded
	 * @return the account
	 */
	public Account create(Role role, String totpSecret, Instant passwordChangedAt) {
		return this.transaction.execute((status) -> {
			String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@exemple.test";
			Account account = new Account(email, passwordHash(), role);
			account.setFirstName("Test");
			account.setLastName(role.name().substring(0, 1) + role.name().substring(1).toLowerCase());
			account.setEmailVerifiedAt(Instant.now());
			account.setPasswordChangedAt(passwordChangedAt);
			if (totpSecret != null) {
				account.setTotpSecret(this.secrets.seal(totpSecret));
				account.setMfaEnabledAt(Instant.now());
			}
			return this.accounts.save(account);
		});
	}

	/**
	 * The signed-in user an account becomes, for MockMvc requests.
	 * @param account the account
	 * @return its principal, with its role's authorities
	 */
	public static ShopUser principal(Account account) {
		return AccountUserDetailsService.principal(account);
	}

}
