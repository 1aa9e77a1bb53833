package fr.dwwm.comptoir.web;

import java.io.IOException;
import java.security.SecureRandom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each request a short reference, such as {@code K7QX-M2PA}, that ties together
 * what a customer sees and what the logs say: it is in every log line written while the
 * request runs ({@code requestId} in the logging context: the {@code [K7QX-M2PA]} of the
 * text logs, a field of the JSON logs in production), in the {@code X-Request-Id}
 * response header, and on the error page, where a customer can read it out to the shop. A
 * failure that escapes the application is logged here, with its reference, before the
 * error page is sent.
 *
 * <p>
 * The first filter of all, so that every answer carries a reference and every log line a
 * request writes has it, those of the session and security filters included.
 *
 * <p>
 * The reference is drawn by the shop, never taken from the request: a client could write
 * anything in a header, log lines included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestReference extends OncePerRequestFilter {

	/** Request attribute and logging context key holding the reference. */
	public static final String ATTRIBUTE = "requestId";

	/** Crockford's base 32: no I, L, O or U to misread on the phone. */
	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final Logger logger = LoggerFactory.getLogger(RequestReference.class);

	private final SecureRandom random = new SecureRandom();

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// The error page's own dispatch finds the reference again in the request.
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String reference = (request.getAttribute(ATTRIBUTE) instanceof String kept) ? kept : draw();
		request.setAttribute(ATTRIBUTE, reference);
		response.setHeader("X-Request-Id", reference);
		MDC.put(ATTRIBUTE, reference);
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			logger.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
			throw ex;
		}
		finally {
			MDC.remove(ATTRIBUTE);
		}
	}

	/**
	 * Draws a new reference: eight characters, 40 random bits, in two groups of four.
	 * @return e.g. {@code K7QX-M2PA}
	 */
	String draw() {
		char[] reference = new char[9];
		for (int i = 0; i < reference.length; i++) {
			reference[i] = (i == 4) ? '-' : ALPHABET[this.random.nextInt(ALPHABET.length)];
		}
		return new String(reference);
	}

}
