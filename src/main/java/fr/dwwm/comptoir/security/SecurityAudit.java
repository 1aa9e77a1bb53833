package fr.dwwm.comptoir.security;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes Spring Security's events into the audit log: logins, failed logins and refused
 * accesses (ASVS 16.3). What is typed in the login field is only kept when it looks like
 * an e-mail address: people sometimes type their password there.
 */
@Component
class SecurityAudit {

	private final AuditLog audit;

	SecurityAudit(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void loggedIn(LoginEvent event) {
		Map<String, Object> details = new HashMap<>();
		details.put("factor", event.factor());
		details.put("secondFactorPending", Factors.secondFactorPending(event.authentication()));
		this.audit.record("LOGIN", AuditLog.Outcome.SUCCESS, accountId(event.authentication()), null, details);
	}

	@EventListener
	void loginFailed(AbstractAuthenticationFailureEvent event) {
		Map<String, Object> details = new HashMap<>();
		String typed = String.valueOf(event.getAuthentication().getName());
		details.put("login",
				typed.matches("[^\\s@]{1,64}@[^\\s@]{1,190}") ? AuditLog.oneLine(typed) : "[not an address]");
		details.put("reason", event.getException().getClass().getSimpleName());
		this.audit.record("LOGIN", AuditLog.Outcome.FAILURE, null, null, details);
	}

	@EventListener
	void accessDenied(AuthorizationDeniedEvent<?> event) {
		Authentication authentication = event.getAuthentication().get();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return;
		}
		String path = null;
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			path = attributes.getRequest().getRequestURI();
		}
		this.audit.record("ACCESS", AuditLog.Outcome.DENIED, accountId(authentication), path, Map.of());
	}

	static Long accountId(Authentication authentication) {
		return (authentication.getPrincipal() instanceof AccountPrincipal principal) ? principal.getAccountId() : null;
	}

}
