package fr.dwwm.comptoir.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.dwwm.comptoir.mail.MailOutbox;
import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.PasswordPolicy;
import fr.dwwm.comptoir.security.UserSessions;
import fr.dwwm.comptoir.system.PublicUrl;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new password for an account, the same way whichever screen asks for it (the security
 * page, with the current password; the reset link, with a mailed token): checked by
 * {@link PasswordPolicy}, stored as an Argon2id hash, the account's other sessions ended,
 * the owner told by mail, the change audited.
 */
@Service
class PasswordChange {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final UserSessions sessions;

	private final MailOutbox mails;

	private final AuditLog audit;

	private final Clock clock;

	private final PublicUrl publicUrl;

	private final ApiTokens apiTokens;

	PasswordChange(AccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy policy,
			UserSessions sessions, MailOutbox mails, AuditLog audit, Clock clock, PublicUrl publicUrl,
			ApiTokens apiTokens) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.sessions = sessions;
		this.mails = mails;
		this.audit = audit;
		this.clock = clock;
		this.publicUrl = publicUrl;
		this.apiTokens = apiTokens;
	}

	/**
	 * The rules a new password would break for an account.
	 * @param accountId the account
	 * @param password the new password
	 * @return the message keys of the broken rules, empty when it is accepted
	 */
	@Transactional(readOnly = true)
	List<String> problems(long accountId, String password) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		return this.policy.problems(password, account.getRole().isStaff(), account.getEmail(), account.getFirstName(),
				account.getLastName());
	}

	/**
	 * Sets a new password, in the caller's transaction.
	 * @param accountId the account
	 * @param password the new password, accepted by {@link #problems} just before
	 * @param keptSession the session to keep open (the one asking), or {@code null} to
	 * end them all and revoke the account's API tokens (a reset: nobody is signed in, and
	 * whoever knew the former password may have made tokens; a signed-in owner who
	 * changes it sees their tokens on the same page and keeps them)
	 * @param action the audit action ({@code PASSWORD_CHANGE}, {@code PASSWORD_RESET})
	 * @param locale the language of the mail
	 * @return how many sessions were ended
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int apply(long accountId, String password, String keptSession, String action, Locale locale) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		account.setPasswordHash(this.passwordEncoder.encode(password));
		account.setPasswordChangedAt(Instant.now(this.clock));
		int ended = this.sessions.endAllBut(account.getEmail(), keptSession);
		int tokensRevoked = (keptSession == null) ? this.apiTokens.revokeAll(accountId) : 0;
		this.mails.enqueue(account.getEmail(), "password-changed", Map.of("name", account.displayName(), "resetUrl",
				this.publicUrl.link("/password/forgot"), "tokensRevoked", tokensRevoked), locale);
		this.audit.record(action, AuditLog.Outcome.SUCCESS, accountId, "account:" + accountId,
				Map.of("sessionsEnded", ended, "apiTokensRevoked", tokensRevoked));
		return ended;
	}

	/**
	 * Checks then sets a new password for a signed-in account, in one transaction.
	 * @param accountId the account
	 * @param password the new password
	 * @param keptSession the session asking, kept open
	 * @param locale the language of the mail
	 * @return the message keys of the broken rules, empty when the password was changed
	 */
	@Transactional
	List<String> change(long accountId, String password, String keptSession, Locale locale) {
		List<String> problems = problems(accountId, password);
		if (problems.isEmpty()) {
			apply(accountId, password, keptSession, "PASSWORD_CHANGE", locale);
		}
		return problems;
	}

}
