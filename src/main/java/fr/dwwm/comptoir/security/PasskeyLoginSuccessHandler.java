package fr.dwwm.comptoir.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After a passkey sign-in: the session starts like after a password (idle timeout, time,
 * address and browser of the login, audit entry); a staff member's other sessions end, as
 * after their second factor; the script of the login page gets, as Spring Security's
 * WebAuthn support expects, {@code {"authenticated": true, "redirectUrl": …}}: the page
 * the person was sent away from, or their home (the back office for staff).
 */
class PasskeyLoginSuccessHandler implements AuthenticationSuccessHandler {

	private final SessionPolicy policy;

	private final ApplicationEventPublisher events;

	private final UserSessions sessions;

	private final RequestCache savedRequests = new HttpSessionRequestCache();

	PasskeyLoginSuccessHandler(SessionPolicy policy, ApplicationEventPublisher events, UserSessions sessions) {
		this.policy = policy;
		this.events = events;
		this.sessions = sessions;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		LoginSuccessHandler.startSession(request, authentication, this.policy);
		this.events.publishEvent(new LoginEvent(authentication, "passkey"));
		boolean staff = LoginSuccessHandler.isStaff(authentication);
		if (staff) {
			this.sessions.endAllBut(authentication.getName(), request.getSession().getId());
		}
		SavedRequest saved = this.savedRequests.getRequest(request, response);
		String next = (saved != null) ? saved.getRedirectUrl() : (staff ? "/admin" : "/account");
		this.savedRequests.removeRequest(request, response);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.getWriter().write("{\"authenticated\":true,\"redirectUrl\":\"" + json(next) + "\"}");
	}

	private static String json(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\' || c < 0x20 || c == '<' || c == '>') {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
