package fr.dwwm.comptoir.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers a request that Spring Security's firewall refuses (a path parameter
 * {@code /account;x=1}, an encoded slash, a double slash...) with 400 and the same
 * security headers as every other page.
 *
 * <p>
 * Such a request never reaches the filters that write those headers: Spring Security's
 * own handler sent a bare error page, without Content-Security-Policy, framing or
 * sniffing protection, nor {@code Cache-Control: no-store}, so a browser or the service
 * worker could keep it. The error page is rendered afterwards by Spring Boot; the nonce
 * set here lets its scripts run under the policy.
 */
class RejectedRequestHeaders implements RequestRejectedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		ContentSecurityPolicyFilter.applyTo(request, response);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

}
