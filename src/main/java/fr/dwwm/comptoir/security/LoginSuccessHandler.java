package fr.dwwm.comptoir.security;

import java.io.IOException;
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
		startSession(request, authentication, this.policy);
		this.events.publishEvent(new LoginEvent(authentication, "password"));
		if (Factors.secondFactorPending(authentication)) {
			getRedirectStrategy().sendRedirect(request, response, SECOND_FACTOR_PAGE);
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

	/**
	 * Sets the new session's idle timeout and remembers when, from where and with which
	 * browser the person logged in: for the absolute timeout and the list of sessions.
	 * @param request the login request
	 * @param authentication who logged in
	 * @param policy the session lifetimes
	 */
	static void startSession(HttpServletRequest request, Authentication authentication, SessionPolicy policy) {
		HttpSession session = request.getSession();
		session.setMaxInactiveInterval((int) policy.idle(isStaff(authentication)).toSeconds());
		session.setAttribute(UserSessions.LOGIN_TIME, System.currentTimeMillis());
		session.setAttribute(UserSessions.LOGIN_IP, request.getRemoteAddr());
		String agent = request.getHeader("User-Agent");
		session.setAttribute(UserSessions.LOGIN_AGENT,
				(agent != null && agent.length() > 200) ? agent.substring(0, 200) : agent);
	}

	static boolean isStaff(Authentication authentication) {
		return Factors.has(authentication, "ROLE_EDITOR") || Factors.has(authentication, "ROLE_ADMIN");
	}

}
