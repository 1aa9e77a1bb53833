package fr.dwwm.comptoir.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a correct password: sets the session's idle timeout (shorter for staff),
 * remembers when and from where the person logged in (for the absolute timeout and the
 * list of sessions), then either finishes the login or asks for the second factor.
 */
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	/** Where accounts that need a second factor go after their password. */
	static final String SECOND_FACTOR_PAGE = "/login/second-factor";

	private final SessionPolicy policy;

	private final ApplicationEventPublisher events;

	LoginSuccessHandler(SessionPolicy policy, ApplicationEventPublisher events) {
		this.policy = policy;
		this.events = events;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		boolean staff = isStaff(authentication);
		HttpSession session = request.getSession();
		session.setMaxInactiveInterval((int) this.policy.idle(staff).toSeconds());
		session.setAttribute(UserSessions.LOGIN_TIME, System.currentTimeMillis());
		session.setAttribute(UserSessions.LOGIN_IP, request.getRemoteAddr());
		String agent = request.getHeader("User-Agent");
		session.setAttribute(UserSessions.LOGIN_AGENT,
				(agent != null && agent.length() > 200) ? agent.substring(0, 200) : agent);
		this.events.publishEvent(new PasswordLoginEvent(authentication, Map.of()));
		if (Factors.secondFactorPending(authentication)) {
			getRedirectStrategy().sendRedirect(request, response, SECOND_FACTOR_PAGE);
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

	static boolean isStaff(Authentication authentication) {
		return Factors.has(authentication, "ROLE_EDITOR") || Factors.has(authentication, "ROLE_ADMIN");
	}

	/**
	 * Published after a correct password, whether or not a second factor follows.
	 *
	 * @param authentication the authentication
	 * @param details extra facts for the audit log
	 */
	record PasswordLoginEvent(Authentication authentication, Map<String, Object> details) {

	}

}
