package fr.dwwm.comptoir.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
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

	/**
	 * Where a session still owing its second factor may go (matched as the router does).
	 */
	private static final RequestMatcher ALLOWED_BEFORE_SECOND_FACTOR = RoutedPaths.anyOf("/login/second-factor/**",
			"/logout", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**");

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
		if (Factors.secondFactorPending(authentication) && !ALLOWED_BEFORE_SECOND_FACTOR.matches(request)) {
			response.sendRedirect(request.getContextPath() + LoginSuccessHandler.SECOND_FACTOR_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

}
