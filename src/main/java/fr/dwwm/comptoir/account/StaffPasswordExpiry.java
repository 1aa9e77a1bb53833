package fr.dwwm.comptoir.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpSession;

import fr.dwwm.comptoir.security.LoginEvent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A staff member's password lasts a year (C02, ANSSI PG-078 R25, d'après: one to three
 * years for administrators; customers' passwords never expire). At login, a staff
 * member's session keeps the moment their password was set; from a year after it, already
 * past or reached during the session, the back office sends them to the security page
 * until they choose a new one ({@link ExpiredStaffPasswordGate}), and the mark goes with
 * the change. The age counts from the last change, or from the account's creation when no
 * change was ever recorded.
 */
@Component
public class StaffPasswordExpiry {

	/** Session attribute: when the signed-in staff member's password was set. */
	static final String SESSION_ATTRIBUTE = StaffPasswordExpiry.class.getName() + ".PASSWORD_SET_AT";

	private final AccountRepository accounts;

	private final Clock clock;

	private final Duration maximumAge;

	StaffPasswordExpiry(AccountRepository accounts, Clock clock,
			@Value("${app.security.staff-password-max-age:P365D}") Duration maximumAge) {
		this.accounts = accounts;
		this.clock = clock;
		this.maximumAge = maximumAge;
	}

	/**
	 * Whether a password set at this moment is too old now.
	 * @param setAt when the password was last set
	 * @param now the current instant
	 * @param maximumAge how long a staff password lasts
	 * @return whether it must be changed
	 */
	static boolean expired(Instant setAt, Instant now, Duration maximumAge) {
		return !setAt.plus(maximumAge).isAfter(now);
	}

	@EventListener
	void loggedIn(LoginEvent event) {
		Long accountId = event.accountId();
		if (accountId == null
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return;
		}
		Account account = this.accounts.findById(accountId).orElse(null);
		if (account == null || !account.getRole().isStaff()) {
			return;
		}
		Instant setAt = (account.getPasswordChangedAt() != null) ? account.getPasswordChangedAt()
				: account.getCreatedAt();
		// The login made the session already; asking for it never skips the mark.
		attributes.getRequest().getSession().setAttribute(SESSION_ATTRIBUTE, (setAt != null) ? setAt : Instant.EPOCH);
	}

	/**
	 * Whether the person signed in with this session must change their password first: a
	 * staff member whose password's year is over, now.
	 * @param session the session, or {@code null} when the request has none
	 * @return whether their password expired
	 */
	boolean mustChange(HttpSession session) {
		return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Instant setAt
				&& expired(setAt, this.clock.instant(), this.maximumAge);
	}

	/**
	 * Lifts the mark once the password was changed in this session (the new one lasts
	 * longer than any session).
	 * @param session the session that changed it
	 */
	static void changed(HttpSession session) {
		session.removeAttribute(SESSION_ATTRIBUTE);
	}

}
