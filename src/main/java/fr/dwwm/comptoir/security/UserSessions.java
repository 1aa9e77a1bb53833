package fr.dwwm.comptoir.security;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * The sessions of a person across every instance of the shop (they are stored in
 * PostgreSQL by Spring Session): listed in the account's security page, and ended when
 * the password changes, the account is disabled or deleted, or a member of staff logs in
 * again.
 */
@Service
public class UserSessions {

	/** Session attribute: when the person logged in (epoch milliseconds). */
	public static final String LOGIN_TIME = "comptoir.loginTime";

	/** Session attribute: the IP address the person logged in from. */
	public static final String LOGIN_IP = "comptoir.loginIp";

	/** Session attribute: the browser the person logged in with. */
	public static final String LOGIN_AGENT = "comptoir.loginAgent";

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/**
	 * Lists the open sessions of a person, most recently used first.
	 * @param login the person's login (e-mail address)
	 * @param currentId the id of the session asking, to mark it
	 * @return the sessions
	 */
	public List<SessionInfo> of(String login, String currentId) {
		Map<String, ? extends Session> found = this.sessions.findByPrincipalName(login);
		return found.values()
			.stream()
			.filter((session) -> !session.isExpired())
			.map((session) -> new SessionInfo(session.getId(), session.getCreationTime(), session.getLastAccessedTime(),
					session.getAttribute(LOGIN_IP), session.getAttribute(LOGIN_AGENT),
					session.getId().equals(currentId)))
			.sorted(Comparator.comparing(SessionInfo::lastUsed).reversed())
			.toList();
	}

	/**
	 * Ends every session of a person but one.
	 * @param login the person's login
	 * @param keepId the session to keep, or {@code null} to end them all
	 * @return how many were ended
	 */
	public int endAllBut(String login, String keepId) {
		int ended = 0;
		for (String id : this.sessions.findByPrincipalName(login).keySet()) {
			if (!id.equals(keepId)) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

	/**
	 * Ends one session of a person, if it is theirs.
	 * @param login the person's login
	 * @param reference the session's {@link SessionInfo#reference() reference}
	 * @return whether a session was ended
	 */
	public boolean end(String login, String reference) {
		for (String id : this.sessions.findByPrincipalName(login).keySet()) {
			if (reference(id).equals(reference)) {
				this.sessions.deleteById(id);
				return true;
			}
		}
		return false;
	}

	/**
	 * An opaque reference to a session, for forms: a session id is a credential and never
	 * appears in a page.
	 * @param sessionId the id
	 * @return the first 24 hexadecimal digits of its SHA-256
	 */
	static String reference(String sessionId) {
		try {
			byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
				.digest(sessionId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(hash).substring(0, 24);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An open session as the account page shows it.
	 *
	 * @param id session id, never shown in pages
	 * @param created when it started
	 * @param lastUsed when it was last used
	 * @param ip where the login came from
	 * @param browser the browser's self-description
	 * @param current whether it is the session looking at the list
	 */
	public record SessionInfo(String id, Instant created, Instant lastUsed, String ip, String browser,
			boolean current) {

		/**
		 * Returns the opaque reference of this session, for forms.
		 * @return a hash of the id
		 */
		public String reference() {
			return UserSessions.reference(this.id);
		}

	}

}
