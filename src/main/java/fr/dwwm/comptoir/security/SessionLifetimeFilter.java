package fr.dwwm.comptoir.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two rules on logged-in sessions that Spring Security does not provide:
 *
 * <ul>
 * <li>an absolute lifetime (8 hours for customers, 4 for staff): past it, the session
 * ends even if it was used all along (OWASP ASVS 7.3.2);</li>
 * <li>an account whose second factor is still to be proved may only reach the
 * second-factor pages and log out.</li>
 * </ul>
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

	private static final Set<String> ALLOWED_BEFORE_SECOND_FACTOR = Set.of("/login/second-factor", "/logout", "/error");

	private final SessionPolicy policy;

	SessionLifetimeFilter(SessionPolicy policy) {
		this.policy = policy;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(UserSessions.LOGIN_TIME) instanceof Long loginTime
				&& authentication != null) {
			long lifetime = this.policy.absolute(LoginSuccessHandler.isStaff(authentication)).toMillis();
			if (System.currentTimeMillis() - loginTime > lifetime) {
				session.invalidate();
				SecurityContextHolder.clearContext();
				response.sendRedirect(request.getContextPath() + "/login?expired");
				return;
			}
		}
		if (Factors.secondFactorPending(authentication) && !isAllowedBeforeSecondFactor(request)) {
			response.sendRedirect(request.getContextPath() + LoginSuccessHandler.SECOND_FACTOR_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isAllowedBeforeSecondFactor(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return ALLOWED_BEFORE_SECOND_FACTOR.stream().anyMatch(path::startsWith) || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.startsWith("/img/") || path.startsWith("/webjars/");
	}

}
