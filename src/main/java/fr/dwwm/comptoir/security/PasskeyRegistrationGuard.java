package fr.dwwm.comptoir.security;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards Spring Security's passkey registration URLs ({@code /webauthn/register/**}),
 * which by themselves only ask for a signed-in session. A passkey is a way in that lasts:
 * whoever adds one keeps the account. So the shop also asks that
 * <ul>
 * <li>the session has finished its login: a staff member who only typed their password
 * (second factor pending) could otherwise add a passkey and come back with it, second
 * factor skipped;</li>
 * <li>the person typed their password again less than
 * {@link PasskeyRegistrationAllowance#WINDOW} ago, for this account, as for every change
 * of a way in (ANSSI: re-authentication before a sensitive action): a session left open
 * or stolen cannot add a key.</li>
 * </ul>
 * Removal goes through the security page's own form, which checks the owner and writes
 * the audit log; Spring Security's {@code DELETE /webauthn/register/{id}} is not served.
 */
public class PasskeyRegistrationGuard extends OncePerRequestFilter {

	private static final RequestMatcher REGISTRATION = PathPatternRequestMatcher.withDefaults()
		.matcher("/webauthn/register/**");

	private static final RequestMatcher REGISTRATION_ROOT = PathPatternRequestMatcher.withDefaults()
		.matcher("/webauthn/register");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !REGISTRATION.matches(request) && !REGISTRATION_ROOT.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!HttpMethod.POST.matches(request.getMethod())) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		boolean allowed = authentication != null && authentication.getPrincipal() instanceof AccountPrincipal account
				&& !Factors.secondFactorPending(authentication) && session != null
				&& PasskeyRegistrationAllowance.allows(session, account.getAccountId(), Instant.now());
		if (!allowed) {
			problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
					"Confirm your password before adding a passkey.");
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (PasskeyLimitReached ex) {
			// A valid answer, but another device took the last place meanwhile.
			if (!response.isCommitted()) {
				response.resetBuffer();
				problem(response, HttpServletResponse.SC_CONFLICT, "Conflict",
						"The account holds the most passkeys it may.");
			}
		}
		catch (RuntimeException ex) {
			// An answer the relying party cannot accept (forged or damaged attestation,
			// unknown format): the client's fault, answered 400 rather than 500.
			logger.info("Passkey registration refused: " + ex);
			if (!response.isCommitted()) {
				response.resetBuffer();
				problem(response, HttpServletResponse.SC_BAD_REQUEST, "Bad Request",
						"The device's answer could not be verified.");
			}
		}
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}

}
