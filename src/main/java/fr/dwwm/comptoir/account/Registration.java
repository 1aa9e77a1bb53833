package fr.dwwm.comptoir.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.mail.MailOutbox;
import fr.dwwm.comptoir.module.api.ShopEvent;
import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.system.PublicUrl;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating a customer account and proving its e-mail address.
 *
 * <p>
 * Whether the address is new or already taken, the visitor sees the same page and an
 * e-mail goes to that address: a verification link for a new account, a warning for an
 * existing one. Nobody can find out from the form which addresses have an account (OWASP
 * ASVS 6.3.8), nor from the time it takes: the password is hashed in both cases
 * ({@code EnumerationTimingAttackTests} prints the durations).
 */
@Service
public class Registration {

	/** How long a verification link works. */
	static final Duration VERIFICATION_VALIDITY = Duration.ofHours(24);

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final OneTimeTokens tokens;

	private final MailOutbox mails;

	private final AuditLog audit;

	private final PublicUrl publicUrl;

	private final ApplicationEventPublisher events;

	Registration(AccountRepository accounts, PasswordEncoder passwordEncoder, OneTimeTokens tokens, MailOutbox mails,
			AuditLog audit, PublicUrl publicUrl, ApplicationEventPublisher events) {
		this.events = events;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.tokens = tokens;
		this.mails = mails;
		this.audit = audit;
		this.publicUrl = publicUrl;
	}

	/**
	 * Registers a customer, or warns the owner of an existing account.
	 * @param form the validated form
	 * @param locale the visitor's language
	 */
	@Transactional
	public void register(RegistrationForm form, Locale locale) {
		String email = Account.normaliseEmail(form.getEmail());
		// Hashed whatever the address: Argon2 is most of the work of a registration (tens
		// of milliseconds, on purpose), and hashing only for a new address would tell an
		// attacker by the clock which addresses have an account.
		String passwordHash = this.passwordEncoder.encode(form.getPassword());
		Optional<Account> existing = this.accounts.findByEmail(email);
		if (existing.isPresent()) {
			this.mails.enqueue(email, "account-exists", Map.of("loginUrl", this.publicUrl.link("/login"), "resetUrl",
					this.publicUrl.link("/password/forgot")), locale);
			this.audit.record("REGISTER", AuditLog.Outcome.FAILURE, null, null, Map.of("reason", "address taken"));
			return;
		}
		Account account = new Account(email, passwordHash, Role.CUSTOMER);
		account.setFirstName(form.getFirstName().strip());
		account.setLastName(form.getLastName().strip());
		account.setPreferredLocale(locale.getLanguage().equals("en") ? "en" : "fr");
		account.setPasswordChangedAt(Instant.now());
		this.accounts.save(account);
		sendVerification(account, locale);
		this.audit.record("REGISTER", AuditLog.Outcome.SUCCESS, account.getId(), "account:" + account.getId(),
				Map.of());
		this.events.publishEvent(new ShopEvent.CustomerRegistered(account.getId()));
	}

	/**
	 * Sends a new verification link to an account not yet activated; does nothing (but
	 * the same) for any other address.
	 * @param email the address typed
	 * @param locale the visitor's language
	 */
	@Transactional
	public void resendVerification(String email, Locale locale) {
		this.accounts.findByEmail(Account.normaliseEmail(email))
			.filter((account) -> account.getEmailVerifiedAt() == null && account.getAnonymisedAt() == null)
			.ifPresent((account) -> sendVerification(account, locale));
	}

	/**
	 * Activates the account a verification link belongs to.
	 * @param token the token from the link
	 * @return whether the link was valid
	 */
	@Transactional
	public boolean confirm(String token) {
		Optional<Long> accountId = this.tokens.consume(token, OneTimeTokens.Purpose.EMAIL_VERIFICATION);
		accountId.flatMap(this.accounts::findById).ifPresent((account) -> {
			account.setEmailVerifiedAt(Instant.now());
			this.audit.record("EMAIL_VERIFIED", AuditLog.Outcome.SUCCESS, account.getId(), "account:" + account.getId(),
					Map.of());
		});
		return accountId.isPresent();
	}

	private void sendVerification(Account account, Locale locale) {
		String token = this.tokens.issue(account.getId(), OneTimeTokens.Purpose.EMAIL_VERIFICATION,
				VERIFICATION_VALIDITY);
		this.mails.enqueue(account.getEmail(), "email-verification",
				Map.of("name", account.displayName(), "link", this.publicUrl.link("/register/confirm?token=" + token)),
				locale);
	}

}
