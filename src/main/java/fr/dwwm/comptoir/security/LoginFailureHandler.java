package fr.dwwm.comptoir.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * After a failed login. An unknown address, a wrong password and a blocked address get
 * exactly the same answer, so that nobody can learn which accounts exist. Only after a
 * correct password does the page say that the account is not activated yet or disabled
 * (the person has proved they know the password).
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

	private final DefaultRedirectStrategy redirect = new DefaultRedirectStrategy();

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		String target;
		if (exception instanceof DisabledException) {
			target = "/login?unverified";
		}
		else if (exception instanceof LockedException) {
			target = "/login?disabled";
		}
		else {
			target = "/login?error";
		}
		this.redirect.sendRedirect(request, response, target);
	}

}
