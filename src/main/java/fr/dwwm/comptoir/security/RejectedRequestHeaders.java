package fr.dwwm.comptoir.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

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
 * set here lets its scripts run under the policy. The other headers are written by the
 * same Spring Security writers, with the same values, as {@link SecurityConfiguration}
 * gives every response (HSTS on HTTPS requests only, as there).
 */
class RejectedRequestHeaders implements RequestRejectedHandler {

	private static final List<HeaderWriter> HEADERS = List.of(new XContentTypeOptionsHeaderWriter(),
			new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY), new HstsHeaderWriter(),
			new ReferrerPolicyHeaderWriter(SecurityConfiguration.REFERRER_POLICY),
			new StaticHeadersWriter("Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY));

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		ContentSecurityPolicyFilter.applyTo(request, response);
		HEADERS.forEach((writer) -> writer.writeHeaders(request, response));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

}
