package fr.dwwm.comptoir.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.mail.MailOutbox;
import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.UserSessions;
import fr.dwwm.comptoir.system.PublicUrl;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new login address for an account (OWASP ASVS 6.3.7 and 6.4): asked for with the
 * password typed again, proved by a single-use link sent to the new address and opened
 * while signed in to the same account, announced to the former address.
 *
 * <p>
 * Proving the link in the account's own session means that a mistyped address cannot hand
 * the account to the stranger who receives the link: they cannot open it without the
 * account's password. An address that already has an account gets a mail saying so, and
 * the person asking sees the same page as for a free one (no address is revealed, ASVS
 * 6.3.8). Once changed, the links sent to the former address stop working and every
 * session of the account ends: it signs in again with the new address.
 */
@Service
public class EmailChange {

	/** How long the link sent to the new address works. */
	static final Duration VALIDITY = Duration.ofHours(24);

	private final AccountRepository accounts;

	private final OneTimeTokens tokens;

	private final MailOutbox mails;

	private final UserSessions sessions;

	private final AuditLog audit;

	private final PublicUrl publicUrl;

	private final Clock clock;

	private final FormerEmails formerEmails;

	EmailChange(AccountRepository accounts, OneTimeTokens tokens, MailOutbox mails, UserSessions sessions,
			AuditLog audit, PublicUrl publicUrl, Clock clock, FormerEmails formerEmails) {
		this.formerEmails = formerEmails;
		this.accounts = accounts;
		this.tokens = tokens;
		this.mails = mails;
		this.sessions = sessions;
		this.audit = audit;
		this.publicUrl = publicUrl;
		this.clock = clock;
	}

	/**
	 * Sends the proof link to the new address, or, when that address already has an
	 * account, a mail telling its owner that nothing changed. The caller has checked the
	 * password and that the address is not the account's own.
	 * @param accountId the signed-in account
	 * @param newEmail the address asked for
	 * @param locale the language of the mail
	 */
	@Transactional
	void request(long accountId, String newEmail, Locale locale) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		String email = Account.normaliseEmail(newEmail);
		boolean taken = this.accounts.findByEmail(email).isPresent();
		if (taken) {
			this.mails.enqueue(email, "email-change-taken", Map.of("loginUrl", this.publicUrl.link("/login"),
					"resetUrl", this.publicUrl.link("/password/forgot")), locale);
		}
		else {
			String token = this.tokens.issueEmailChange(accountId, email, VALIDITY);
			this.mails.enqueue(email, "email-change", Map.of("name", account.displayName(), "link",
					this.publicUrl.link("/account/email/confirm?token=" + token)), locale);
		}
		this.audit.record("EMAIL_CHANGE_REQUEST", AuditLog.Outcome.SUCCESS, accountId, "account:" + accountId,
				Map.of("addressFree", !taken));
	}

	/**
	 * The address a link would give the signed-in account, without using the link.
	 * @param token the token from the link
	 * @param accountId the signed-in account
	 * @return the new address, if the link is valid for this account
	 */
	Optional<String> pending(String token, long accountId) {
		return this.tokens.pendingEmailChange(token, accountId);
	}

	/**
	 * Gives the signed-in account the address its link proves: the former address is
	 * told, the links sent to it stop working, and every session of the account ends.
	 * When the address was taken meanwhile, nothing changes and the link stays usable.
	 * @param token the token from the link
	 * @param accountId the signed-in account
	 * @return whether the address changed; {@code false} when the link is unknown, used,
	 * expired, or another account's
	 * @throws AddressTaken when another account took the address meanwhile
	 */
	@Transactional
	boolean confirm(String token, long accountId) {
		Optional<String> newEmail = this.tokens.consumeEmailChange(token, accountId);
		if (newEmail.isEmpty()) {
			this.audit.record("EMAIL_CHANGE", AuditLog.Outcome.FAILURE, accountId, "account:" + accountId,
					Map.of("reason", "invalid link"));
			return false;
		}
		Account account = this.accounts.findById(accountId).orElseThrow();
		String formerEmail = account.getEmail();
		if (this.accounts.findByEmail(newEmail.get()).isPresent()) {
			throw new AddressTaken();
		}
		this.formerEmails.leave(account);
		account.changeEmail(newEmail.get(), Instant.now(this.clock));
		try {
			// Now, not at commit: a second account confirming the same address at the
			// same moment waits on the unique index here, and fails here.
			this.accounts.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw new AddressTaken();
		}
		this.tokens.revokeAll(accountId);
		this.mails.enqueue(
				formerEmail, "email-changed", Map.of("name", account.displayName(), "newEmail", newEmail.get(),
						"contactUrl", this.publicUrl.link("/contact")),
				Locale.forLanguageTag(account.getPreferredLocale()));
		int ended = this.sessions.endAllBut(formerEmail, null);
		this.audit.record("EMAIL_CHANGE", AuditLog.Outcome.SUCCESS, accountId, "account:" + accountId,
				Map.of("sessionsEnded", ended));
		return true;
	}

	/**
	 * Thrown when the address proved was taken by another account meanwhile; it rolls the
	 * transaction back, so the link is not consumed.
	 */
	static class AddressTaken extends RuntimeException {

		private static final long serialVersionUID = 1L;

		AddressTaken() {
			super("The address was taken by another account");
		}

	}

}
