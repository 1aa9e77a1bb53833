package fr.dwwm.comptoir.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps a staff member whose password expired ({@link StaffPasswordExpiry}) out of the
 * back office until they change it: every {@code /admin} page sends them to the security
 * page, which says why; the staff API answers {@code 403} to their session; and they
 * cannot create an API token meanwhile, which would open that API without the session.
 * The rest of their session works (the shop, their account, logging out). Tokens made
 * before keep their own expiry. Spring MVC matches the path once decoded and without path
 * parameters, as it does to find the page itself, so {@code /%61dmin} or
 * {@code /admin;x=1/orders} are gated too (Spring Security's firewall refuses most of
 * them before that).
 */
@Configuration(proxyBeanMethods = false)
class ExpiredStaffPasswordGate implements WebMvcConfigurer, HandlerInterceptor {

	/** Where the staff member goes: the security page, which explains. */
	static final String CHANGE_PAGE = "/account/security";

	private final StaffPasswordExpiry expiry;

	ExpiredStaffPasswordGate(StaffPasswordExpiry expiry) {
		this.expiry = expiry;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this)
			.addPathPatterns("/admin", "/admin/**", "/api/v1/admin/**", "/account/api-tokens",
					"/account/api-tokens/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (!this.expiry.mustChange(request.getSession(false))) {
			return true;
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
		}
		else {
			response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
		}
		return false;
	}

}
