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
 * {@code DaoAuthenticationProvider}: a blocked address is refused before its password is
 * even checked, with the same message as a wrong password.
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
		if (this.throttle.remainingBlock(email, ip).isPresent()) {
			this.throttle.failure(email, ip);
			this.audit.record("LOGIN", AuditLog.Outcome.DENIED, null, null, Map.of("reason", "throttled"));
			throw new BadCredentialsException("Too many failed attempts");
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.success(email);
			return result;
		}
		catch (AuthenticationException ex) {
			if (ex instanceof BadCredentialsException) {
				this.throttle.failure(email, ip);
			}
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
