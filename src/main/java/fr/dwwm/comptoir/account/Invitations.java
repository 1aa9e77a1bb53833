package fr.dwwm.comptoir.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.RandomTokens;
import fr.dwwm.comptoir.system.PublicUrl;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts are invited, never handed a password (ANSSI: no default or shared
 * password, not even for the first administrator). An invitation creates the account with
 * a password nobody knows (the hash of 256 random bits, thrown away) and a one-time link;
 * following it, the person chooses their password, which also proves their mailbox, then
 * signs in and enrols their second factor, which every staff account must have before it
 * reaches the back office.
 *
 * <p>
 * An invitation by an administrator is mailed and lasts {@value #MAILED_HOURS} hours; the
 * first administrator's, printed by {@link FirstAdministrator} on the server's console,
 * lasts {@value #PRINTED_MINUTES} minutes. A link works once; inviting the same person
 * again invalidates the earlier link.
 */
@Service
public class Invitations {

	/** How long a mailed invitation works. */
	static final int MAILED_HOURS = 72;

	/** How long the first administrator's printed invitation works. */
	static final int PRINTED_MINUTES = 60;

	private final AccountRepository accounts;

	private final OneTimeTokens tokens;

	private final PasswordEncoder passwordEncoder;

	private final PasswordChange passwordChange;

	private final AuditLog audit;

	private final Clock clock;

	private final PublicUrl publicUrl;

	Invitations(AccountRepository accounts, OneTimeTokens tokens, PasswordEncoder passwordEncoder,
			PasswordChange passwordChange, AuditLog audit, Clock clock, PublicUrl publicUrl) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
		this.passwordChange = passwordChange;
		this.audit = audit;
		this.clock = clock;
		this.publicUrl = publicUrl;
	}

	/**
	 * Creates a staff account and its invitation link.
	 * @param email the person's address
	 * @param firstName their first name
	 * @param lastName their last name
	 * @param role {@code EDITOR} or {@code ADMIN}
	 * @param actorId the administrator inviting, or {@code null} for the first one
	 * @param validity how long the link works
	 * @return the new account and its link
	 * @throws IllegalArgumentException when the role is not a staff role, or an account
	 * already uses the address
	 */
	@Transactional
	Invitation invite(String email, String firstName, String lastName, Role role, Long actorId, Duration validity) {
		if (!role.isStaff()) {
			throw new IllegalArgumentException("Only staff are invited");
		}
		String address = Account.normaliseEmail(email);
		if (this.accounts.findByEmail(address).isPresent()) {
			throw new IllegalArgumentException("An account already uses " + address);
		}
		Account account = new Account(address,
				this.passwordEncoder.encode(RandomTokens.urlSafe(RandomTokens.SECRET_BYTES)), role);
		account.setFirstName(firstName);
		account.setLastName(lastName);
		account = this.accounts.save(account);
		String token = this.tokens.issue(account.getId(), OneTimeTokens.Purpose.INVITATION, validity);
		this.audit.record("STAFF_INVITE", AuditLog.Outcome.SUCCESS, actorId, "account:" + account.getId(),
				Map.of("role", role.name(), "hours", validity.toHours()));
		return new Invitation(account, link(token), validity);
	}

	/**
	 * Issues a new link for an account invited earlier that never followed its link (it
	 * expired, or the mail was lost); the earlier link stops working.
	 * @param accountId the account
	 * @param actorId the administrator asking
	 * @return the account and its new link, or empty if it already chose a password
	 */
	@Transactional
	Optional<Invitation> renew(long accountId, long actorId) {
		Optional<Account> account = this.accounts.findById(accountId)
			.filter((candidate) -> candidate.getRole().isStaff() && candidate.getEmailVerifiedAt() == null
					&& candidate.getAnonymisedAt() == null);
		return account.map((invited) -> {
			Duration validity = Duration.ofHours(MAILED_HOURS);
			String token = this.tokens.issue(invited.getId(), OneTimeTokens.Purpose.INVITATION, validity);
			this.audit.record("STAFF_INVITE", AuditLog.Outcome.SUCCESS, actorId, "account:" + invited.getId(),
					Map.of("role", invited.getRole().name(), "renewed", true));
			return new Invitation(invited, link(token), validity);
		});
	}

	/**
	 * Tells whether an invitation link still works (to show or not the form).
	 * @param token the token from the link
	 * @return whether it is valid
	 */
	public boolean isValid(String token) {
		return this.tokens.isValid(token, OneTimeTokens.Purpose.INVITATION);
	}

	/**
	 * Sets the first password of an invited account with its link, which proves the
	 * address too. The password is checked before the link is consumed: a refused
	 * password does not waste the link.
	 * @param token the token from the link
	 * @param password the chosen password
	 * @return the rules the password breaks, or the single problem
	 * {@code invitation.invalid-link}; empty when done
	 */
	@Transactional
	public List<String> accept(String token, String password) {
		if (!isValid(token)) {
			return List.of("invitation.invalid-link");
		}
		Long accountId = this.tokens.consume(token, OneTimeTokens.Purpose.INVITATION).orElseThrow();
		List<String> problems = this.passwordChange.problems(accountId, password);
		if (!problems.isEmpty()) {
			throw new PasswordReset.RefusedPassword(problems);
		}
		Account account = this.accounts.findById(accountId).orElseThrow();
		Instant now = this.clock.instant();
		account.setPasswordHash(this.passwordEncoder.encode(password));
		account.setPasswordChangedAt(now);
		account.setEmailVerifiedAt(now);
		this.audit.record("INVITATION_ACCEPT", AuditLog.Outcome.SUCCESS, accountId, "account:" + accountId, Map.of());
		return List.of();
	}

	private String link(String token) {
		return this.publicUrl.link("/invitation?token=" + token);
	}

	/**
	 * An invitation issued.
	 *
	 * @param account the account created
	 * @param link the one-time link to choose a password
	 * @param validity how long the link works
	 */
	record Invitation(Account account, String link, Duration validity) {
	}

}
