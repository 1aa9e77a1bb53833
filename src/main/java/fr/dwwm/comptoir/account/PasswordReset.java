package fr.dwwm.comptoir.account;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.mail.MailOutbox;
import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.system.PublicUrl;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot your password?" (ANSSI PG-078, OWASP ASVS 6.4): the same answer whether or not
 * the address has an account; a single-use link valid {@value #VALIDITY_MINUTES} minutes;
 * every open session of the account ends once the password is changed; the person is told
 * by e-mail. The second factor, when there is one, is still asked at the next login.
 */
@Service
public class PasswordReset {

	static final int VALIDITY_MINUTES = 15;

	private final AccountRepository accounts;

	private final OneTimeTokens tokens;

	private final PasswordChange passwordChange;

	private final MailOutbox mails;

	private final AuditLog audit;

	private final SecondFactor secondFactor;

	private final PublicUrl publicUrl;

	PasswordReset(AccountRepository accounts, OneTimeTokens tokens, PasswordChange passwordChange, MailOutbox mails,
			AuditLog audit, SecondFactor secondFactor, PublicUrl publicUrl) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwordChange = passwordChange;
		this.mails = mails;
		this.audit = audit;
		this.secondFactor = secondFactor;
		this.publicUrl = publicUrl;
	}

	/**
	 * Sends a reset link if the address belongs to an active account; otherwise sends
	 * nothing. The caller answers the same in both cases, and both take the same time:
	 * for an unknown address the token is drawn, hashed and written nowhere, and the mail
	 * rendered and dropped, so that the clock does not tell an attacker which addresses
	 * have an account ({@code EnumerationTimingAttackTests} prints the durations).
	 * @param email the address typed
	 * @param locale the visitor's language
	 */
	@Transactional
	public void request(String email, Locale locale) {
		Optional<Account> account = this.accounts.findByEmail(Account.normaliseEmail(email))
			.filter((candidate) -> candidate.getAnonymisedAt() == null && candidate.isEnabled());
		Duration validity = Duration.ofMinutes(VALIDITY_MINUTES);
		String token = account.isPresent()
				? this.tokens.issue(account.get().getId(), OneTimeTokens.Purpose.PASSWORD_RESET, validity)
				: this.tokens.issueToNobody(OneTimeTokens.Purpose.PASSWORD_RESET, validity);
		Map<String, Object> mail = Map.of("name", account.map(Account::displayName).orElse(""), "link",
				this.publicUrl.link("/password/reset?token=" + token), "minutes", VALIDITY_MINUTES);
		if (account.isPresent()) {
			this.mails.enqueue(account.get().getEmail(), "password-reset", mail, locale);
		}
		else {
			this.mails.renderOnly("password-reset", mail, locale);
		}
		this.audit.record("PASSWORD_RESET_REQUEST", AuditLog.Outcome.SUCCESS, account.map(Account::getId).orElse(null),
				null, Map.of("known", account.isPresent()));
	}

	/**
	 * Tells whether a reset link still works (to show or not the form).
	 * @param token the token from the link
	 * @return whether it is valid
	 */
	public boolean isValid(String token) {
		return this.tokens.isValid(token, OneTimeTokens.Purpose.PASSWORD_RESET);
	}

	/**
	 * Sets a new password with a reset link. The password is checked before the link is
	 * consumed, so that a refused password does not waste the link.
	 * @param token the token from the link
	 * @param password the new password
	 * @param locale the visitor's language
	 * @return the rules the password breaks, or the single problem
	 * {@code reset.invalid-link}
	 */
	@Transactional
	public List<String> reset(String token, String password, Locale locale) {
		if (!isValid(token)) {
			return List.of("reset.invalid-link");
		}
		Long accountId = this.tokens.consume(token, OneTimeTokens.Purpose.PASSWORD_RESET).orElseThrow();
		List<String> problems = this.passwordChange.problems(accountId, password);
		if (!problems.isEmpty()) {
			throw new RefusedPassword(problems);
		}
		this.passwordChange.apply(accountId, password, null, "PASSWORD_RESET", locale);
		// Whoever locked the second factor with wrong codes knew the old password: the
		// owner, who proved their mailbox and chose a new one, gets the factor back.
		this.secondFactor.unlock(accountId);
		return List.of();
	}

	/**
	 * Thrown when the new password breaks a rule; it rolls the transaction back, so the
	 * link is not consumed.
	 */
	public static class RefusedPassword extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient List<String> problems;

		RefusedPassword(List<String> problems) {
			super("Password refused: " + problems);
			this.problems = List.copyOf(problems);
		}

		/**
		 * Returns the broken rules.
		 * @return message keys
		 */
		public List<String> problems() {
			return this.problems;
		}

	}

}
