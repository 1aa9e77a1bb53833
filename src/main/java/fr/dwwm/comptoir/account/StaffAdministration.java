package fr.dwwm.comptoir.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.mail.MailOutbox;
import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.UserSessions;
import fr.dwwm.comptoir.system.AfterCommit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts as administrators manage them in the back office: invite an editor or an
 * administrator by mail ({@link Invitations}), change a role ({@link AccountRoles}),
 * disable an account (its sessions end at once) or enable it again. Every change is
 * audited with the administrator who made it.
 *
 * <p>
 * Nobody acts on their own account, and the shop never loses its last administrator: each
 * change first locks the rows of the enabled administrators, then checks that the one
 * asking is still one of them and that another remains. Two administrators disabling or
 * demoting each other at the same instant are thus served one after the other, and the
 * second is refused ({@code StaffAccountsTests}).
 */
@Service
public class StaffAdministration {

	private final JdbcClient jdbc;

	private final AccountRepository accounts;

	private final Invitations invitations;

	private final AccountRoles roles;

	private final UserSessions sessions;

	private final MailOutbox mails;

	private final AuditLog audit;

	StaffAdministration(JdbcClient jdbc, AccountRepository accounts, Invitations invitations, AccountRoles roles,
			UserSessions sessions, MailOutbox mails, AuditLog audit) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.invitations = invitations;
		this.roles = roles;
		this.sessions = sessions;
		this.mails = mails;
		this.audit = audit;
	}

	/**
	 * Lists the staff accounts, administrators first.
	 * @return every editor and administrator
	 */
	@Transactional(readOnly = true)
	public List<Member> members() {
		return this.jdbc.sql("""
				SELECT id, email, first_name, last_name, role_code, enabled, email_verified_at IS NULL AS invited,
				       mfa_enabled_at IS NOT NULL AS second_factor, last_login_at
				FROM account WHERE role_code IN ('EDITOR', 'ADMIN') AND anonymised_at IS NULL
				ORDER BY role_code, lower(email)""")
			.query((row, n) -> new Member(row.getLong("id"), row.getString("email"),
					name(row.getString("first_name"), row.getString("last_name")),
					Role.valueOf(row.getString("role_code")), row.getBoolean("enabled"), row.getBoolean("invited"),
					row.getBoolean("second_factor"), instant(row.getTimestamp("last_login_at"))))
			.list();
	}

	/**
	 * Invites a new member of staff: their account is created and the link to choose
	 * their password mailed to them.
	 * @param email their address
	 * @param firstName their first name
	 * @param lastName their last name
	 * @param role {@code EDITOR} or {@code ADMIN}
	 * @param actorId the administrator inviting
	 * @param locale the language of the mail
	 * @return why it was refused, or empty when done
	 */
	@Transactional
	public Optional<Refusal> invite(String email, String firstName, String lastName, Role role, long actorId,
			Locale locale) {
		if (!role.isStaff()) {
			return Optional.of(Refusal.NOT_STAFF);
		}
		if (this.accounts.findByEmail(Account.normaliseEmail(email)).isPresent()) {
			this.audit.record("STAFF_INVITE", AuditLog.Outcome.DENIED, actorId, null, Map.of("reason", "EMAIL_TAKEN"));
			return Optional.of(Refusal.EMAIL_TAKEN);
		}
		Invitations.Invitation invitation = this.invitations.invite(email, firstName, lastName, role, actorId,
				Duration.ofHours(Invitations.MAILED_HOURS));
		mail(invitation, locale);
		return Optional.empty();
	}

	/**
	 * Mails a new invitation link to someone who never followed theirs.
	 * @param accountId the account invited
	 * @param actorId the administrator asking
	 * @param locale the language of the mail
	 * @return why it was refused, or empty when done
	 */
	@Transactional
	public Optional<Refusal> reinvite(long accountId, long actorId, Locale locale) {
		Optional<Invitations.Invitation> invitation = this.invitations.renew(accountId, actorId);
		invitation.ifPresent((renewed) -> mail(renewed, locale));
		return invitation.isPresent() ? Optional.empty() : Optional.of(Refusal.NOT_INVITED);
	}

	/**
	 * Gives a member of staff another staff role; their sessions end, so that they sign
	 * in again with the rights of the new one.
	 * @param accountId the member of staff
	 * @param role {@code EDITOR} or {@code ADMIN}
	 * @param actorId the administrator asking
	 * @param ip their address, for the audit log
	 * @return why it was refused, or empty when done
	 */
	@Transactional
	public Optional<Refusal> changeRole(long accountId, Role role, long actorId, String ip) {
		Optional<Refusal> refusal = check("ROLE_CHANGE", accountId, actorId, role != Role.ADMIN);
		if (refusal.isEmpty() && !role.isStaff()) {
			refusal = Optional.of(Refusal.NOT_STAFF);
		}
		if (refusal.isPresent()) {
			return refusal;
		}
		this.roles.change(accountId, role, actorId, ip);
		endSessions(accountId);
		return Optional.empty();
	}

	/**
	 * Disables a member of staff's account: they can no longer sign in, and every session
	 * they have open ends as soon as the change is committed.
	 * @param accountId the member of staff
	 * @param actorId the administrator asking
	 * @return why it was refused, or empty when done
	 */
	@Transactional
	public Optional<Refusal> disable(long accountId, long actorId) {
		Optional<Refusal> refusal = check("STAFF_DISABLE", accountId, actorId, true);
		if (refusal.isPresent()) {
			return refusal;
		}
		this.jdbc.sql("UPDATE account SET enabled = false WHERE id = :id").param("id", accountId).update();
		endSessions(accountId);
		this.audit.record("STAFF_DISABLE", AuditLog.Outcome.SUCCESS, actorId, "account:" + accountId, Map.of());
		return Optional.empty();
	}

	/**
	 * Enables a member of staff's account again.
	 * @param accountId the member of staff
	 * @param actorId the administrator asking
	 * @return why it was refused, or empty when done
	 */
	@Transactional
	public Optional<Refusal> enable(long accountId, long actorId) {
		Optional<Refusal> refusal = check("STAFF_ENABLE", accountId, actorId, false);
		if (refusal.isPresent()) {
			return refusal;
		}
		this.jdbc.sql("UPDATE account SET enabled = true WHERE id = :id").param("id", accountId).update();
		this.audit.record("STAFF_ENABLE", AuditLog.Outcome.SUCCESS, actorId, "account:" + accountId, Map.of());
		return Optional.empty();
	}

	/**
	 * Checks a change of a staff account, with the enabled administrators' rows locked
	 * until the transaction ends.
	 * @param removesAnAdministrator whether the change may leave one administrator fewer
	 */
	private Optional<Refusal> check(String action, long accountId, long actorId, boolean removesAnAdministrator) {
		List<Long> administrators = this.jdbc.sql("""
				SELECT id FROM account WHERE role_code = 'ADMIN' AND enabled AND anonymised_at IS NULL
				ORDER BY id FOR UPDATE""").query(Long.class).list();
		Optional<Refusal> refusal = Optional.empty();
		Optional<Role> role = this.jdbc
			.sql("SELECT role_code FROM account WHERE id = :id AND anonymised_at IS NULL FOR UPDATE")
			.param("id", accountId)
			.query((row, n) -> Role.valueOf(row.getString("role_code")))
			.optional();
		if (!administrators.contains(actorId)) {
			refusal = Optional.of(Refusal.NOT_AN_ADMINISTRATOR);
		}
		else if (accountId == actorId) {
			refusal = Optional.of(Refusal.OWN_ACCOUNT);
		}
		else if (role.isEmpty() || !role.get().isStaff()) {
			refusal = Optional.of(Refusal.NOT_STAFF);
		}
		else if (removesAnAdministrator && administrators.contains(accountId)
				&& administrators.stream().filter((id) -> id != accountId).count() == 0) {
			refusal = Optional.of(Refusal.LAST_ADMINISTRATOR);
		}
		refusal.ifPresent((reason) -> this.audit.record(action, AuditLog.Outcome.DENIED, actorId,
				"account:" + accountId, Map.of("reason", reason.name())));
		return refusal;
	}

	private void mail(Invitations.Invitation invitation, Locale locale) {
		Account account = invitation.account();
		this.mails.enqueue(account.getEmail(), "staff-invitation", Map.of("name", account.displayName(), "link",
				invitation.link(), "role", account.getRole().name(), "hours", invitation.validity().toHours()), locale);
	}

	private void endSessions(long accountId) {
		String login = this.accounts.findById(accountId).orElseThrow().getEmail();
		// After the commit: a sign-in in between would otherwise still see the old
		// rights.
		AfterCommit.run(() -> this.sessions.endAllBut(login, null));
	}

	private static String name(String first, String last) {
		String name = ((first != null) ? first : "") + " " + ((last != null) ? last : "");
		return name.isBlank() ? null : name.strip();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** Why a change of a staff account was refused. */
	public enum Refusal {

		/** The one asking is no longer an enabled administrator. */
		NOT_AN_ADMINISTRATOR,
		/** It is the administrator's own account. */
		OWN_ACCOUNT,
		/** The account is a customer's (or the role is not a staff role). */
		NOT_STAFF,
		/** It would leave the shop without an enabled administrator. */
		LAST_ADMINISTRATOR,
		/** The address already has an account. */
		EMAIL_TAKEN,
		/** The account already chose its password: there is nothing to invite again. */
		NOT_INVITED

	}

	/**
	 * A member of staff in the list.
	 *
	 * @param id the account
	 * @param email their login
	 * @param name first and last name, or {@code null}
	 * @param role {@code EDITOR} or {@code ADMIN}
	 * @param enabled whether they may sign in
	 * @param invited whether they have not chosen their password yet
	 * @param secondFactor whether their second factor is set up
	 * @param lastLoginAt their last sign-in, or {@code null}
	 */
	public record Member(long id, String email, String name, Role role, boolean enabled, boolean invited,
			boolean secondFactor, Instant lastLoginAt) {
	}

}
