package fr.dwwm.comptoir.security;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

/**
 * What a session keeps when someone signs in: a new identifier (against session fixation,
 * as Spring Security's default) and nothing stored before, except what a feature
 * explicitly carries over ({@link CarriedOverLogin}: the guest's cart) and the page the
 * visitor was going to.
 *
 * <p>
 * Spring Security's default keeps every attribute. So a secret drawn for one account's
 * authenticator set-up was still in the session after the same browser signed in as a
 * member of staff, and replaced that staff member's factor with a password alone. Nothing
 * from before a login is trusted after it.
 */
class FreshSessionAtLogin implements SessionAuthenticationStrategy {

	/**
	 * Where Spring Security's {@code HttpSessionRequestCache} keeps the page to return to
	 * after the login.
	 */
	private static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

	private final Set<String> carried;

	FreshSessionAtLogin(List<CarriedOverLogin> carried) {
		this.carried = carried.stream().map(CarriedOverLogin::sessionAttribute).collect(Collectors.toSet());
	}

	@Override
	public void onAuthentication(Authentication authentication, HttpServletRequest request,
			HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return;
		}
		request.changeSessionId();
		for (String name : Collections.list(session.getAttributeNames())) {
			if (!this.carried.contains(name) && !SAVED_REQUEST.equals(name)) {
				session.removeAttribute(name);
			}
		}
	}

}
