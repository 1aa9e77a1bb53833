package fr.dwwm.comptoir.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Writes each request refused for its CSRF token into the audit log (ASVS 16.3.3: a
 * security control that fails is logged), with the account of the session and what was
 * tried ({@code POST /account/addresses}), then answers as the handler it wraps does. A
 * run of them against one account is what a forged page makes its victims' browsers send.
 */
final class CsrfRefusalAudit implements AccessDeniedHandler {

	private final AccessDeniedHandler answer;

	private final AuditLog audit;

	CsrfRefusalAudit(AccessDeniedHandler answer, AuditLog audit) {
		this.answer = answer;
		this.audit = audit;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException, ServletException {
		if (accessDeniedException instanceof CsrfException) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			this.audit.record("CSRF", AuditLog.Outcome.DENIED,
					(authentication != null) ? SecurityAudit.accountId(authentication) : null,
					request.getMethod() + " " + request.getRequestURI(),
					Map.of("reason", accessDeniedException.getClass().getSimpleName()));
		}
		this.answer.handle(request, response, accessDeniedException);
	}

}
