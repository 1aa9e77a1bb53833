package fr.dwwm.comptoir.security;

import java.util.Locale;
import java.util.Map;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login, with {@link LoginThrottle} in front of Spring Security's own
 * {@code DaoAuthenticationProvider}: each attempt is counted before its password is
 * checked, and a blocked address is refused without any check, with the same message as a
 * wrong password.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, AuditLog audit) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = (authentication.getName() != null) ? authentication.getName().strip().toLowerCase(Locale.ROOT)
				: "";
		String ip = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		if (!this.throttle.attempt(email, ip)) {
			this.audit.record("LOGIN", AuditLog.Outcome.DENIED, null, null, Map.of("reason", "throttled"));
			throw new ThrottledException();
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.succeeded(email, ip);
			return result;
		}
		catch (AuthenticationException ex) {
			if (!(ex instanceof BadCredentialsException)) {
				// The right password of an account that cannot log in (not activated,
				// disabled): not a guess, the attempt is given back.
				this.throttle.succeeded(email, ip);
			}
			throw ex;
		}
	}

	/**
	 * A login refused by the throttle, before any password check. It is a
	 * {@link BadCredentialsException}, so that the visitor sees exactly what a wrong
	 * password shows; the audit log names it apart.
	 */
	static final class ThrottledException extends BadCredentialsException {

		private static final long serialVersionUID = 1L;

		ThrottledException() {
			super("Too many failed attempts");
		}

	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
